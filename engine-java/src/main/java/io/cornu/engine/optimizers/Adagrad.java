package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;

import java.util.Map;

/**
 * Adagrad, Keras' {@code Adagrad} ({@code learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7}):
 * <pre>
 * accumulator = accumulator + g^2              (accumulator starts at initial_accumulator_value)
 * w = w - lr * g / sqrt(accumulator + epsilon)
 * </pre>
 * Slot: {@code accumulator}.
 */
public final class Adagrad extends Optimizer {
    private final float initialAccumulatorValue;
    private final float epsilon;

    /** Keras' positional order: learning_rate, initial_accumulator_value, epsilon. */
    public Adagrad(float learningRate, float initialAccumulatorValue, float epsilon) {
        this(builder().learningRate(learningRate).initialAccumulatorValue(initialAccumulatorValue).epsilon(epsilon));
    }

    public Adagrad(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adagrad(LearningRateSchedule learningRate) {
        this(builder().learningRate(learningRate));
    }

    public Adagrad() {
        this(builder());
    }

    private Adagrad(Builder b) {
        super("Adagrad", b);
        this.initialAccumulatorValue = checkNonNegative("initial_accumulator_value", b.initialAccumulatorValue);
        this.epsilon = checkNonNegative("epsilon", b.epsilon);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected String[] slotNames() {
        return new String[] {"accumulator"};
    }

    @Override
    protected float slotInitialValue(String slot) {
        return initialAccumulatorValue;
    }

    @Override
    protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
        float[] w = variable.buffer();
        float[] acc = slots[0];
        float eps = epsilon;
        int n = w.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float a = acc[i] + gi * gi;
            acc[i] = a;
            w[i] -= lr * gi / (float) Math.sqrt(a + eps);
        }
    }

    /** Keras' {@code from_config}: the arguments {@link #getConfig()} lists. */
    public static Adagrad fromConfig(Map<String, Object> config) {
        Builder b = builder();
        readBaseConfig("Adagrad", b, config, "initial_accumulator_value", "epsilon");
        b.initialAccumulatorValue(configFloat(config, "initial_accumulator_value", b.initialAccumulatorValue));
        b.epsilon(configFloat(config, "epsilon", b.epsilon));
        return b.build();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("initial_accumulator_value", initialAccumulatorValue);
        c.put("epsilon", epsilon);
        return c;
    }

    /** {@code Adagrad.builder().learningRate(0.01f).initialAccumulatorValue(0f).build()}. */
    public static final class Builder extends Optimizer.Builder<Builder> {
        float initialAccumulatorValue = 0.1f;
        float epsilon = 1e-7f;

        Builder() {
            super(0.001f);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder initialAccumulatorValue(float initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        public Builder epsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Adagrad build() {
            return new Adagrad(this);
        }
    }
}
