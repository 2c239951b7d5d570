package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Masks timesteps whose features all equal {@code maskValue}, as Keras' {@code Masking}: such
 * timesteps become zeros and the output carries the mask {@code any(x != maskValue, axis=-1)}
 * (see {@link Tensor#kerasMask()}), which mask-aware layers after it (recurrent layers, pooling
 * over time) use to skip them.
 *
 * <p>Input shape: {@code (batch, steps, features)} (any rank; the last axis is the features).
 * Output shape: the input's; mask shape: the input's without the last axis.
 *
 * <pre>{@code new Masking(0f)}</pre>
 */
public class Masking extends Layer {
    private final float maskValue;

    public Masking(float maskValue, String name) {
        super(name);
        this.maskValue = maskValue;
    }

    public Masking(float maskValue) {
        this(maskValue, null);
    }

    public Masking() {
        this(0f, null);
    }

    public float maskValue() {
        return maskValue;
    }

    private Tensor keep(Tensor inputs, boolean keepDims) {
        return Ops.max(Ops.notEqual(inputs, Tensor.scalar(maskValue)), new int[] {-1}, keepDims);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.where(keep(inputs, true), inputs, Tensor.scalar(0f));
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return List.of(keep(inputs.get(0), false));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static Masking fromConfig(Map<String, Object> c) {
        return new Masking(ConfigValues.getFloat(c, "mask_value", 0f), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mask_value", maskValue);
        return c;
    }
}
