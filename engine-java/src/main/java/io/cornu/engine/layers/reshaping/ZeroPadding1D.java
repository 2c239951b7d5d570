package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Adds zeros at the start and end of the steps axis, as Keras' {@code ZeroPadding1D}:
 * {@code padding} is one count for both ends or {@code {left, right}}.
 *
 * <p>Input shape: {@code (batch, steps, features)}. Output shape:
 * {@code (batch, left + steps + right, features)}.
 */
public class ZeroPadding1D extends Layer {
    private final int[] padding;

    public ZeroPadding1D(int[] padding, String name) {
        super(name);
        this.padding = ArgumentValidation.standardizeTuple(padding, 2, "padding", true);
    }

    public ZeroPadding1D(int... padding) {
        this(padding.length == 0 ? new int[] {1} : padding, null);
    }

    public int[] padding() {
        return padding.clone();
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.pad(inputs, new int[][] {{0, 0}, padding, {0, 0}});
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
        return inputShape.isKnown(1) ? inputShape.with(1, inputShape.get(1) + padding[0] + padding[1]) : inputShape;
    }

    public static ZeroPadding1D fromConfig(Map<String, Object> c) {
        int[] p = ConfigValues.getInts(c, "padding");
        return new ZeroPadding1D(p == null ? new int[] {1} : p, ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("padding", ConfigValues.list(padding));
        c.put("data_format", "channels_last");
        return c;
    }
}
