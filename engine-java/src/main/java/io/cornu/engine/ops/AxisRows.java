package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;

/**
 * A tensor read as {@code rows x cols}: the given axes moved last (kept axes first, in order) and
 * flattened into each contiguous row. Ops that work along axes (softmax, argmax, prod's gradient,
 * cumsum) compute row by row and {@link #restore} the original layout. No copy is made when the
 * axes are already last and the tensor is contiguous.
 */
final class AxisRows {
    final float[] data;
    final int offset;
    final int rows;
    final int cols;
    private final int[] dims;
    private final int[] perm;
    private final int[] inverse;

    private AxisRows(float[] data, int offset, int rows, int cols, int[] dims, int[] perm, int[] inverse) {
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.dims = dims;
        this.perm = perm;
        this.inverse = inverse;
    }

    /** The float32 tensor {@code x} with the sorted, distinct {@code axes} as rows. */
    static AxisRows of(Tensor x, int[] axes) {
        int[] dims = x.dims();
        int[] perm = permutation(dims.length, axes);
        int cols = 1;
        for (int a : axes) cols *= dims[a];
        int rows = sizeWithout(dims, axes);
        if (perm == null) {
            Tensor c = x.contiguous();
            return new AxisRows(c.buffer(), c.offset(), rows, cols, dims, null, null);
        }
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inverse[perm[i]] = i;
        return new AxisRows(x.permute(perm).toFloatArray(), 0, rows, cols, dims, perm, inverse);
    }

    /** Another tensor of the same shape (e.g. the gradient of the output) in the same layout. */
    AxisRows like(Tensor t) {
        if (perm == null) {
            Tensor c = t.contiguous();
            return new AxisRows(c.buffer(), c.offset(), rows, cols, dims, null, null);
        }
        return new AxisRows(t.permute(perm).toFloatArray(), 0, rows, cols, dims, perm, inverse);
    }

    /** A contiguous tensor of the original shape holding {@code values}, given in this row layout. */
    Tensor restore(float[] values) {
        if (perm == null) return Tensor.wrap(values, dims);
        int[] pd = new int[perm.length];
        for (int i = 0; i < perm.length; i++) pd[i] = dims[perm[i]];
        return Tensor.wrap(values, pd).permute(inverse).contiguous();
    }

    /** The elements of an integer (or float) tensor as int64 in the row layout of {@code axes}. */
    static long[] longs(Tensor x, int[] axes) {
        int[] perm = permutation(x.rank(), axes);
        return (perm == null ? x : x.permute(perm)).toLongArray();
    }

    /** Kept axes then {@code axes}; null when that is the identity. */
    private static int[] permutation(int rank, int[] axes) {
        boolean[] red = new boolean[rank];
        for (int a : axes) red[a] = true;
        int[] perm = new int[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) if (!red[i]) perm[j++] = i;
        for (int a : axes) perm[j++] = a;
        for (int i = 0; i < rank; i++) if (perm[i] != i) return perm;
        return null;
    }

    private static int sizeWithout(int[] dims, int[] axes) {
        boolean[] red = new boolean[dims.length];
        for (int a : axes) red[a] = true;
        int n = 1;
        for (int i = 0; i < dims.length; i++) if (!red[i]) n *= dims[i];
        return n;
    }
}
