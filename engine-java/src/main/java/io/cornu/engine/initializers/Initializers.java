package io.cornu.engine.initializers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Initializers by name and by config, as Keras' {@code keras.initializers.get}, {@code serialize} and
 * {@code deserialize}. Every initializer is known by its class name ({@code "HeNormal"}), the snake-case
 * form ({@code "he_normal"}) and Keras' aliases ({@code "uniform"}, {@code "normal"}, {@code "zero"},
 * {@code "one"}, {@code "OrthogonalInitializer"}, {@code "IdentityInitializer"}). Only registered names
 * are ever instantiated; custom initializers register a factory from their config:
 *
 * <pre>{@code
 * Initializers.register("Scaled", config -> new Scaled(((Number) config.get("scale")).doubleValue()));
 * }</pre>
 */
public final class Initializers {
    private static final Map<String, Function<Map<String, Object>, Initializer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register(Constant::fromConfig, "Constant", "constant");
        register(Identity::fromConfig, "Identity", "identity", "IdentityInitializer");
        register(c -> {
            checkKeys("Ones", c);
            return new Ones();
        }, "Ones", "ones", "one");
        register(c -> {
            checkKeys("Zeros", c);
            return new Zeros();
        }, "Zeros", "zeros", "zero");
        register(GlorotNormal::fromConfig, "GlorotNormal", "glorot_normal");
        register(GlorotUniform::fromConfig, "GlorotUniform", "glorot_uniform");
        register(HeNormal::fromConfig, "HeNormal", "he_normal");
        register(HeUniform::fromConfig, "HeUniform", "he_uniform");
        register(LecunNormal::fromConfig, "LecunNormal", "lecun_normal");
        register(LecunUniform::fromConfig, "LecunUniform", "lecun_uniform");
        register(Orthogonal::fromConfig, "Orthogonal", "orthogonal", "OrthogonalInitializer");
        register(RandomNormal::fromConfig, "RandomNormal", "random_normal", "normal");
        register(RandomUniform::fromConfig, "RandomUniform", "random_uniform", "uniform");
        register(TruncatedNormal::fromConfig, "TruncatedNormal", "truncated_normal");
        register(VarianceScaling::fromConfig, "VarianceScaling", "variance_scaling");
    }

    private Initializers() {
    }

    private static void register(Function<Map<String, Object>, Initializer> factory, String... names) {
        for (String n : names) FACTORIES.put(n, factory);
    }

    /**
     * Registers (or replaces) the factory of the initializers whose {@link Initializer#name()} is
     * {@code className}; it receives the {@code config} of a saved initializer, or an empty map for
     * the bare name.
     */
    public static void register(String className, Function<Map<String, Object>, Initializer> factory) {
        FACTORIES.put(Objects.requireNonNull(className, "className"), Objects.requireNonNull(factory, "factory"));
    }

    /** Every name {@link #get} accepts, sorted. */
    public static SortedSet<String> knownNames() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(FACTORIES.keySet()));
    }

    /**
     * The initializer an identifier stands for, as Keras' {@code initializers.get}: an
     * {@link Initializer} as it is; a name ({@code "he_normal"}, {@code "HeNormal"}) with Keras'
     * defaults; a config {@code {"class_name": "RandomNormal", "config": {"stddev": 0.01, ...}}}
     * (Keras' {@code module} and {@code registered_name} keys are ignored); null for null.
     */
    public static Initializer get(Object identifier) {
        if (identifier == null || identifier instanceof Initializer) return (Initializer) identifier;
        if (identifier instanceof String name) return create(name, Map.of(), identifier);
        if (identifier instanceof Map<?, ?> map && map.get("class_name") instanceof String cls) {
            Object config = map.get("config");
            if (config == null) return create(cls, Map.of(), identifier);
            if (config instanceof Map<?, ?> c) return create(cls, stringKeys(c, identifier), identifier);
        }
        throw notInterpretable(identifier);
    }

    /** {@link #get} for the {@code key} of a layer config, or {@code defaultValue} when absent. */
    public static Initializer get(Map<String, Object> config, String key, Initializer defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : get(v);
    }

    /** Keras' {@code initializers.serialize}: {@code {"class_name": name(), "config": getConfig()}}. */
    public static Map<String, Object> serialize(Initializer initializer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", initializer.name());
        out.put("config", initializer.getConfig());
        return out;
    }

    private static Initializer create(String name, Map<String, Object> config, Object identifier) {
        Function<Map<String, Object>, Initializer> factory = FACTORIES.get(name);
        if (factory == null) throw notInterpretable(identifier);
        return factory.apply(config);
    }

    private static IllegalArgumentException notInterpretable(Object identifier) {
        return new IllegalArgumentException("Could not interpret initializer identifier: " + identifier
                + ". Known: " + String.join(", ", knownNames())
                + " (custom initializers: Initializers.register(className, config -> ...))");
    }

    private static Map<String, Object> stringKeys(Map<?, ?> config, Object identifier) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : config.entrySet()) {
            if (!(e.getKey() instanceof String k)) throw notInterpretable(identifier);
            out.put(k, e.getValue());
        }
        return out;
    }

    // ---- reading configs (for the built-in initializers' fromConfig) ----------------------------------

    /** Rejects keys the initializer {@code cls} does not take, as Keras' {@code cls(**config)} would. */
    static void checkKeys(String cls, Map<String, Object> config, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(cls + ": unexpected config key '" + key + "'. Expected "
                        + (allowed.length == 0 ? "no keys" : "keys: " + String.join(", ", allowed)) + ". Received: config=" + config);
            }
        }
    }

    /** A number of the config, or {@code defaultValue} when absent (Keras' {@code None} counts as absent). */
    static double getDouble(String cls, Map<String, Object> config, String key, double defaultValue) {
        Object v = config.get(key);
        if (v == null) return defaultValue;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(cls + ": `" + key + "` must be a number. Received: " + key + "=" + v);
    }

    /** A string of the config, or {@code defaultValue} when absent. */
    static String getString(String cls, Map<String, Object> config, String key, String defaultValue) {
        Object v = config.get(key);
        if (v == null) return defaultValue;
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(cls + ": `" + key + "` must be a string. Received: " + key + "=" + v);
    }

    /** The {@code seed} of a config: an integer (JSON gives it as a double) or null. */
    static Long getSeed(String cls, Map<String, Object> config) {
        Object v = config.get("seed");
        if (v == null) return null;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= 0x1p53) {
            return n.longValue();
        }
        throw new IllegalArgumentException(cls + ": `seed` argument should be an integer (Keras' SeedGenerator objects are not supported). "
                + "Received: seed=" + v);
    }

    /** A list of ints of the config (Keras' tuples), or null when absent. */
    static int[] getInts(String cls, Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v == null) return null;
        if (v instanceof int[] a) return a.clone();
        if (v instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException(cls + ": `" + key + "` must be a list of integers. Received: " + key + "=" + v);
                }
                out[i] = n.intValue();
            }
            return out;
        }
        throw new IllegalArgumentException(cls + ": `" + key + "` must be a list of integers. Received: " + key + "=" + v);
    }

    /** Ints as a config list (comparable with {@code equals}), or null. */
    static List<Integer> list(int[] values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }
}
