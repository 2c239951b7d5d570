package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Repeats each step {@code size} times along the steps axis, as Keras' {@code UpSampling1D}.
 *
 * <p>Input shape: {@code (batch, steps, features)}. Output shape: {@code (batch, steps * size, features)}.
 */
public class UpSampling1D extends Layer {
    private final int size;

    public UpSampling1D(int size, String name) {
        super(name);
        if (size <= 0) throw new IllegalArgumentException("Argument `size` should be a positive integer. Received: size=" + size);
        this.size = size;
    }

    public UpSampling1D(int size) {
        this(size, null);
    }

    public UpSampling1D() {
        this(2, null);
    }

    public int size() {
        return size;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.repeat(inputs, size, 1);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
        return inputShape.isKnown(1) ? inputShape.with(1, inputShape.get(1) * size) : inputShape;
    }

    public static UpSampling1D fromConfig(Map<String, Object> c) {
        return new UpSampling1D(ConfigValues.getInt(c, "size", 2), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("size", size);
        return c;
    }
}
