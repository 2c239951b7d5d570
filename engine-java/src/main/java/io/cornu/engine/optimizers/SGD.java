package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * Gradient descent with momentum, Keras' {@code SGD} ({@code learning_rate=0.01, momentum=0, nesterov=false}):
 * <pre>
 * w = w - lr * g                                 (momentum = 0)
 * velocity = momentum * velocity - lr * g        (momentum > 0)
 * w = w + velocity                               (plain)
 * w = w + momentum * velocity - lr * g           (nesterov)
 * </pre>
 * Slot: {@code momentum} (only when {@code momentum > 0}).
 */
public final class SGD extends Optimizer {
    private final float momentum;
    private final boolean nesterov;

    public SGD(float learningRate, float momentum, boolean nesterov) {
        this(builder().learningRate(learningRate).momentum(momentum).nesterov(nesterov));
    }

    public SGD(float learningRate, float momentum) {
        this(learningRate, momentum, false);
    }

    public SGD(float learningRate) {
        this(learningRate, 0f);
    }

    public SGD(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public SGD() {
        this(builder());
    }

    private SGD(Builder b) {
        super("SGD", b);
        if (!(b.momentum >= 0 && b.momentum <= 1)) {
            throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: momentum=" + b.momentum);
        }
        this.momentum = b.momentum;
        this.nesterov = b.nesterov;
    }

    public static Builder builder() {
        return new Builder();
    }

    public float momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected String[] slotNames() {
        return momentum != 0 ? new String[] {"momentum"} : new String[0];
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float[] w = variable.buffer();
        int n = w.length;
        if (momentum == 0) {
            for (int i = 0; i < n; i++) w[i] -= lr * g[i];
            return;
        }
        float[] m = slots[0];
        float mu = momentum;
        if (nesterov) {
            for (int i = 0; i < n; i++) {
                float step = lr * g[i];
                float mi = mu * m[i] - step;
                m[i] = mi;
                w[i] += mu * mi - step;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float mi = mu * m[i] - lr * g[i];
                m[i] = mi;
                w[i] += mi;
            }
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static SGD fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("SGD", b, config, "momentum", "nesterov");
        b.momentum(configFloat(config, "momentum", b.momentum));
        b.nesterov(configBoolean(config, "nesterov", b.nesterov));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("momentum", momentum);
        c.put("nesterov", nesterov);
        return c;
    }

    /** {@code SGD.builder().learningRate(0.1f).momentum(0.9f).nesterov(true).clipnorm(1f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float momentum = 0f;
        boolean nesterov = false;

        Builder() {
            super(0.01f);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder momentum(float momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        public SGD build() {
            return new SGD(this);
        }
    }
}
