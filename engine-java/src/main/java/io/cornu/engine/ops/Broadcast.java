package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/** NumPy broadcasting: the result shape of two shapes, and strided iteration over both. */
final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of {@code a} and {@code b}, or an error naming the op and both shapes. */
    static int[] shape(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": cannot broadcast shapes " + Shape.of(a) + " and " + Shape.of(b)
                        + ": dimension " + i + " is " + da + " and " + db);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides of {@code t} read as {@code outShape}: 0 along broadcast axes. */
    static int[] stridesFor(Tensor t, int[] outShape) {
        int[] s = new int[outShape.length];
        int[] ts = t.strides();
        int[] td = t.dims();
        int lead = outShape.length - td.length;
        for (int i = 0; i < td.length; i++) s[lead + i] = td[i] == 1 ? 0 : ts[i];
        return s;
    }

    /**
     * {@code t} repeated to {@code shape} as NumPy broadcasting would (an error if it cannot be),
     * as a contiguous tensor: {@code t} itself when it already is one of that shape. Copies row by
     * row: an array copy when the last axis is contiguous, a fill when it is broadcast.
     */
    static Tensor expand(Tensor t, int[] shape) {
        if (Arrays.equals(t.dims(), shape) && t.isContiguous()) return t;
        Tensor v = t.broadcastTo(shape);
        if (t.dtype() != DType.FLOAT32) return v.contiguous();
        Tensor out = Tensor.zeros(shape);
        float[] o = out.buffer(), src = t.buffer();
        int n = o.length;
        if (n == 0) return out;
        int r = shape.length;
        if (r == 0) {
            o[0] = src[t.offset()];
            return out;
        }
        int[] st = v.strides();
        int inner = shape[r - 1], last = st[r - 1];
        int[] idx = new int[r];
        for (int q = 0, rows = n / inner; q < rows; q++) {
            int p = v.offset();
            for (int ax = 0; ax < r - 1; ax++) p += idx[ax] * st[ax];
            int oo = q * inner;
            if (last == 1) System.arraycopy(src, p, o, oo, inner);
            else if (last == 0) Arrays.fill(o, oo, oo + inner, src[p]);
            else for (int j = 0; j < inner; j++) o[oo + j] = src[p + j * last];
            for (int ax = r - 2; ax >= 0; ax--) {
                if (++idx[ax] < shape[ax]) break;
                idx[ax] = 0;
            }
        }
        return out;
    }

    /** Elementwise binary function used on the slow (strided) path. */
    interface FloatBinary {
        float apply(float x, float y);
    }

    /** Row kernel: {@code out[oo..oo+n) = f(a[ao..), b[bo..))}, all contiguous. */
    interface RowKernel {
        void apply(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n);
    }

    /**
     * {@code f(a, b)} with broadcasting. Uses {@code row} on contiguous runs (same shapes, or a
     * trailing operand like a bias) and {@code f} element by element otherwise.
     */
    static Tensor binary(String op, Tensor a, Tensor b, RowKernel row, FloatBinary f) {
        int[] outShape = shape(op, a.dims(), b.dims());
        Tensor out = Tensor.zeros(outShape);
        float[] o = out.buffer();
        int n = o.length;
        if (n == 0) return out;
        if (outShape.length == 0) {
            o[0] = f.apply(a.item(), b.item());
            return out;
        }
        if (Arrays.equals(a.dims(), outShape) && Arrays.equals(b.dims(), outShape) && a.isContiguous() && b.isContiguous()) {
            row.apply(a.buffer(), a.offset(), b.buffer(), b.offset(), o, 0, n);
            return out;
        }
        int[] sa = stridesFor(a, outShape), sb = stridesFor(b, outShape);
        int r = outShape.length;
        int inner = outShape[r - 1];
        boolean aRow = sa[r - 1] == 1, bRow = sb[r - 1] == 1;
        boolean aScalarRow = sa[r - 1] == 0, bScalarRow = sb[r - 1] == 0;
        float[] ad = a.buffer(), bd = b.buffer();
        float[] tmpA = aScalarRow ? new float[inner] : null;
        float[] tmpB = bScalarRow ? new float[inner] : null;
        int[] idx = new int[r];
        int rows = n / inner;
        for (int q = 0; q < rows; q++) {
            int pa = a.offset(), pb = b.offset();
            for (int ax = 0; ax < r - 1; ax++) {
                pa += idx[ax] * sa[ax];
                pb += idx[ax] * sb[ax];
            }
            int oo = q * inner;
            if ((aRow || aScalarRow) && (bRow || bScalarRow)) {
                float[] arr = ad, brr = bd;
                int ao = pa, bo = pb;
                if (aScalarRow) { Arrays.fill(tmpA, ad[pa]); arr = tmpA; ao = 0; }
                if (bScalarRow) { Arrays.fill(tmpB, bd[pb]); brr = tmpB; bo = 0; }
                row.apply(arr, ao, brr, bo, o, oo, inner);
            } else {
                for (int j = 0; j < inner; j++) o[oo + j] = f.apply(ad[pa + j * sa[r - 1]], bd[pb + j * sb[r - 1]]);
            }
            for (int ax = r - 2; ax >= 0; ax--) {
                if (++idx[ax] < outShape[ax]) break;
                idx[ax] = 0;
            }
        }
        return out;
    }
}
