package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The maximum over each window of a channels-last input, each channel on its own, as Keras' {@code MaxPooling2D}.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape: {@code (batch, newHeight, newWidth, channels)}, sizes as {@link BasePooling}.
 *
 * <pre>{@code new MaxPooling2D(2)   // (batch, 26, 26, 32) -> (batch, 13, 13, 32)}</pre>
 */
public class MaxPooling2D extends BasePooling {

    /**
     * @param poolSize {@code {ph, pw}}, or one value for both
     * @param strides  {@code {sh, sw}} or one value; null for the pool size
     * @param padding  {@code "valid"} or {@code "same"}
     * @param name     null for a unique default
     */
    public MaxPooling2D(int[] poolSize, int[] strides, String padding, String name) {
        super(2, poolSize, strides, padding, name);
    }

    /** Square windows of {@code poolSize}, as many pixels apart, "valid". */
    public MaxPooling2D(int poolSize) {
        this(new int[] {poolSize}, null, "valid", null);
    }

    /** Keras' default: a pool size of 2. */
    public MaxPooling2D() {
        this(2);
    }

    @Override
    protected Tensor poolOp(Tensor inputs) {
        return Ops.maxPool2d(inputs, poolSize(), strides(), padding());
    }

    /** The inverse of {@link #getConfig()}. */
    public static MaxPooling2D fromConfig(Map<String, Object> c) {
        return new MaxPooling2D(configPoolSize("MaxPooling2D", c, new int[] {2, 2}), ConfigValues.getInts(c, "strides"),
                ConfigValues.getString(c, "padding", "valid"), ConfigValues.name(c));
    }
}
