package io.cornu.engine.regularizers;

import io.cornu.engine.utils.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Map<String, Function<Map<String, Object>, Regularizer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register("L1", L1::fromConfig);
        register("L2", L2::fromConfig);
        register("L1L2", L1L2::fromConfig);
        register("OrthogonalRegularizer", OrthogonalRegularizer::fromConfig);
    }

    private Regularizers() {
    }

    /** Registers (or replaces) the factory for regularizers whose {@link Regularizer#className()} is {@code className}. */
    public static void register(String className, Function<Map<String, Object>, Regularizer> factory) {
        FACTORIES.put(className, factory);
    }

    public static boolean isRegistered(String className) {
        return FACTORIES.containsKey(className);
    }

    /**
     * The regularizer {@code identifier} stands for, Keras' {@code regularizers.get}: null for none, a
     * {@link Regularizer} as it is, a name, or a config {@code {"class_name": ..., "config": {...}}}.
     */
    @SuppressWarnings("unchecked")
    public static Regularizer get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Regularizer r) return r;
        if (identifier instanceof Map<?, ?> m) return deserialize((Map<String, Object>) m);
        if (identifier instanceof String name) {
            if (name.equals("l1_l2")) return new L1L2(0.01, 0.01);
            String className = className(name);
            if (className != null) return FACTORIES.get(className).apply(Map.of());
        }
        throw new IllegalArgumentException("Could not interpret regularizer identifier: " + identifier + ". Known: " + known());
    }

    /** {@code {"class_name": ..., "config": {...}}} for {@code regularizer}; null for none. */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        if (regularizer == null) return null;
        if (regularizer.getClass().isSynthetic()) {
            throw new UnsupportedOperationException("A regularizer given as a lambda cannot be saved: write a class implementing "
                    + "Regularizer with getConfig(), and register it with Regularizers.register");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", regularizer.className());
        out.put("config", regularizer.getConfig());
        return out;
    }

    /** The regularizer of a config made by {@link #serialize}; an error for unregistered class names. */
    @SuppressWarnings("unchecked")
    public static Regularizer deserialize(Map<String, Object> config) {
        Object className = config.get("class_name");
        Object inner = config.containsKey("config") ? config.get("config") : Map.of();
        if (!(className instanceof String name) || !(inner instanceof Map)) {
            throw new IllegalArgumentException("Invalid regularizer config: expected {\"class_name\": ..., \"config\": {...}}. Received: " + config);
        }
        Function<Map<String, Object>, Regularizer> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown regularizer: '" + name + "'. Please ensure you are using a registered regularizer: "
                    + "call Regularizers.register(\"" + name + "\", config -> ...) for custom ones. Registered: " + new TreeSet<>(FACTORIES.keySet()));
        }
        return f.apply((Map<String, Object>) inner);
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
        names.add("l1_l2");
        return List.copyOf(names);
    }
}
