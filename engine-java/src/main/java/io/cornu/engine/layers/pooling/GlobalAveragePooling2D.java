package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The mean of each channel over all pixels, as Keras' {@code GlobalAveragePooling2D}.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape: {@code (batch, channels)}, or {@code (batch, 1, 1, channels)}
 * with {@code keepdims}.
 *
 * <pre>{@code new GlobalAveragePooling2D()}</pre>
 */
public class GlobalAveragePooling2D extends BaseGlobalPooling {

    /**
     * @param keepdims whether to keep the pooled axes with size 1
     * @param name     null for a unique default
     */
    public GlobalAveragePooling2D(boolean keepdims, String name) {
        super(2, keepdims, name);
    }

    public GlobalAveragePooling2D() {
        this(false, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.mean(inputs, spatialAxes(), keepdims());
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlobalAveragePooling2D fromConfig(Map<String, Object> c) {
        return new GlobalAveragePooling2D(configKeepdims("GlobalAveragePooling2D", c), ConfigValues.name(c));
    }
}
