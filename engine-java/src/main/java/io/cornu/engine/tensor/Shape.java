package io.cornu.engine.tensor;

import java.util.Arrays;

/**
 * A tensor shape whose dimensions may be unknown ({@code None} in Keras), such as the batch
 * dimension of a symbolic tensor. Unknown dimensions are stored as {@link #NONE}.
 */
public final class Shape {
    /** Marker for an unknown dimension. */
    public static final int NONE = -1;

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape from its dimensions; use {@link #NONE} (or any negative value) for an unknown one. */
    public static Shape of(int... dims) {
        int[] d = dims.clone();
        for (int i = 0; i < d.length; i++) if (d[i] < 0) d[i] = NONE;
        return new Shape(d);
    }

    /** A shape from nullable dimensions: {@code null} is unknown. */
    public static Shape ofNullable(Integer... dims) {
        int[] d = new int[dims.length];
        for (int i = 0; i < d.length; i++) d[i] = dims[i] == null ? NONE : dims[i];
        return new Shape(d);
    }

    public int rank() {
        return dims.length;
    }

    /** The dimension at {@code axis}; negative axes count from the end. {@link #NONE} when unknown. */
    public int get(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    public boolean isKnown(int axis) {
        return get(axis) != NONE;
    }

    public boolean isFullyKnown() {
        for (int d : dims) if (d == NONE) return false;
        return true;
    }

    /** A copy of the dimensions ({@link #NONE} for unknown ones). */
    public int[] dims() {
        return dims.clone();
    }

    /** This shape with {@code batch} prepended, e.g. {@code (784,)} to {@code (None, 784)}. */
    public Shape withBatch(int batch) {
        int[] d = new int[dims.length + 1];
        d[0] = batch < 0 ? NONE : batch;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return new Shape(d);
    }

    /** This shape without its first (batch) dimension. */
    public Shape withoutBatch() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** This shape with the dimension at {@code axis} replaced. */
    public Shape with(int axis, int dim) {
        int[] d = dims.clone();
        d[axis < 0 ? d.length + axis : axis] = dim < 0 ? NONE : dim;
        return new Shape(d);
    }

    /** Product of the known dimensions from {@code from} on; -1 if any is unknown. */
    public long size(int from) {
        long n = 1;
        for (int i = from; i < dims.length; i++) {
            if (dims[i] == NONE) return -1;
            n *= dims[i];
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras' notation: {@code (None, 32)}, {@code (784,)}, {@code ()}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(dims[i] == NONE ? "None" : Integer.toString(dims[i]));
        }
        if (dims.length == 1) sb.append(',');
        return sb.append(')').toString();
    }
}
