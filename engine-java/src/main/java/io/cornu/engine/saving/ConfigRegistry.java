package io.cornu.engine.saving;

import io.cornu.engine.utils.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One family of serializable objects (regularizers, constraints) by name and from configs, as
 * Keras' {@code get}, {@code serialize} and {@code deserialize} of that family. A config is
 * {@code {"class_name": ..., "config": {...}}}; a name is a registered class name or its
 * snake-cased form, and makes the object with Keras' defaults. Only registered class names are
 * ever instantiated: a config names an object, never a Java class.
 *
 * @param <T> the family's type
 */
public final class ConfigRegistry<T> {
    private final String kind;
    private final String owner;
    private final Class<T> type;
    private final Function<T, String> className;
    private final Function<T, Map<String, Object>> config;
    private final Map<String, Function<Map<String, Object>, T>> factories = new ConcurrentHashMap<>();
    private final Map<String, Supplier<T>> extraNames = new ConcurrentHashMap<>();

    /**
     * @param kind      the family in messages, e.g. {@code "regularizer"}
     * @param owner     the class users register through, e.g. {@code "Regularizers"}
     * @param type      the family's type
     * @param className an object's registered class name
     * @param config    an object's config
     */
    public ConfigRegistry(String kind, String owner, Class<T> type, Function<T, String> className, Function<T, Map<String, Object>> config) {
        this.kind = kind;
        this.owner = owner;
        this.type = type;
        this.className = className;
        this.config = config;
    }

    /** Registers (or replaces) the factory for objects whose class name is {@code className}. */
    public void register(String className, Function<Map<String, Object>, T> factory) {
        factories.put(className, factory);
    }

    /** A name that is not a class name, e.g. Keras' {@code "l1_l2"}. */
    public void registerName(String name, Supplier<T> factory) {
        extraNames.put(name, factory);
    }

    public boolean isRegistered(String className) {
        return factories.containsKey(className);
    }

    /** What {@code identifier} stands for: null for none, an object of the family as it is, a name, or a config. */
    @SuppressWarnings("unchecked")
    public T get(Object identifier) {
        if (identifier == null) return null;
        if (type.isInstance(identifier)) return type.cast(identifier);
        if (identifier instanceof Map<?, ?> m) return deserialize((Map<String, Object>) m);
        if (identifier instanceof String name) {
            Supplier<T> extra = extraNames.get(name);
            if (extra != null) return extra.get();
            String cls = className(name);
            if (cls != null) return factories.get(cls).apply(Map.of());
        }
        throw new IllegalArgumentException("Could not interpret " + kind + " identifier: " + identifier + ". Known: " + known());
    }

    /** {@code {"class_name": ..., "config": {...}}} for {@code object}; null for none. */
    public Map<String, Object> serialize(T object) {
        if (object == null) return null;
        if (object.getClass().isSynthetic()) {
            throw new UnsupportedOperationException("A " + kind + " given as a lambda cannot be saved: write a class implementing "
                    + type.getSimpleName() + " with getConfig(), and register it with " + owner + ".register");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", className.apply(object));
        out.put("config", config.apply(object));
        return out;
    }

    /** The object of a config made by {@link #serialize}; an error for unregistered class names. */
    @SuppressWarnings("unchecked")
    public T deserialize(Map<String, Object> serialized) {
        Object cls = serialized.get("class_name");
        Object inner = serialized.containsKey("config") ? serialized.get("config") : Map.of();
        if (!(cls instanceof String name) || !(inner instanceof Map)) {
            throw new IllegalArgumentException("Invalid " + kind + " config: expected {\"class_name\": ..., \"config\": {...}}. Received: " + serialized);
        }
        Function<Map<String, Object>, T> f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown " + kind + ": '" + name + "'. Please ensure you are using a registered " + kind + ": "
                    + "call " + owner + ".register(\"" + name + "\", config -> ...) for custom ones. Registered: " + new TreeSet<>(factories.keySet()));
        }
        return f.apply((Map<String, Object>) inner);
    }

    /** The registered class a name means: the class name itself or its snake-cased form. */
    private String className(String name) {
        if (factories.containsKey(name)) return name;
        for (String cls : factories.keySet()) {
            if (Names.toSnakeCase(cls).equals(name)) return cls;
        }
        return null;
    }

    private List<String> known() {
        TreeSet<String> names = new TreeSet<>(factories.keySet());
        for (String cls : factories.keySet()) names.add(Names.toSnakeCase(cls));
        names.addAll(extraNames.keySet());
        return List.copyOf(names);
    }
}
