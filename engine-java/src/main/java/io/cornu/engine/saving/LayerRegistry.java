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
        // core, merging, reshaping, activation and normalization layers
        register("Activation", io.cornu.engine.layers.activation.Activation::fromConfig);
        register("Dropout", io.cornu.engine.layers.core.Dropout::fromConfig);
        register("SpatialDropout1D", io.cornu.engine.layers.core.SpatialDropout1D::fromConfig);
        register("SpatialDropout2D", io.cornu.engine.layers.core.SpatialDropout2D::fromConfig);
        register("Embedding", io.cornu.engine.layers.core.Embedding::fromConfig);
        register("Masking", io.cornu.engine.layers.core.Masking::fromConfig);
        register("Lambda", io.cornu.engine.layers.core.Lambda::fromConfig);
        register("Maximum", c -> new io.cornu.engine.layers.merging.Maximum(name(c)));
        register("Minimum", c -> new io.cornu.engine.layers.merging.Minimum(name(c)));
        register("Concatenate", io.cornu.engine.layers.merging.Concatenate::fromConfig);
        register("Dot", io.cornu.engine.layers.merging.Dot::fromConfig);
        register("Flatten", io.cornu.engine.layers.reshaping.Flatten::fromConfig);
        register("Reshape", io.cornu.engine.layers.reshaping.Reshape::fromConfig);
        register("Permute", io.cornu.engine.layers.reshaping.Permute::fromConfig);
        register("RepeatVector", io.cornu.engine.layers.reshaping.RepeatVector::fromConfig);
        register("ZeroPadding1D", io.cornu.engine.layers.reshaping.ZeroPadding1D::fromConfig);
        register("ZeroPadding2D", io.cornu.engine.layers.reshaping.ZeroPadding2D::fromConfig);
        register("Cropping1D", io.cornu.engine.layers.reshaping.Cropping1D::fromConfig);
        register("Cropping2D", io.cornu.engine.layers.reshaping.Cropping2D::fromConfig);
        register("UpSampling1D", io.cornu.engine.layers.reshaping.UpSampling1D::fromConfig);
        register("UpSampling2D", io.cornu.engine.layers.reshaping.UpSampling2D::fromConfig);
        register("ReLU", io.cornu.engine.layers.activation.ReLU::fromConfig);
        register("LeakyReLU", io.cornu.engine.layers.activation.LeakyReLU::fromConfig);
        register("PReLU", io.cornu.engine.layers.activation.PReLU::fromConfig);
        register("ELU", io.cornu.engine.layers.activation.ELU::fromConfig);
        register("Softmax", io.cornu.engine.layers.activation.Softmax::fromConfig);
        register("BatchNormalization", io.cornu.engine.layers.normalization.BatchNormalization::fromConfig);
        register("LayerNormalization", io.cornu.engine.layers.normalization.LayerNormalization::fromConfig);
        register("SimpleRNN", io.cornu.engine.layers.rnn.SimpleRNN::fromConfig);
        register("LSTM", io.cornu.engine.layers.rnn.LSTM::fromConfig);
        register("GRU", io.cornu.engine.layers.rnn.GRU::fromConfig);
        register("Bidirectional", io.cornu.engine.layers.rnn.Bidirectional::fromConfig);
        register("TimeDistributed", io.cornu.engine.layers.rnn.TimeDistributed::fromConfig);
        // convolution and pooling layers
        register("Conv1D", io.cornu.engine.layers.conv.Conv1D::fromConfig);
        register("Conv2D", io.cornu.engine.layers.conv.Conv2D::fromConfig);
        register("SeparableConv1D", io.cornu.engine.layers.conv.SeparableConv1D::fromConfig);
        register("SeparableConv2D", io.cornu.engine.layers.conv.SeparableConv2D::fromConfig);
        register("DepthwiseConv1D", io.cornu.engine.layers.conv.DepthwiseConv1D::fromConfig);
        register("DepthwiseConv2D", io.cornu.engine.layers.conv.DepthwiseConv2D::fromConfig);
        register("Conv1DTranspose", io.cornu.engine.layers.conv.Conv1DTranspose::fromConfig);
        register("Conv2DTranspose", io.cornu.engine.layers.conv.Conv2DTranspose::fromConfig);
        register("MaxPooling1D", io.cornu.engine.layers.pooling.MaxPooling1D::fromConfig);
        register("MaxPooling2D", io.cornu.engine.layers.pooling.MaxPooling2D::fromConfig);
        register("AveragePooling1D", io.cornu.engine.layers.pooling.AveragePooling1D::fromConfig);
        register("AveragePooling2D", io.cornu.engine.layers.pooling.AveragePooling2D::fromConfig);
        register("GlobalMaxPooling1D", io.cornu.engine.layers.pooling.GlobalMaxPooling1D::fromConfig);
        register("GlobalMaxPooling2D", io.cornu.engine.layers.pooling.GlobalMaxPooling2D::fromConfig);
        register("GlobalAveragePooling1D", io.cornu.engine.layers.pooling.GlobalAveragePooling1D::fromConfig);
        register("GlobalAveragePooling2D", io.cornu.engine.layers.pooling.GlobalAveragePooling2D::fromConfig);
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

    /**
     * A new layer of class {@code className} from {@code config}; an error for unregistered names. The
     * arguments every layer shares are applied after the factory: regularizers and constraints
     * ({@link Layer#setRegularizationConfig}) and {@code trainable}.
     */
    public static Layer fromConfig(String className, Map<String, Object> config) {
        Function<Map<String, Object>, Layer> f = FACTORIES.get(className);
        if (f == null) {
            throw new IllegalArgumentException("Unknown layer: '" + className + "'. Please ensure you are using a registered layer: "
                    + "call LayerRegistry.register(\"" + className + "\", config -> ...) for custom layers. Registered: "
                    + new TreeMap<>(FACTORIES).keySet());
        }
        Layer layer = f.apply(config);
        layer.setRegularizationConfig(config);
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
