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

    /**
     * The built-in schedule of class {@code className} ({@code "ExponentialDecay"}, {@code "PiecewiseConstantDecay"},
     * {@code "CosineDecay"}, {@code "InverseTimeDecay"}) from its {@link #getConfig()}, as Keras'
     * {@code from_config}. Only built-in schedules are made.
     */
    static LearningRateSchedule fromConfig(String className, Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        try {
            return switch (className == null ? "null" : className) {
                case "ExponentialDecay" -> new ExponentialDecay(f(c, "initial_learning_rate"), l(c, "decay_steps"), f(c, "decay_rate"),
                        Boolean.TRUE.equals(c.get("staircase")));
                case "InverseTimeDecay" -> new InverseTimeDecay(f(c, "initial_learning_rate"), l(c, "decay_steps"), f(c, "decay_rate"),
                        Boolean.TRUE.equals(c.get("staircase")));
                case "CosineDecay" -> new CosineDecay(f(c, "initial_learning_rate"), l(c, "decay_steps"),
                        c.get("alpha") == null ? 0f : f(c, "alpha"),
                        c.get("warmup_target") == null ? null : f(c, "warmup_target"),
                        c.get("warmup_steps") == null ? 0 : l(c, "warmup_steps"));
                case "PiecewiseConstantDecay" -> {
                    java.util.List<?> b = (java.util.List<?>) c.get("boundaries"), v = (java.util.List<?>) c.get("values");
                    if (b == null || v == null) throw new IllegalArgumentException("missing boundaries or values");
                    long[] boundaries = new long[b.size()];
                    for (int i = 0; i < boundaries.length; i++) boundaries[i] = ((Number) b.get(i)).longValue();
                    float[] values = new float[v.size()];
                    for (int i = 0; i < values.length; i++) values[i] = ((Number) v.get(i)).floatValue();
                    yield new PiecewiseConstantDecay(boundaries, values);
                }
                default -> throw new IllegalArgumentException("Unknown learning rate schedule class: " + className
                        + ". Known: CosineDecay, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay");
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid config for learning rate schedule " + className + ": " + config, e);
        }
    }

    private static float f(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).floatValue();
    }

    private static long l(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).longValue();
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
