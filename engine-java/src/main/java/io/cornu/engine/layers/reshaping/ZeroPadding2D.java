package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Adds rows and columns of zeros around images, as Keras' {@code ZeroPadding2D} (channels last):
 * {@code padding} is one count for all sides, {@code {rows, cols}} (symmetric), or
 * {@code {{top, bottom}, {left, right}}}.
 *
 * <p>Input shape: {@code (batch, rows, cols, channels)}. Output shape:
 * {@code (batch, top + rows + bottom, left + cols + right, channels)}.
 */
public class ZeroPadding2D extends Layer {
    private final int[][] padding;

    /** @param padding {@code {{top, bottom}, {left, right}}} */
    public ZeroPadding2D(int[][] padding, String name) {
        super(name);
        this.padding = Cropping2D.standardize(padding, "padding");
    }

    /** {@code ZeroPadding2D(p)}: {@code p} on every side; {@code ZeroPadding2D(h, w)}: symmetric rows and columns. */
    public ZeroPadding2D(int... padding) {
        this(Cropping2D.pairs(padding.length == 0 ? new int[] {1} : padding, "padding"), null);
    }

    /** {@code {{top, bottom}, {left, right}}}. */
    public int[][] padding() {
        return new int[][] {padding[0].clone(), padding[1].clone()};
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.pad(inputs, new int[][] {{0, 0}, padding[0], padding[1], {0, 0}});
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
        Shape out = inputShape;
        for (int i = 0; i < 2; i++) {
            if (out.isKnown(i + 1)) out = out.with(i + 1, out.get(i + 1) + padding[i][0] + padding[i][1]);
        }
        return out;
    }

    public static ZeroPadding2D fromConfig(Map<String, Object> c) {
        int[][] p = ConfigValues.getIntPairs(c, "padding");
        return new ZeroPadding2D(p == null ? new int[][] {{1, 1}, {1, 1}} : p, ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("padding", List.of(ConfigValues.list(padding[0]), ConfigValues.list(padding[1])));
        c.put("data_format", "channels_last");
        return c;
    }
}
