package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The maximum of each channel over all steps, as Keras' {@code GlobalMaxPooling1D}.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, channels)}, or {@code (batch, 1, channels)}
 * with {@code keepdims}.
 *
 * <pre>{@code new GlobalMaxPooling1D()}</pre>
 */
public class GlobalMaxPooling1D extends BaseGlobalPooling {

    /**
     * @param keepdims whether to keep the pooled axes with size 1
     * @param name     null for a unique default
     */
    public GlobalMaxPooling1D(boolean keepdims, String name) {
        super(1, keepdims, name);
    }

    public GlobalMaxPooling1D() {
        this(false, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.max(inputs, spatialAxes(), keepdims());
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlobalMaxPooling1D fromConfig(Map<String, Object> c) {
        return new GlobalMaxPooling1D(configKeepdims("GlobalMaxPooling1D", c), ConfigValues.name(c));
    }
}
