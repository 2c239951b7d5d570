package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * Adam, Keras' {@code Adam} ({@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
 * amsgrad=false}), with Keras' form of the bias correction (epsilon is not corrected):
 * <pre>
 * t = iterations + 1
 * alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g^2 - v) * (1 - beta_2)
 * v_hat = max(v_hat, v)                      (amsgrad; then v_hat is used for v)
 * w = w - alpha * m / (sqrt(v) + epsilon)
 * </pre>
 * Slots: {@code momentum}, {@code velocity}, and {@code velocity_hat} with amsgrad.
 */
public class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final boolean amsgrad;

    /** Keras' positional order: learning_rate, beta_1, beta_2, epsilon, amsgrad. */
    public Adam(float learningRate, float beta1, float beta2, float epsilon, boolean amsgrad) {
        this(builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad));
    }

    public Adam(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adam(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adam() {
        this(builder());
    }

    private Adam(Builder b) {
        this("Adam", b, b.beta1, b.beta2, b.epsilon, b.amsgrad);
    }

    /** For subclasses (Adam variants): the base options and Adam's hyperparameters. */
    protected Adam(String defaultName, Optimizer.Builder<?> options, float beta1, float beta2, float epsilon, boolean amsgrad) {
        super(defaultName, options);
        this.beta1 = checkUnitInterval("beta_1", beta1);
        this.beta2 = checkUnitInterval("beta_2", beta2);
        this.epsilon = checkNonNegative("epsilon", epsilon);
        this.amsgrad = amsgrad;
    }

    public static Builder builder() {
        return new Builder();
    }

    public float beta1() {
        return beta1;
    }

    public float beta2() {
        return beta2;
    }

    public float epsilon() {
        return epsilon;
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected String[] slotNames() {
        return amsgrad ? new String[] {"momentum", "velocity", "velocity_hat"} : new String[] {"momentum", "velocity"};
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        step(variable.buffer(), g, slots, lr, iterations() + 1, beta1, beta2, epsilon, amsgrad);
    }

    /** One Adam step on {@code w} at the 1-based step {@code t}; shared with {@link AdamW}. */
    static void step(float[] w, float[] g, float[][] slots, float lr, long t,
                     float beta1, float beta2, float epsilon, boolean amsgrad) {
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float[] m = slots[0];
        float[] v = slots[1];
        float[] vHat = amsgrad ? slots[2] : null;
        float oneMinusBeta1 = 1f - beta1, oneMinusBeta2 = 1f - beta2;
        int n = w.length;
        if (vHat == null) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = m[i] + (gi - m[i]) * oneMinusBeta1;
                float vi = v[i] + (gi * gi - v[i]) * oneMinusBeta2;
                m[i] = mi;
                v[i] = vi;
                w[i] -= mi * alpha / ((float) Math.sqrt(vi) + epsilon);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusBeta1;
            float vi = v[i] + (gi * gi - v[i]) * oneMinusBeta2;
            m[i] = mi;
            v[i] = vi;
            float vh = Math.max(vHat[i], vi);
            vHat[i] = vh;
            w[i] -= mi * alpha / ((float) Math.sqrt(vh) + epsilon);
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static Adam fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("Adam", b, config, "beta_1", "beta_2", "epsilon", "amsgrad");
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

    /** {@code Adam.builder().learningRate(3e-4f).amsgrad(true).globalClipnorm(1f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float epsilon = 1e-7f;
        boolean amsgrad = false;

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

        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
