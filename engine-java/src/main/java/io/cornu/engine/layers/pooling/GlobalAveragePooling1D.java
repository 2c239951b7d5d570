package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The mean of each channel over all steps, as Keras' {@code GlobalAveragePooling1D}. With a
 * {@code (batch, steps)} mask (from an {@code Embedding(maskZero)} or {@code Masking}), the mean
 * is over the unmasked steps only; the mask stops here.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, channels)}, or {@code (batch, 1, channels)}
 * with {@code keepdims}.
 *
 * <pre>{@code new GlobalAveragePooling1D()}</pre>
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling {

    /**
     * @param keepdims whether to keep the pooled axes with size 1
     * @param name     null for a unique default
     */
    public GlobalAveragePooling1D(boolean keepdims, String name) {
        super(1, keepdims, name);
    }

    public GlobalAveragePooling1D() {
        this(false, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.mean(inputs, spatialAxes(), keepdims());
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        Tensor mask = masks.isEmpty() ? null : masks.get(0);
        if (mask == null) return call(inputs, training);
        Tensor m = Ops.expandDims(Ops.cast(mask, DType.FLOAT32), 2);
        Tensor x = Ops.where(m, inputs.get(0), Tensor.scalar(0f));
        return List.of(Ops.div(Ops.sum(x, new int[] {1}, keepdims()), Ops.sum(m, new int[] {1}, keepdims())));
    }

    /** Masked means are supported; the output has no steps left to mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return Collections.singletonList(null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlobalAveragePooling1D fromConfig(Map<String, Object> c) {
        return new GlobalAveragePooling1D(configKeepdims("GlobalAveragePooling1D", c), ConfigValues.name(c));
    }
}
