package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Copies between strided layouts, the one data mover behind the structural ops (concatenate,
 * pad, tile, repeat, slice gradients). Axes that are contiguous in both layouts are merged first,
 * so the innermost loop is a {@link System#arraycopy} of the longest run both sides share; only
 * layouts that differ on the innermost axis (a transposed source) fall back to an element loop.
 */
final class StridedCopy {
    private StridedCopy() {
    }

    /** The storage array of {@code t}, whatever its dtype: {@code float[]}, {@code int[]} or {@code long[]}. */
    static Object storage(Tensor t) {
        return switch (t.dtype()) {
            case FLOAT32 -> t.buffer();
            case INT32 -> t.intBuffer();
            case INT64 -> t.longBuffer();
        };
    }

    /**
     * Writes the elements of {@code src} into the buffer under {@code dst}, a view of the same
     * shape and dtype over a buffer the caller owns (typically a region of a fresh output).
     */
    static void copyInto(Tensor src, Tensor dst) {
        if (!Arrays.equals(src.dims(), dst.dims()) || src.dtype() != dst.dtype()) {
            throw new IllegalStateException("StridedCopy: shape/dtype mismatch " + src.shape() + " " + src.dtype()
                    + " vs " + dst.shape() + " " + dst.dtype());
        }
        copy(storage(src), src.offset(), src.strides(), storage(dst), dst.offset(), dst.strides(), src.dims());
    }

    /** A fresh contiguous tensor of {@code dtype} holding {@code src}'s elements. */
    static Tensor materialize(Tensor src) {
        Tensor out = Tensor.zeros(src.dtype(), src.dims());
        copyInto(src, out);
        return out;
    }

    /**
     * Copies the {@code dims}-shaped block at {@code src[srcOff]} with strides {@code srcStrides}
     * into {@code dst[dstOff]} with strides {@code dstStrides}. Both arrays have the same primitive
     * type. A source stride may be 0 (a broadcast source is read repeatedly).
     */
    static void copy(Object src, int srcOff, int[] srcStrides, Object dst, int dstOff, int[] dstStrides, int[] dims) {
        // drop size-1 axes, then merge neighbours that are contiguous in both layouts
        int r = 0;
        int[] d = new int[dims.length], ss = new int[dims.length], ds = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 0) return;
            if (dims[i] == 1) continue;
            if (r > 0 && ss[r - 1] == srcStrides[i] * dims[i] && ds[r - 1] == dstStrides[i] * dims[i]) {
                d[r - 1] *= dims[i];
                ss[r - 1] = srcStrides[i];
                ds[r - 1] = dstStrides[i];
            } else {
                d[r] = dims[i];
                ss[r] = srcStrides[i];
                ds[r] = dstStrides[i];
                r++;
            }
        }
        if (r == 0) {
            run(src, srcOff, 1, dst, dstOff, 1, 1);
            return;
        }
        int n = d[r - 1], si = ss[r - 1], di = ds[r - 1];
        int outer = 1;
        for (int i = 0; i < r - 1; i++) outer *= d[i];
        int[] idx = new int[r - 1];
        int sp = srcOff, dp = dstOff;
        for (int q = 0; q < outer; q++) {
            run(src, sp, si, dst, dp, di, n);
            for (int a = r - 2; a >= 0; a--) {
                sp += ss[a];
                dp += ds[a];
                if (++idx[a] < d[a]) break;
                sp -= ss[a] * d[a];
                dp -= ds[a] * d[a];
                idx[a] = 0;
            }
        }
    }

    /** One innermost run of {@code n} elements. */
    private static void run(Object src, int sp, int si, Object dst, int dp, int di, int n) {
        if (si == 1 && di == 1) {
            System.arraycopy(src, sp, dst, dp, n);
        } else if (src instanceof float[] s) {
            float[] t = (float[]) dst;
            if (si == 0 && di == 1) Arrays.fill(t, dp, dp + n, s[sp]);
            else for (int j = 0; j < n; j++) t[dp + j * di] = s[sp + j * si];
        } else if (src instanceof int[] s) {
            int[] t = (int[]) dst;
            for (int j = 0; j < n; j++) t[dp + j * di] = s[sp + j * si];
        } else {
            long[] s = (long[]) src, t = (long[]) dst;
            for (int j = 0; j < n; j++) t[dp + j * di] = s[sp + j * si];
        }
    }

    /** Fills a fresh tensor of {@code dtype} with {@code value} (converted for integer dtypes). */
    static Tensor full(DType dtype, float value, int[] dims) {
        Tensor t = Tensor.zeros(dtype, dims);
        if (value != 0f) {
            switch (dtype) {
                case FLOAT32 -> Arrays.fill(t.buffer(), value);
                case INT32 -> Arrays.fill(t.intBuffer(), (int) value);
                case INT64 -> Arrays.fill(t.longBuffer(), (long) value);
            }
        }
        return t;
    }
}
