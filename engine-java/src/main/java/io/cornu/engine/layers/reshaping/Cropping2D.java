package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Removes rows and columns at the edges of images, as Keras' {@code Cropping2D} (channels last):
 * {@code cropping} is one count for all sides, {@code {rows, cols}} (symmetric), or
 * {@code {{top, bottom}, {left, right}}}; default no cropping.
 *
 * <p>Input shape: {@code (batch, rows, cols, channels)}. Output shape:
 * {@code (batch, rows - top - bottom, cols - left - right, channels)}.
 */
public class Cropping2D extends Layer {
    private final int[][] cropping;

    /** @param cropping {@code {{top, bottom}, {left, right}}} */
    public Cropping2D(int[][] cropping, String name) {
        super(name);
        this.cropping = standardize(cropping, "cropping");
    }

    /** {@code Cropping2D(c)}: {@code c} on every side; {@code Cropping2D(h, w)}: symmetric rows and columns. */
    public Cropping2D(int... cropping) {
        this(pairs(cropping.length == 0 ? new int[] {0} : cropping, "cropping"), null);
    }

    /** One int for all sides or two (rows, cols), as pairs; Keras' messages otherwise. */
    static int[][] pairs(int[] values, String name) {
        if (values.length == 1) {
            if (values[0] < 0) throw new IllegalArgumentException("`" + name + "` cannot be negative. Received: " + name + "=" + values[0] + ".");
            return new int[][] {{values[0], values[0]}, {values[0], values[0]}};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException("`" + name + "` should have two elements. Received: " + name + "=" + ArgumentValidation.pythonTupleLiteral(values) + ".");
        }
        return new int[][] {{values[0], values[0]}, {values[1], values[1]}};
    }

    /** Two pairs checked as Keras' {@code standardize_tuple} does. */
    static int[][] standardize(int[][] value, String name) {
        if (value == null || value.length != 2) {
            throw new IllegalArgumentException("`" + name + "` should have two elements. Received: " + name + "="
                    + (value == null ? "None" : Arrays.deepToString(value)) + ".");
        }
        return new int[][] {
            ArgumentValidation.standardizeTuple(value[0], 2, "1st entry of " + name, true),
            ArgumentValidation.standardizeTuple(value[1], 2, "2nd entry of " + name, true)};
    }

    /** {@code {{top, bottom}, {left, right}}}. */
    public int[][] cropping() {
        return new int[][] {cropping[0].clone(), cropping[1].clone()};
    }

    private void check(Shape shape, String what) {
        boolean bad = false;
        for (int i = 0; i < 2; i++) bad |= shape.isKnown(i + 1) && cropping[i][0] + cropping[i][1] >= shape.get(i + 1);
        if (bad) {
            throw new IllegalArgumentException("Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. "
                    + "Received: " + what + "=" + shape + ", cropping=" + tupleText());
        }
    }

    private String tupleText() {
        return "(" + ArgumentValidation.pythonTupleLiteral(cropping[0]) + ", " + ArgumentValidation.pythonTupleLiteral(cropping[1]) + ")";
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        check(inputs.shape(), "inputs.shape");
        int[] d = inputs.dims();
        return Ops.slice(inputs, new int[] {0, cropping[0][0], cropping[1][0], 0},
                new int[] {d[0], d[1] - cropping[0][0] - cropping[0][1], d[2] - cropping[1][0] - cropping[1][1], d[3]});
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
        check(inputShape, "input_shape");
        Shape out = inputShape;
        for (int i = 0; i < 2; i++) {
            if (out.isKnown(i + 1)) out = out.with(i + 1, out.get(i + 1) - cropping[i][0] - cropping[i][1]);
        }
        return out;
    }

    public static Cropping2D fromConfig(Map<String, Object> c) {
        int[][] p = ConfigValues.getIntPairs(c, "cropping");
        return new Cropping2D(p == null ? new int[][] {{0, 0}, {0, 0}} : p, ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("cropping", List.of(ConfigValues.list(cropping[0]), ConfigValues.list(cropping[1])));
        c.put("data_format", "channels_last");
        return c;
    }
}
