package io.cornu.engine.optimizers.schedules;

import java.util.Map;

/**
 * A learning rate as a function of the optimizer step, Keras' {@code LearningRateSchedule}. An optimizer
 * given a schedule evaluates it at its {@code iterations} (0 for the first update) before every update.
 *
 * <p>A user schedule is a lambda:
 * <pre>{@code
 * Optimizer opt = new SGD(step -> 0.1f / (step + 1));
 * }</pre>
 * Built-in schedules ({@link ExponentialDecay}, {@link PiecewiseConstantDecay}, {@link CosineDecay},
 * {@link InverseTimeDecay}) also describe themselves with {@link #getConfig()}.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate at {@code step}, the number of updates done so far. */
    float learningRate(long step);

    /** The constructor arguments, Keras' {@code get_config}; user schedules need not override it. */
    default Map<String, Object> getConfig() {
        throw new UnsupportedOperationException("Learning rate schedule '" + getClass().getSimpleName()
                + "' must override `getConfig()` in order to be serializable.");
    }

    /** Keras' message for a step count that must be positive. */
    static void requirePositive(String argument, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Argument `" + argument + "` must be > 0. Received: " + argument + "=" + value);
        }
    }

    /** Keras' message for a rate that must be a finite float. */
    static void requireFinite(String argument, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("Argument `" + argument + "` must be a finite float. Received: " + argument + "=" + value);
        }
    }
}
