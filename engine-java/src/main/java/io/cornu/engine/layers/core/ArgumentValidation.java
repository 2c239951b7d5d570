package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.tensor.Shape;

import java.util.Arrays;

/**
 * Argument and input checks shared by the layers, with Keras' messages (Keras'
 * {@code utils/argument_validation.py} and the {@code ndim} part of its {@code InputSpec}).
 */
public final class ArgumentValidation {
    private ArgumentValidation() {
    }

    /**
     * {@code value} as {@code n} integers, Keras' {@code standardize_tuple}: one value is repeated
     * {@code n} times; values must be {@code >= 0} ({@code allowZero}) or {@code > 0}.
     */
    public static int[] standardizeTuple(int[] value, int n, String name, boolean allowZero) {
        String shown = value == null ? "None" : value.length == 1 ? String.valueOf(value[0]) : pythonTupleLiteral(value);
        String msg = "The `" + name + "` argument must be a tuple of " + n + " integers. Received " + name + "=" + shown;
        if (value == null) throw new IllegalArgumentException(msg);
        int[] t = value.length == 1 ? repeat(value[0], n) : value.clone();
        if (t.length != n) throw new IllegalArgumentException(msg);
        StringBuilder bad = new StringBuilder();
        for (int v : t) {
            if (allowZero ? v < 0 : v <= 0) bad.append(bad.length() == 0 ? "" : ", ").append(v);
        }
        if (bad.length() > 0) {
            throw new IllegalArgumentException(msg + ", including values {" + bad + "} that do not satisfy `value "
                    + (allowZero ? ">= 0" : "> 0") + "`");
        }
        return t;
    }

    /**
     * Keras' {@code InputSpec(ndim=...)} check: {@code Input 0 of layer "x" is incompatible with the
     * layer: expected ndim=3, found ndim=2. Full shape received: (None, 5)}.
     */
    public static void requireRank(Layer layer, Shape shape, int ndim) {
        if (shape.rank() != ndim) {
            throw new IllegalArgumentException("Input 0 of layer \"" + layer.name() + "\" is incompatible with the layer: expected ndim="
                    + ndim + ", found ndim=" + shape.rank() + ". Full shape received: " + shape);
        }
    }

    /** Keras' {@code InputSpec(min_ndim=...)} check. */
    public static void requireMinRank(Layer layer, Shape shape, int minNdim) {
        if (shape.rank() < minNdim) {
            throw new IllegalArgumentException("Input 0 of layer \"" + layer.name() + "\" is incompatible with the layer: expected min_ndim="
                    + minNdim + ", found ndim=" + shape.rank() + ". Full shape received: " + shape);
        }
    }

    /** {@code axis} (negative counts from the end) as an index into a shape of rank {@code rank}, or an error. */
    public static int normalizeAxis(Layer layer, int axis, int rank, Shape shape) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.className() + "): axis " + axis
                    + " is out of bounds for input shape " + shape + ". Ensure axis is within the range of input dimensions.");
        }
        return a;
    }

    /** Python's notation for a tuple of ints: {@code (1, 2)}, {@code (3,)}. */
    public static String pythonTuple(int[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(values[i] < 0 && values[i] == Shape.NONE ? "None" : String.valueOf(values[i]));
        }
        if (values.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** Python's notation for a tuple of ints where negative values are literal (a Reshape target, -1 allowed). */
    public static String pythonTupleLiteral(int[] values) {
        String s = Arrays.toString(values);
        return "(" + s.substring(1, s.length() - 1) + (values.length == 1 ? ",)" : ")");
    }

    private static int[] repeat(int v, int n) {
        int[] t = new int[n];
        Arrays.fill(t, v);
        return t;
    }
}
