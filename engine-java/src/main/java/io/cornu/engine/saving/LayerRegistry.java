package io.cornu.engine.saving;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.merging.Add;
import io.cornu.engine.layers.merging.Average;
import io.cornu.engine.layers.merging.Multiply;
import io.cornu.engine.layers.merging.Subtract;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes layers from their configs by class name, as Keras' {@code from_config} with its registry of
 * serializable objects. Only registered names are ever instantiated: a config can name a layer,
 * never an arbitrary Java class. Custom layers register a factory once:
 *
 * <pre>{@code
 * LayerRegistry.register("MyLayer", config -> new MyLayer((Integer) config.get("units"), (String) config.get("name")));
 * }</pre>
 */
public final class LayerRegistry {
    private static final Map<String, Function<Map<String, Object>, Layer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register("Dense", Dense::fromConfig);
        register("Add", c -> new Add(name(c)));
        register("Subtract", c -> new Subtract(name(c)));
        register("Multiply", c -> new Multiply(name(c)));
        register("Average", c -> new Average(name(c)));
    }

    private LayerRegistry() {
    }

    /** Registers (or replaces) the factory for layers whose {@code className()} is {@code className}. */
    public static void register(String className, Function<Map<String, Object>, Layer> factory) {
        FACTORIES.put(className, factory);
    }

    public static boolean isRegistered(String className) {
        return FACTORIES.containsKey(className);
    }

    /** A new layer of class {@code className} from {@code config}; an error for unregistered names. */
    public static Layer fromConfig(String className, Map<String, Object> config) {
        Function<Map<String, Object>, Layer> f = FACTORIES.get(className);
        if (f == null) {
            throw new IllegalArgumentException("Unknown layer: '" + className + "'. Please ensure you are using a registered layer: "
                    + "call LayerRegistry.register(\"" + className + "\", config -> ...) for custom layers. Registered: "
                    + new TreeMap<>(FACTORIES).keySet());
        }
        Layer layer = f.apply(config);
        Object trainable = config.get("trainable");
        if (trainable instanceof Boolean t && !t) layer.setTrainable(false);
        return layer;
    }

    /** A fresh layer with {@code layer}'s configuration and new weights. */
    public static Layer cloneLayer(Layer layer) {
        return fromConfig(layer.className(), layer.getConfig());
    }

    private static String name(Map<String, Object> c) {
        return (String) c.get("name");
    }
}
