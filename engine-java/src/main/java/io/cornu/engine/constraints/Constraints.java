package io.cornu.engine.constraints;

import io.cornu.engine.saving.ConfigRegistry;

import java.util.Map;
import java.util.function.Function;

/**
 * Constraints by name and from configs, as Keras' {@code keras.constraints.get}, {@code serialize}
 * and {@code deserialize}. Only registered class names are ever instantiated: a config names a
 * constraint, never a Java class. A custom constraint registers a factory once:
 *
 * <pre>{@code
 * Constraints.register("MyConstraint", config -> new MyConstraint());
 * }</pre>
 *
 * A config is {@code {"class_name": "MaxNorm", "config": {"max_value": 2.0, "axis": 0}}}; a name is a
 * class name or its snake-cased form ({@code "MaxNorm"}, {@code "max_norm"}, {@code "non_neg"}) and
 * makes the constraint with Keras' defaults.
 */
public final class Constraints {
    private static final ConfigRegistry<Constraint> REGISTRY =
            new ConfigRegistry<>("constraint", "Constraints", Constraint.class, Constraint::className, Constraint::getConfig);

    static {
        register("MaxNorm", MaxNorm::fromConfig);
        register("MinMaxNorm", MinMaxNorm::fromConfig);
        register("NonNeg", c -> new NonNeg());
        register("UnitNorm", UnitNorm::fromConfig);
    }

    private Constraints() {
    }

    /** Registers (or replaces) the factory for constraints whose {@link Constraint#className()} is {@code className}. */
    public static void register(String className, Function<Map<String, Object>, Constraint> factory) {
        REGISTRY.register(className, factory);
    }

    public static boolean isRegistered(String className) {
        return REGISTRY.isRegistered(className);
    }

    /**
     * The constraint {@code identifier} stands for, Keras' {@code constraints.get}: null for none, a
     * {@link Constraint} as it is, a name, or a config {@code {"class_name": ..., "config": {...}}}.
     */
    public static Constraint get(Object identifier) {
        return REGISTRY.get(identifier);
    }

    /** {@code {"class_name": ..., "config": {...}}} for {@code constraint}; null for none. */
    public static Map<String, Object> serialize(Constraint constraint) {
        return REGISTRY.serialize(constraint);
    }

    /** The constraint of a config made by {@link #serialize}; an error for unregistered class names. */
    public static Constraint deserialize(Map<String, Object> config) {
        return REGISTRY.deserialize(config);
    }
}
