package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/** Sums, means and maxima over axes, and their gradients. Reached through {@link Ops}. */
final class Reductions {
    private Reductions() {
    }

    /** Sorted, non-negative, distinct axes; all axes when {@code axes} is null or empty. */
    static int[] normalizeAxes(String op, int[] axes, int rank) {
        if (axes == null || axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int ax = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (ax < 0 || ax >= rank) {
                throw new IllegalArgumentException(op + ": axis " + axes[i] + " is out of bounds for a tensor of rank " + rank);
            }
            out[i] = ax;
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) throw new IllegalArgumentException(op + ": repeated axis " + out[i] + " in axes " + Arrays.toString(axes));
        }
        return out;
    }

    static int[] reducedShape(int[] dims, int[] axes, boolean keepDims) {
        boolean[] red = new boolean[dims.length];
        for (int a : axes) red[a] = true;
        int[] out = new int[keepDims ? dims.length : dims.length - axes.length];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (!red[i]) out[j++] = dims[i];
            else if (keepDims) out[j++] = 1;
        }
        return out;
    }

    static Tensor sum(Tensor a, int[] axes, boolean keepDims) {
        int[] dims = a.dims();
        int[] ax = normalizeAxes("sum", axes, dims.length);
        Tensor out = reduce(a, ax, false).reshape(reducedShape(dims, ax, keepDims));
        if (GradientTape.isRecording()) {
            int[] kept = reducedShape(dims, ax, true);
            GradientTape.record(out, "sum", new Tensor[] {a}, (g, needed) -> new Tensor[] {broadcastTo(g.reshape(kept), dims)});
        }
        return out;
    }

    static Tensor mean(Tensor a, int[] axes, boolean keepDims) {
        int[] dims = a.dims();
        int[] ax = normalizeAxes("mean", axes, dims.length);
        long count = 1;
        for (int x : ax) count *= dims[x];
        return Arithmetic.scaleShift(sum(a, axes, keepDims), count == 0 ? Float.NaN : 1f / count, 0f);
    }

    static Tensor max(Tensor a, int[] axes, boolean keepDims) {
        int[] dims = a.dims();
        int[] ax = normalizeAxes("max", axes, dims.length);
        Tensor out = reduce(a, ax, true).reshape(reducedShape(dims, ax, keepDims));
        if (GradientTape.isRecording()) {
            int[] kept = reducedShape(dims, ax, true);
            GradientTape.record(out, "max", new Tensor[] {a}, (g, needed) -> {
                // the gradient goes to every element equal to the maximum (ties share it, as in TensorFlow)
                Tensor m = broadcastTo(out.reshape(kept), dims);
                float[] x = a.toFloatArray(), mv = m.toFloatArray();
                float[] mask = new float[x.length];
                for (int i = 0; i < x.length; i++) mask[i] = x[i] == mv[i] ? 1f : 0f;
                Tensor maskT = Tensor.wrap(mask, dims);
                Tensor counts = broadcastTo(reduce(maskT, ax, false).reshape(kept), dims);
                return new Tensor[] {Arithmetic.div(Arithmetic.mul(broadcastTo(g.reshape(kept), dims), maskT), counts)};
            });
        }
        return out;
    }

    /** Sum of {@code g} down to {@code shape}: undoes broadcasting (leading axes and size-1 axes). */
    static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gd = g.dims();
        if (Arrays.equals(gd, shape)) return g;
        int lead = gd.length - shape.length;
        if (lead < 0) throw new IllegalArgumentException("sumToShape: cannot reduce shape " + Shape.of(gd) + " to " + Shape.of(shape));
        int[] axes = new int[gd.length];
        int n = 0;
        for (int i = 0; i < gd.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gd[i] != 1)) axes[n++] = i;
            else if (shape[i - lead] != gd[i]) {
                throw new IllegalArgumentException("sumToShape: cannot reduce shape " + Shape.of(gd) + " to " + Shape.of(shape));
            }
        }
        return reduce(g, Arrays.copyOf(axes, n), false).reshape(shape);
    }

    /** {@code a} repeated along its size-1 and missing leading axes to {@code shape}. */
    static Tensor broadcastTo(Tensor a, int[] shape) {
        if (Arrays.equals(a.dims(), shape)) return a;
        return Arithmetic.add(a, Tensor.zeros(shape));
    }

    /**
     * Reduces over sorted axes without recording; returns a contiguous tensor whose shape keeps
     * the reduced axes as 1. Works one axis at a time as (outer, reduced, inner) blocks so every
     * inner loop is a kernel call over contiguous memory.
     */
    private static Tensor reduce(Tensor a, int[] axes, boolean isMax) {
        Tensor cur = a.contiguous();
        Kernels k = Kernels.get();
        for (int i = axes.length - 1; i >= 0; i--) {
            int ax = axes[i];
            int[] d = cur.dims();
            int outer = 1, inner = 1, r = d[ax];
            for (int q = 0; q < ax; q++) outer *= d[q];
            for (int q = ax + 1; q < d.length; q++) inner *= d[q];
            int[] nd = d.clone();
            nd[ax] = 1;
            float[] src = cur.buffer();
            int so = cur.offset();
            float[] dst = new float[outer * inner];
            if (isMax) Arrays.fill(dst, Float.NEGATIVE_INFINITY);
            for (int o = 0; o < outer; o++) {
                int base = so + o * r * inner;
                if (inner == 1) {
                    dst[o] = isMax ? k.max(src, base, r) : k.sum(src, base, r);
                } else {
                    for (int j = 0; j < r; j++) {
                        int row = base + j * inner;
                        if (isMax) {
                            for (int q = 0; q < inner; q++) dst[o * inner + q] = Math.max(dst[o * inner + q], src[row + q]);
                        } else {
                            k.add(dst, o * inner, src, row, dst, o * inner, inner);
                        }
                    }
                }
            }
            cur = Tensor.wrap(dst, nd);
        }
        return cur;
    }
}
