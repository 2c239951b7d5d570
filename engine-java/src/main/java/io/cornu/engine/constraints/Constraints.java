package io.cornu.engine.constraints;

import io.cornu.engine.utils.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Map<String, Function<Map<String, Object>, Constraint>> FACTORIES = new ConcurrentHashMap<>();

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
        FACTORIES.put(className, factory);
    }

    public static boolean isRegistered(String className) {
        return FACTORIES.containsKey(className);
    }

    /**
     * The constraint {@code identifier} stands for, Keras' {@code constraints.get}: null for none, a
     * {@link Constraint} as it is, a name, or a config {@code {"class_name": ..., "config": {...}}}.
     */
    @SuppressWarnings("unchecked")
    public static Constraint get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Constraint c) return c;
        if (identifier instanceof Map<?, ?> m) return deserialize((Map<String, Object>) m);
        if (identifier instanceof String name) {
            String className = className(name);
            if (className != null) return FACTORIES.get(className).apply(Map.of());
        }
        throw new IllegalArgumentException("Could not interpret constraint identifier: " + identifier + ". Known: " + known());
    }

    /** {@code {"class_name": ..., "config": {...}}} for {@code constraint}; null for none. */
    public static Map<String, Object> serialize(Constraint constraint) {
        if (constraint == null) return null;
        if (constraint.getClass().isSynthetic()) {
            throw new UnsupportedOperationException("A constraint given as a lambda cannot be saved: write a class implementing "
                    + "Constraint, and register it with Constraints.register");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", constraint.className());
        out.put("config", constraint.getConfig());
        return out;
    }

    /** The constraint of a config made by {@link #serialize}; an error for unregistered class names. */
    @SuppressWarnings("unchecked")
    public static Constraint deserialize(Map<String, Object> config) {
        Object className = config.get("class_name");
        Object inner = config.containsKey("config") ? config.get("config") : Map.of();
        if (!(className instanceof String name) || !(inner instanceof Map)) {
            throw new IllegalArgumentException("Invalid constraint config: expected {\"class_name\": ..., \"config\": {...}}. Received: " + config);
        }
        Function<Map<String, Object>, Constraint> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown constraint: '" + name + "'. Please ensure you are using a registered constraint: "
                    + "call Constraints.register(\"" + name + "\", config -> ...) for custom ones. Registered: " + new TreeSet<>(FACTORIES.keySet()));
        }
        return f.apply((Map<String, Object>) inner);
    }

    /** The registered class a name means: the class name itself or its snake-cased form. */
    private static String className(String name) {
        if (FACTORIES.containsKey(name)) return name;
        for (String cls : FACTORIES.keySet()) {
            if (Names.toSnakeCase(cls).equals(name)) return cls;
        }
        return null;
    }

    private static List<String> known() {
        TreeSet<String> names = new TreeSet<>(FACTORIES.keySet());
        for (String cls : FACTORIES.keySet()) names.add(Names.toSnakeCase(cls));
        return List.copyOf(names);
    }
}
