package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Removes steps from the start and end of the steps axis, as Keras' {@code Cropping1D}:
 * {@code cropping} is one count for both ends or {@code {start, end}} (default {@code (1, 1)}).
 *
 * <p>Input shape: {@code (batch, steps, features)}. Output shape:
 * {@code (batch, steps - start - end, features)}.
 */
public class Cropping1D extends Layer {
    private final int[] cropping;

    public Cropping1D(int[] cropping, String name) {
        super(name);
        this.cropping = ArgumentValidation.standardizeTuple(cropping, 2, "cropping", true);
    }

    public Cropping1D(int... cropping) {
        this(cropping.length == 0 ? new int[] {1, 1} : cropping, null);
    }

    public int[] cropping() {
        return cropping.clone();
    }

    private void checkLength(int length, Shape shape, String what) {
        if (length != Shape.NONE && cropping[0] + cropping[1] >= length) {
            throw new IllegalArgumentException("`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: "
                    + what + "=" + shape + ", cropping=" + ArgumentValidation.pythonTupleLiteral(cropping));
        }
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        checkLength(inputs.dim(1), inputs.shape(), "inputs.shape");
        int[] d = inputs.dims();
        return Ops.slice(inputs, new int[] {0, cropping[0], 0}, new int[] {d[0], d[1] - cropping[0] - cropping[1], d[2]});
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
        checkLength(inputShape.get(1), inputShape, "input_shape");
        return inputShape.isKnown(1) ? inputShape.with(1, inputShape.get(1) - cropping[0] - cropping[1]) : inputShape;
    }

    public static Cropping1D fromConfig(Map<String, Object> c) {
        int[] p = ConfigValues.getInts(c, "cropping");
        return new Cropping1D(p == null ? new int[] {1, 1} : p, ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("cropping", ConfigValues.list(cropping));
        return c;
    }
}
