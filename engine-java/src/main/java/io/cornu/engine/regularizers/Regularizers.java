package io.cornu.engine.regularizers;

import io.cornu.engine.saving.ConfigRegistry;

import java.util.Map;
import java.util.function.Function;

/**
 * Regularizers by name and from configs, as Keras' {@code keras.regularizers.get},
 * {@code serialize} and {@code deserialize}. Only registered class names are ever instantiated: a
 * config names a regularizer, never a Java class. A custom regularizer registers a factory once:
 *
 * <pre>{@code
 * Regularizers.register("MyRegularizer", config -> new MyRegularizer(((Number) config.get("factor")).doubleValue()));
 * }</pre>
 *
 * A config is {@code {"class_name": "L2", "config": {"l2": 0.002}}}; a name is a class name or its
 * snake-cased form ({@code "L2"}, {@code "l2"}, {@code "orthogonal_regularizer"}) and makes the
 * regularizer with Keras' defaults, plus {@code "l1_l2"} for {@code L1L2(l1=0.01, l2=0.01)}.
 */
public final class Regularizers {
    private static final ConfigRegistry<Regularizer> REGISTRY =
            new ConfigRegistry<>("regularizer", "Regularizers", Regularizer.class, Regularizer::className, Regularizer::getConfig);

    static {
        register("L1", L1::fromConfig);
        register("L2", L2::fromConfig);
        register("L1L2", L1L2::fromConfig);
        register("OrthogonalRegularizer", OrthogonalRegularizer::fromConfig);
        REGISTRY.registerName("l1_l2", () -> new L1L2(0.01, 0.01));
    }

    private Regularizers() {
    }

    /** Registers (or replaces) the factory for regularizers whose {@link Regularizer#className()} is {@code className}. */
    public static void register(String className, Function<Map<String, Object>, Regularizer> factory) {
        REGISTRY.register(className, factory);
    }

    public static boolean isRegistered(String className) {
        return REGISTRY.isRegistered(className);
    }

    /**
     * The regularizer {@code identifier} stands for, Keras' {@code regularizers.get}: null for none, a
     * {@link Regularizer} as it is, a name, or a config {@code {"class_name": ..., "config": {...}}}.
     */
    public static Regularizer get(Object identifier) {
        return REGISTRY.get(identifier);
    }

    /** {@code {"class_name": ..., "config": {...}}} for {@code regularizer}; null for none. */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        return REGISTRY.serialize(regularizer);
    }

    /** The regularizer of a config made by {@link #serialize}; an error for unregistered class names. */
    public static Regularizer deserialize(Map<String, Object> config) {
        return REGISTRY.deserialize(config);
    }

    /** A factor read from a regularizer config, {@code defaultValue} when absent or null (Keras' {@code None}). */
    static double factor(Map<String, Object> c, String key, double defaultValue) {
        Object v = c.get(key);
        if (v == null) return defaultValue;
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("Invalid value for argument " + key + ": expected a non-negative float. Received: " + key + "=" + v);
        }
        return n.doubleValue();
    }
}
