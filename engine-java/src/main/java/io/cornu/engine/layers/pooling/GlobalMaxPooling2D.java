package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The maximum of each channel over all pixels, as Keras' {@code GlobalMaxPooling2D}.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape: {@code (batch, channels)}, or {@code (batch, 1, 1, channels)}
 * with {@code keepdims}.
 *
 * <pre>{@code new GlobalMaxPooling2D()}</pre>
 */
public class GlobalMaxPooling2D extends BaseGlobalPooling {

    /**
     * @param keepdims whether to keep the pooled axes with size 1
     * @param name     null for a unique default
     */
    public GlobalMaxPooling2D(boolean keepdims, String name) {
        super(2, keepdims, name);
    }

    public GlobalMaxPooling2D() {
        this(false, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.max(inputs, spatialAxes(), keepdims());
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlobalMaxPooling2D fromConfig(Map<String, Object> c) {
        return new GlobalMaxPooling2D(configKeepdims("GlobalMaxPooling2D", c), ConfigValues.name(c));
    }
}
