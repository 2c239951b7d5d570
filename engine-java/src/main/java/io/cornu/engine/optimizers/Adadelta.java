package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * Adadelta, Keras' {@code Adadelta} ({@code learning_rate=0.001, rho=0.95, epsilon=1e-7}; use
 * {@code learning_rate=1.0} for the original paper's form):
 * <pre>
 * accumulated_grad = rho * accumulated_grad + (1 - rho) * g^2
 * delta = -sqrt(accumulated_delta_var + epsilon) * g / sqrt(accumulated_grad + epsilon)
 * accumulated_delta_var = rho * accumulated_delta_var + (1 - rho) * delta^2
 * w = w + lr * delta
 * </pre>
 * Slots: {@code accumulated_grad}, {@code accumulated_delta_var}.
 */
public final class Adadelta extends Optimizer {
    private final float rho;
    private final float epsilon;

    /** Keras' positional order: learning_rate, rho, epsilon. */
    public Adadelta(float learningRate, float rho, float epsilon) {
        this(builder().learningRate(learningRate).rho(rho).epsilon(epsilon));
    }

    public Adadelta(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adadelta(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adadelta() {
        this(builder());
    }

    private Adadelta(Builder b) {
        super("Adadelta", b);
        this.rho = checkUnitInterval("rho", b.rho);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        return new String[] {"accumulated_grad", "accumulated_delta_var"};
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float[] w = variable.buffer();
        float[] accGrad = slots[0];
        float[] accDelta = slots[1];
        float r = rho, oneMinusRho = 1f - rho, eps = epsilon;
        int n = w.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float ag = r * accGrad[i] + oneMinusRho * gi * gi;
            accGrad[i] = ag;
            float delta = -((float) Math.sqrt(accDelta[i] + eps) * gi) / (float) Math.sqrt(ag + eps);
            accDelta[i] = r * accDelta[i] + oneMinusRho * delta * delta;
            w[i] += lr * delta;
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static Adadelta fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("Adadelta", b, config, "rho", "epsilon");
        b.rho(configFloat(config, "rho", b.rho));
        b.epsilon(configFloat(config, "epsilon", b.epsilon));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rho", rho);
        c.put("epsilon", epsilon);
        return c;
    }

    /** {@code Adadelta.builder().learningRate(1f).rho(0.9f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float rho = 0.95f;
        float epsilon = 1e-7f;

        Builder() {
            super(0.001f);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder rho(float rho) {
            this.rho = rho;
            return this;
        }

        public Builder epsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Adadelta build() {
            return new Adadelta(this);
        }
    }
}
