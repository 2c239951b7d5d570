package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * RMSprop, Keras' {@code RMSprop} ({@code learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-7,
 * centered=false}); epsilon sits inside the square root, as in Keras:
 * <pre>
 * velocity = rho * velocity + (1 - rho) * g^2
 * average_gradient = rho * average_gradient + (1 - rho) * g            (centered)
 * denominator = velocity + epsilon                                    (or velocity - average_gradient^2 + epsilon)
 * increment = lr * g / sqrt(denominator)
 * momentum = momentum_coef * momentum + increment; w = w - momentum  (momentum > 0)
 * w = w - increment                                                   (otherwise)
 * </pre>
 * Slots: {@code velocity}, then {@code momentum} (momentum > 0), then {@code average_gradient} (centered).
 */
public final class RMSprop extends Optimizer {
    private final float rho;
    private final float momentum;
    private final float epsilon;
    private final boolean centered;

    /** Keras' positional order: learning_rate, rho, momentum, epsilon, centered. */
    public RMSprop(float learningRate, float rho, float momentum, float epsilon, boolean centered) {
        this(builder().learningRate(learningRate).rho(rho).momentum(momentum).epsilon(epsilon).centered(centered));
    }

    /** Without momentum, not centered. */
    public RMSprop(float learningRate, float rho, float epsilon) {
        this(learningRate, rho, 0f, epsilon, false);
    }

    public RMSprop(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public RMSprop(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public RMSprop() {
        this(builder());
    }

    private RMSprop(Builder b) {
        super("RMSprop", b);
        this.rho = checkUnitInterval("rho", b.rho);
        this.momentum = checkUnitInterval("momentum", b.momentum);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
        this.centered = b.centered;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        if (momentum > 0) return centered ? new String[] {"velocity", "momentum", "average_gradient"} : new String[] {"velocity", "momentum"};
        return centered ? new String[] {"velocity", "average_gradient"} : new String[] {"velocity"};
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float[] w = variable.buffer();
        int n = w.length;
        float[] v = slots[0];
        float[] mom = momentum > 0 ? slots[1] : null;
        float[] avg = centered ? slots[slots.length - 1] : null;
        float r = rho, oneMinusRho = 1f - rho, eps = epsilon, mu = momentum;
        if (mom == null && avg == null) {
            // the default (and the benchmark's) case, without the per-element branches
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float vi = r * v[i] + oneMinusRho * gi * gi;
                v[i] = vi;
                w[i] -= lr * gi / (float) Math.sqrt(vi + eps);
            }
            return;
        }
        if (avg == null) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float vi = r * v[i] + oneMinusRho * gi * gi;
                v[i] = vi;
                float mi = mu * mom[i] + lr * gi / (float) Math.sqrt(vi + eps);
                mom[i] = mi;
                w[i] -= mi;
            }
            return;
        }
        // centered, with or without momentum
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float vi = r * v[i] + oneMinusRho * gi * gi;
            v[i] = vi;
            float ai = r * avg[i] + oneMinusRho * gi;
            avg[i] = ai;
            float increment = lr * gi / (float) Math.sqrt(vi - ai * ai + eps);
            if (mom != null) {
                float mi = mu * mom[i] + increment;
                mom[i] = mi;
                w[i] -= mi;
            } else {
                w[i] -= increment;
            }
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static RMSprop fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("RMSprop", b, config, "rho", "momentum", "epsilon", "centered");
        b.rho(configFloat(config, "rho", b.rho));
        b.momentum(configFloat(config, "momentum", b.momentum));
        b.epsilon(configFloat(config, "epsilon", b.epsilon));
        b.centered(configBoolean(config, "centered", b.centered));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rho", rho);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("centered", centered);
        return c;
    }

    /** {@code RMSprop.builder().rho(0.95f).momentum(0.9f).centered(true).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float rho = 0.9f;
        float momentum = 0f;
        float epsilon = 1e-7f;
        boolean centered = false;

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

        public Builder momentum(float momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder epsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        public RMSprop build() {
            return new RMSprop(this);
        }
    }
}
