package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * AdamW, Keras' {@code AdamW}: {@link Adam} with decoupled weight decay (Loshchilov &amp; Hutter),
 * {@code weight_decay=0.004} by default. Before each Adam step, every variable (not excluded with
 * {@link #excludeFromWeightDecay}) shrinks by
 * <pre>
 * w = w - w * weight_decay * lr
 * </pre>
 * then takes the {@link Adam} step. Other defaults as Adam: {@code learning_rate=0.001, beta_1=0.9,
 * beta_2=0.999, epsilon=1e-7, amsgrad=false}. Slots as Adam's.
 */
public final class AdamW extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final boolean amsgrad;

    /** Keras' positional order: learning_rate, weight_decay, beta_1, beta_2, epsilon, amsgrad. */
    public AdamW(float learningRate, float weightDecay, float beta1, float beta2, float epsilon, boolean amsgrad) {
        this(builder().learningRate(learningRate).weightDecay(weightDecay).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad));
    }

    public AdamW(float learningRate, float weightDecay) {
        this(builder().learningRate(learningRate).weightDecay(weightDecay));
    }

    public AdamW(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public AdamW(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public AdamW() {
        this(builder());
    }

    private AdamW(Builder b) {
        super("AdamW", b);
        if (b.weightDecay == null) {
            throw new IllegalArgumentException("Argument `weight_decay` must be a float. Received: weight_decay=None");
        }
        this.beta1 = checkUnitInterval("beta_1", b.beta1);
        this.beta2 = checkUnitInterval("beta_2", b.beta2);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
        this.amsgrad = b.amsgrad;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        return amsgrad ? new String[] {"momentum", "velocity", "velocity_hat"} : new String[] {"momentum", "velocity"};
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        Adam.step(variable.buffer(), g, slots, lr, iterations() + 1, beta1, beta2, epsilon, amsgrad);
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static AdamW fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("AdamW", b, config, "beta_1", "beta_2", "epsilon", "amsgrad");
        b.beta1(configFloat(config, "beta_1", b.beta1));
        b.beta2(configFloat(config, "beta_2", b.beta2));
        b.epsilon(configFloat(config, "epsilon", b.epsilon));
        b.amsgrad(configBoolean(config, "amsgrad", b.amsgrad));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
        c.put("amsgrad", amsgrad);
        return c;
    }

    /** {@code AdamW.builder().weightDecay(0.01f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float epsilon = 1e-7f;
        boolean amsgrad = false;

        Builder() {
            super(0.001f);
            weightDecay(0.004f);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder beta1(float beta1) {
            this.beta1 = beta1;
            return this;
        }

        public Builder beta2(float beta2) {
            this.beta2 = beta2;
            return this;
        }

        public Builder epsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        public AdamW build() {
            return new AdamW(this);
        }
    }
}
