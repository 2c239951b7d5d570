package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * Adamax, Keras' {@code Adamax}: Adam with the infinity norm ({@code learning_rate=0.001, beta_1=0.9,
 * beta_2=0.999, epsilon=1e-7}):
 * <pre>
 * t = iterations + 1
 * m = m + (g - m) * (1 - beta_1)
 * u = max(beta_2 * u, |g|)
 * w = w - lr * m / ((1 - beta_1^t) * (u + epsilon))
 * </pre>
 * Slots: {@code momentum} (m), {@code norm} (u).
 */
public final class Adamax extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;

    /** Keras' positional order: learning_rate, beta_1, beta_2, epsilon. */
    public Adamax(float learningRate, float beta1, float beta2, float epsilon) {
        this(builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon));
    }

    public Adamax(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adamax(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adamax() {
        this(builder());
    }

    private Adamax(Builder b) {
        super("Adamax", b);
        this.beta1 = checkUnitInterval("beta_1", b.beta1);
        this.beta2 = checkUnitInterval("beta_2", b.beta2);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        return new String[] {"momentum", "norm"};
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float correction = (float) (1 - Math.pow(beta1, iterations() + 1));
        float[] w = variable.buffer();
        float[] m = slots[0];
        float[] u = slots[1];
        float oneMinusBeta1 = 1f - beta1, b2 = beta2, eps = epsilon;
        int n = w.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusBeta1;
            float ui = Math.max(b2 * u[i], Math.abs(gi));
            m[i] = mi;
            u[i] = ui;
            w[i] -= lr * mi / (correction * (ui + eps));
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static Adamax fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("Adamax", b, config, "beta_1", "beta_2", "epsilon");
        b.beta1(configFloat(config, "beta_1", b.beta1));
        b.beta2(configFloat(config, "beta_2", b.beta2));
        b.epsilon(configFloat(config, "epsilon", b.epsilon));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
        return c;
    }

    /** {@code Adamax.builder().learningRate(0.002f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float epsilon = 1e-7f;

        Builder() {
            super(0.001f);
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

        public Adamax build() {
            return new Adamax(this);
        }
    }
}
