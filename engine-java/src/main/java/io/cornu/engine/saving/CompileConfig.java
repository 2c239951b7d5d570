package io.cornu.engine.saving;

import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.metrics.Metrics;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.training.CompileOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code compile} as Keras' {@code compile_config}, and back:
 * {@code {"optimizer": {...}, "loss": ..., "loss_weights": ..., "metrics": ..., "weighted_metrics": ...}}.
 * Names stay names ({@code "mse"}, {@code "accuracy"}); a loss, metric or optimizer object becomes
 * {@code {"class_name", "config", "registered_name"}}: a built-in one by its class and
 * {@code getConfig()}, rebuilt through the loss, metric and optimizer registries; a custom one (a
 * {@link Loss#of} loss, a {@link Metric} subclass, an optimizer with a user schedule) by its name as
 * {@code registered_name}, which loading looks up in the {@code customObjects} it is given. A config
 * never names a Java class to instantiate.
 */
public final class CompileConfig {
    private CompileConfig() {
    }

    /** The compile config of {@code options} (as {@link io.cornu.engine.training.Trainer#compileOptions()} gives them). */
    public static Map<String, Object> toConfig(CompileOptions options) {
        Map<String, Object> c = new LinkedHashMap<>();
        Object opt = options.getOptimizer();
        c.put("optimizer", opt instanceof Optimizer o ? serializeOptimizer(o) : opt);
        c.put("loss", serialize(options.getLoss()));
        c.put("loss_weights", options.getLossWeights());
        c.put("metrics", serialize(options.getMetrics()));
        c.put("weighted_metrics", serialize(options.getWeightedMetrics()));
        return c;
    }

    /**
     * The compile arguments a {@link #toConfig} config describes, with fresh losses, metrics and optimizer.
     *
     * @param customObjects losses, metrics and optimizers by name for the custom ones the config refers to
     * @throws IllegalArgumentException naming what cannot be rebuilt
     */
    public static CompileOptions fromConfig(Map<String, Object> config, Map<String, ?> customObjects) {
        Map<String, ?> custom = customObjects == null ? Map.of() : customObjects;
        CompileOptions o = new CompileOptions();
        Object opt = config.get("optimizer");
        if (opt instanceof String s) o.optimizer(s);
        else if (opt instanceof Map<?, ?> m) o.optimizer(deserializeOptimizer(asConfig(m), custom));
        else if (opt != null) throw new IllegalArgumentException("Invalid compile config: optimizer=" + opt);

        Object loss = deserialize(config.get("loss"), Kind.LOSS, custom);
        if (loss instanceof String s) o.loss(s);
        else if (loss instanceof Loss l) o.loss(l);
        else if (loss instanceof List<?> l) o.loss(l);
        else if (loss instanceof Map<?, ?> m) o.loss(byName(m));

        Object weights = config.get("loss_weights");
        if (weights instanceof List<?> l) o.lossWeights(numbers(l));
        else if (weights instanceof Map<?, ?> m) {
            Map<String, Number> w = new LinkedHashMap<>();
            m.forEach((k, v) -> w.put(String.valueOf(k), number(v)));
            o.lossWeights(w);
        } else if (weights != null) {
            throw new IllegalArgumentException("Invalid compile config: loss_weights=" + weights);
        }

        Object metrics = deserialize(config.get("metrics"), Kind.METRIC, custom);
        if (metrics instanceof List<?> l) o.metrics(l);
        else if (metrics instanceof Map<?, ?> m) o.metrics(byName(m));
        Object weighted = deserialize(config.get("weighted_metrics"), Kind.METRIC, custom);
        if (weighted instanceof List<?> l) o.weightedMetrics(l);
        else if (weighted instanceof Map<?, ?> m) o.weightedMetrics(byName(m));
        return o;
    }

    // ---- objects ---------------------------------------------------------------------------------------

    private enum Kind { LOSS, METRIC }

    private static Object serialize(Object spec) {
        if (spec == null || spec instanceof String) return spec;
        if (spec instanceof Loss l) {
            String cls = l.className();
            return cls != null ? object(cls, l.getConfig(), null) : object(simpleName(l, "Loss"), l.getConfig(), l.name());
        }
        if (spec instanceof Metric m) {
            String cls = Metrics.className(m);
            return cls != null ? object(cls, m.getConfig(), null) : object(simpleName(m, "Metric"), m.getConfig(), m.name());
        }
        if (spec instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) out.add(serialize(x));
            return out;
        }
        if (spec instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), serialize(v)));
            return out;
        }
        throw new IllegalArgumentException("compile config: cannot serialize " + spec + " (expected a name, a Loss or a Metric)");
    }

    private static Map<String, Object> serializeOptimizer(Optimizer o) {
        String cls = o.className();
        Map<String, Object> config;
        try {
            config = o.getConfig();
        } catch (UnsupportedOperationException e) {   // a user learning rate schedule
            config = Map.of("name", o.name());
            cls = null;
        }
        return cls != null ? object(cls, config, null) : object(simpleName(o, "Optimizer"), config, o.name());
    }

    private static String simpleName(Object o, String fallback) {
        String n = o.getClass().getSimpleName();
        return n.isEmpty() ? fallback : n;
    }

    private static Map<String, Object> object(String className, Map<String, Object> config, String registeredName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", className);
        m.put("config", config);
        m.put("registered_name", registeredName);
        return m;
    }

    private static Object deserialize(Object spec, Kind kind, Map<String, ?> custom) {
        if (spec == null || spec instanceof String) return spec;
        if (spec instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) out.add(deserialize(x, kind, custom));
            return out;
        }
        if (spec instanceof Map<?, ?> map) {
            if (map.containsKey("class_name")) return kind == Kind.LOSS ? deserializeLoss(asConfig(map), custom) : deserializeMetric(asConfig(map), custom);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deserialize(v, kind, custom)));
            return out;
        }
        throw new IllegalArgumentException("Invalid compile config: cannot interpret " + spec);
    }

    private static Loss deserializeLoss(Map<String, Object> spec, Map<String, ?> custom) {
        String registered = (String) spec.get("registered_name");
        if (registered != null) return customObject(registered, Loss.class, "loss", custom);
        return Loss.fromConfig((String) spec.get("class_name"), asConfig(spec.get("config")));
    }

    private static Metric deserializeMetric(Map<String, Object> spec, Map<String, ?> custom) {
        String registered = (String) spec.get("registered_name");
        if (registered != null) return customObject(registered, Metric.class, "metric", custom);
        return Metrics.fromConfig((String) spec.get("class_name"), asConfig(spec.get("config")));
    }

    private static Optimizer deserializeOptimizer(Map<String, Object> spec, Map<String, ?> custom) {
        String registered = (String) spec.get("registered_name");
        if (registered != null) return customObject(registered, Optimizer.class, "optimizer", custom);
        return Optimizer.fromConfig((String) spec.get("class_name"), asConfig(spec.get("config")));
    }

    private static <T> T customObject(String name, Class<T> type, String what, Map<String, ?> custom) {
        Object o = custom.get(name);
        if (o == null) {
            throw new IllegalArgumentException("The " + what + " \"" + name + "\" is a custom " + what + ": pass it as customObjects "
                    + "(a map from \"" + name + "\" to the " + what + "), or load without compiling (compile=false)");
        }
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("customObjects[\"" + name + "\"] must be a " + type.getSimpleName() + " (the compiled "
                    + what + "). Received: " + o.getClass().getName());
        }
        return type.cast(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asConfig(Object o) {
        if (o == null) return Map.of();
        if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException("Invalid compile config: expected an object, received " + o);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> byName(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<Number> numbers(List<?> l) {
        List<Number> out = new ArrayList<>();
        for (Object x : l) out.add(number(x));
        return out;
    }

    private static Number number(Object x) {
        if (x instanceof Number n) return n;
        throw new IllegalArgumentException("Invalid compile config: a loss weight must be a number. Received: " + x);
    }
}
