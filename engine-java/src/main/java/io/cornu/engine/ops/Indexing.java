package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

/**
 * Reading by index: {@code take} (NumPy's, TensorFlow's {@code gather}: the embedding lookup),
 * {@code take_along_axis} and {@code one_hot}. Reached through {@link Ops}.
 *
 * <p>Indices are int32 or int64 tensors of any shape; negative indices count from the end of the
 * axis, as in Keras. The gradient of a gather is a scatter-add into zeros of the source's shape,
 * so an index that occurs several times receives the sum of its rows' gradients.
 */
final class Indexing {
    private Indexing() {
    }

    /** {@code x} flattened, then indexed: Keras' {@code take(x, indices)} without an axis. */
    static Tensor take(Tensor x, Tensor indices) {
        return take(Shaping.reshape(x, new int[] {-1}), indices, 0);
    }

    /**
     * The slices of {@code x} at {@code indices} along {@code axis}: shape
     * {@code x.shape[:axis] + indices.shape + x.shape[axis+1:]}. Each slice is one
     * {@link System#arraycopy} of the contiguous block after {@code axis}.
     */
    static Tensor take(Tensor x, Tensor indices, int axis) {
        int a = Joining.checkAxis("take", x, axis);
        int[] dims = x.dims();
        int d = dims[a];
        int[] idx = indexArray("take", indices, d, a, x);
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= dims[i];
        for (int i = a + 1; i < dims.length; i++) inner *= dims[i];
        int n = idx.length;
        int[] id = indices.dims();
        int[] outDims = new int[dims.length - 1 + id.length];
        System.arraycopy(dims, 0, outDims, 0, a);
        System.arraycopy(id, 0, outDims, a, id.length);
        System.arraycopy(dims, a + 1, outDims, a + id.length, dims.length - a - 1);
        Tensor out = Tensor.zeros(x.dtype(), outDims);
        Tensor xc = x.contiguous();
        Object src = StridedCopy.storage(xc), dst = StridedCopy.storage(out);
        int base = xc.offset();
        if (inner == 1 && src instanceof float[] s) {
            float[] o = (float[]) dst;
            for (int q = 0; q < outer; q++) {
                for (int j = 0; j < n; j++) o[q * n + j] = s[base + q * d + idx[j]];
            }
        } else if (inner > 0) {
            for (int q = 0; q < outer; q++) {
                for (int j = 0; j < n; j++) {
                    System.arraycopy(src, base + (q * d + idx[j]) * inner, dst, (q * n + j) * inner, inner);
                }
            }
        }
        if (Shaping.recordable(x)) {
            int fo = outer, fi = inner;
            GradientTape.record(out, "take", new Tensor[] {x, indices}, (g, needed) -> new Tensor[] {
                    needed[0] ? scatterAdd(g, dims, fo, d, fi, idx) : null, null});
        }
        return out;
    }

    /** Zeros of {@code dims} plus, for each index, its slice of {@code g}: the gradient of take. */
    private static Tensor scatterAdd(Tensor g, int[] dims, int outer, int d, int inner, int[] idx) {
        Tensor dx = Tensor.zeros(dims);
        float[] t = dx.buffer();
        Tensor gc = g.contiguous();
        float[] s = gc.buffer();
        int go = gc.offset(), n = idx.length;
        Kernels k = Kernels.get();
        for (int q = 0; q < outer; q++) {
            for (int j = 0; j < n; j++) {
                int to = (q * d + idx[j]) * inner, from = go + (q * n + j) * inner;
                if (inner < 16) {
                    for (int i = 0; i < inner; i++) t[to + i] += s[from + i];
                } else {
                    k.axpy(1f, s, from, t, to, inner);
                }
            }
        }
        return dx;
    }

    /**
     * NumPy's {@code take_along_axis}: {@code out[..., j, ...] = x[..., indices[..., j, ...], ...]}
     * with {@code indices} of the rank of {@code x}, broadcast against it on the other axes.
     */
    static Tensor takeAlongAxis(Tensor x, Tensor indices, int axis) {
        int a = Joining.checkAxis("take_along_axis", x, axis);
        int r = x.rank();
        if (indices.rank() != r) {
            throw new IllegalArgumentException("take_along_axis: indices must have the rank of x. Received: x of shape "
                    + x.shape() + " and indices of shape " + indices.shape());
        }
        int[] xd = x.dims(), id = indices.dims();
        int[] outDims = new int[r], srcDims = new int[r];
        for (int i = 0; i < r; i++) {
            if (i == a) {
                outDims[i] = id[i];
                srcDims[i] = xd[i];
                continue;
            }
            if (xd[i] != id[i] && xd[i] != 1 && id[i] != 1) {
                throw new IllegalArgumentException("take_along_axis: x of shape " + x.shape() + " and indices of shape "
                        + indices.shape() + " do not broadcast on axis " + i + " (" + xd[i] + " and " + id[i] + ")");
            }
            outDims[i] = srcDims[i] = Math.max(xd[i], id[i]);
            if (xd[i] == 0 || id[i] == 0) outDims[i] = srcDims[i] = 0;
        }
        Tensor src = x.broadcastTo(srcDims);
        int[] idx = indexArray("take_along_axis", indices.broadcastTo(outDims), xd[a], a, x);
        int[] pos = positions(outDims, src.strides(), src.offset(), a, idx);
        Tensor out = Tensor.zeros(x.dtype(), outDims);
        Object s = StridedCopy.storage(src), o = StridedCopy.storage(out);
        if (s instanceof float[] f) {
            float[] t = (float[]) o;
            for (int p = 0; p < pos.length; p++) t[p] = f[pos[p]];
        } else if (s instanceof int[] f) {
            int[] t = (int[]) o;
            for (int p = 0; p < pos.length; p++) t[p] = f[pos[p]];
        } else {
            long[] f = (long[]) s, t = (long[]) o;
            for (int p = 0; p < pos.length; p++) t[p] = f[pos[p]];
        }
        if (Shaping.recordable(x)) {
            GradientTape.record(out, "take_along_axis", new Tensor[] {x, indices}, (g, needed) -> {
                if (!needed[0]) return new Tensor[2];
                // scatter-add into the broadcast source shape; the tape sums it down to x's shape
                Tensor dx = Tensor.zeros(srcDims);
                int[] into = positions(outDims, dx.strides(), 0, a, idx);
                float[] t = dx.buffer(), gv = g.toFloatArray();
                for (int p = 0; p < into.length; p++) t[into[p]] += gv[p];
                return new Tensor[] {dx, null};
            });
        }
        return out;
    }

    /** Buffer positions of each output element (row-major over {@code outDims}) in a source with {@code strides}. */
    private static int[] positions(int[] outDims, int[] strides, int offset, int axis, int[] idx) {
        int n = idx.length, r = outDims.length;
        int[] pos = new int[n];
        int[] c = new int[r];
        int p = offset;
        for (int q = 0; q < n; q++) {
            pos[q] = p + idx[q] * strides[axis];
            for (int i = r - 1; i >= 0; i--) {
                if (i != axis) p += strides[i];
                if (++c[i] < outDims[i]) break;
                if (i != axis) p -= strides[i] * outDims[i];
                c[i] = 0;
            }
        }
        return pos;
    }

    /**
     * {@code indices} (int32 or int64) as non-negative ints below {@code size}; negative ones count
     * from the end. Out-of-range indices are an error naming the index and the axis size.
     */
    static int[] indexArray(String op, Tensor indices, int size, int axis, Tensor x) {
        int n = indices.size();
        int[] out = new int[n];
        if (indices.dtype() == DType.INT32) {
            int[] v = indices.toIntArray();
            for (int i = 0; i < n; i++) out[i] = checkIndex(op, v[i], size, axis, x);
        } else if (indices.dtype() == DType.INT64) {
            long[] v = indices.toLongArray();
            for (int i = 0; i < n; i++) out[i] = checkIndex(op, v[i], size, axis, x);
        } else {
            throw new IllegalArgumentException(op + ": indices must be int32 or int64. Received: indices of dtype "
                    + indices.dtype() + " and shape " + indices.shape() + ". Use cast(indices, DType.INT32) first");
        }
        return out;
    }

    private static int checkIndex(String op, long i, int size, int axis, Tensor x) {
        if (i < -size || i >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " is out of range for axis " + axis + " of size " + size
                    + " (x of shape " + x.shape() + ")");
        }
        return (int) (i < 0 ? i + size : i);
    }

    /**
     * float32 one-hot vectors of length {@code numClasses} inserted at {@code axis} (-1: last) of
     * the indices' shape. As in Keras, an index outside {@code [0, numClasses)} gives all zeros.
     * Float indices are accepted when they hold whole numbers (labels read as floats).
     */
    static Tensor oneHot(Tensor indices, int numClasses, int axis) {
        if (numClasses <= 0) throw new IllegalArgumentException("one_hot: expected num_classes > 0. Received: num_classes=" + numClasses);
        int r = indices.rank() + 1;
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new IllegalArgumentException("one_hot: axis " + axis + " is out of bounds for a result of rank " + r
                    + " (indices of shape " + indices.shape() + ")");
        }
        long[] v;
        if (indices.dtype() == DType.FLOAT32) {
            float[] f = indices.toFloatArray();
            v = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                if (f[i] != Math.rint(f[i])) {
                    throw new IllegalArgumentException("one_hot: indices must be whole numbers. Received: " + f[i]
                            + " at position " + i + " of indices of shape " + indices.shape());
                }
                v[i] = (long) f[i];
            }
        } else {
            v = indices.toLongArray();
        }
        int[] id = indices.dims();
        int[] outDims = new int[r];
        System.arraycopy(id, 0, outDims, 0, a);
        outDims[a] = numClasses;
        System.arraycopy(id, a, outDims, a + 1, id.length - a);
        int inner = 1;
        for (int i = a; i < id.length; i++) inner *= id[i];
        Tensor out = Tensor.zeros(outDims);
        float[] o = out.buffer();
        for (int p = 0; p < v.length; p++) {
            if (v[p] < 0 || v[p] >= numClasses) continue;
            int q = p / Math.max(1, inner), i = p - q * inner;
            o[(q * numClasses + (int) v[p]) * inner + i] = 1f;
        }
        return out;
    }
}
