package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Nadam, Keras' {@code Nadam}: Adam with Nesterov momentum and Dozat's momentum-cache schedule
 * ({@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}):
 * <pre>
 * t = iterations + 1
 * u_t   = beta_1 * (1 - 0.5 * 0.96^t)
 * u_t1  = beta_1 * (1 - 0.5 * 0.96^(t + 1))
 * u_product = u_product * u_t              (once per update, shared by all variables; starts at 1)
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g^2 - v) * (1 - beta_2)
 * m_hat = u_t1 * m / (1 - u_product * u_t1) + (1 - u_t) * g / (1 - u_product)
 * v_hat = v / (1 - beta_2^t)
 * w = w - lr * m_hat / (sqrt(v_hat) + epsilon)
 * </pre>
 * Slots: {@code momentum}, {@code velocity}; optimizer variable {@code u_product}.
 */
public final class Nadam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Variable uProduct;

    // per-update scalars, set in prepareStep
    private float uT;
    private float uT1;
    private float uProductT;
    private float beta2Power;

    /** Keras' positional order: learning_rate, beta_1, beta_2, epsilon. */
    public Nadam(float learningRate, float beta1, float beta2, float epsilon) {
        this(builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon));
    }

    public Nadam(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Nadam(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Nadam() {
        this(builder());
    }

    private Nadam(Builder b) {
        super("Nadam", b);
        this.beta1 = checkUnitInterval("beta_1", b.beta1);
        this.beta2 = checkUnitInterval("beta_2", b.beta2);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
        this.uProduct = addVariable("u_product", Tensor.scalar(1f));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        return new String[] {"momentum", "velocity"};
    }

    @Override
    protected void prepareStep(float learningRate) {
        double t = iterations() + 1;
        uT = (float) (beta1 * (1 - 0.5 * Math.pow(0.96, t)));
        uT1 = (float) (beta1 * (1 - 0.5 * Math.pow(0.96, t + 1)));
        float[] p = uProduct.buffer();
        p[uProduct.offset()] *= uT;
        uProductT = p[uProduct.offset()];
        beta2Power = (float) Math.pow(beta2, t);
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float[] w = variable.buffer();
        float[] m = slots[0];
        float[] v = slots[1];
        float oneMinusBeta1 = 1f - beta1, oneMinusBeta2 = 1f - beta2, eps = epsilon;
        float mCoef = uT1 / (1f - uProductT * uT1);
        float gCoef = (1f - uT) / (1f - uProductT);
        float vCoef = 1f / (1f - beta2Power);
        int n = w.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusBeta1;
            float vi = v[i] + (gi * gi - v[i]) * oneMinusBeta2;
            m[i] = mi;
            v[i] = vi;
            float mHat = mCoef * mi + gCoef * gi;
            w[i] -= mHat * lr / ((float) Math.sqrt(vi * vCoef) + eps);
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static Nadam fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("Nadam", b, config, "beta_1", "beta_2", "epsilon");
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

    /** {@code Nadam.builder().learningRate(0.002f).build()}. */
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

        public Nadam build() {
            return new Nadam(this);
        }
    }
}
