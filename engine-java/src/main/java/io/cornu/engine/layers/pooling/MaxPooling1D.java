package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The maximum over each window of a channels-last input, each channel on its own, as Keras' {@code MaxPooling1D}.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, newSteps, channels)}, sizes as {@link BasePooling}.
 *
 * <pre>{@code new MaxPooling1D(2)   // (batch, 10, 8) -> (batch, 5, 8)}</pre>
 */
public class MaxPooling1D extends BasePooling {

    /**
     * @param poolSize the window length
     * @param strides  the step between windows; null for the pool size
     * @param padding  {@code "valid"} or {@code "same"}
     * @param name     null for a unique default
     */
    public MaxPooling1D(int poolSize, Integer strides, String padding, String name) {
        super(1, new int[] {poolSize}, strides == null ? null : new int[] {strides}, padding, name);
    }

    /** Windows of {@code poolSize} steps, as many steps apart, "valid". */
    public MaxPooling1D(int poolSize) {
        this(poolSize, null, "valid", null);
    }

    /** Keras' default: a pool size of 2. */
    public MaxPooling1D() {
        this(2);
    }

    @Override
    protected Tensor poolOp(Tensor inputs) {
        return Ops.maxPool1d(inputs, poolSize()[0], strides()[0], padding());
    }

    /** The inverse of {@link #getConfig()}. */
    public static MaxPooling1D fromConfig(Map<String, Object> c) {
        int[] s = ConfigValues.getInts(c, "strides");
        return new MaxPooling1D(single(configPoolSize("MaxPooling1D", c, new int[] {2}), "pool_size"),
                s == null ? null : single(s, "strides"), ConfigValues.getString(c, "padding", "valid"), ConfigValues.name(c));
    }
}
