package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Reductions over any set of axes ({@code sum}, {@code mean}, {@code max}, {@code min},
 * {@code prod}, {@code argmax}, {@code argmin}, {@code variance}, {@code std}, {@code norm},
 * {@code logsumexp}), the running sum {@code cumsum}, and their gradients. Reached through
 * {@link Ops}. Axes may be negative; none (null or empty) means all axes; {@code keepDims} keeps
 * reduced axes with size 1.
 */
final class Reductions {
    private Reductions() {
    }

    private enum Mode { SUM, MAX, MIN, PROD }

    // ---- axes ----

    /** Sorted, non-negative, distinct axes; all axes when {@code axes} is null or empty. */
    static int[] normalizeAxes(String op, int[] axes, int rank) {
        if (axes == null || axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = normalizeAxis(op, axes[i], rank);
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) throw new IllegalArgumentException(op + ": repeated axis " + out[i] + " in axes " + Arrays.toString(axes));
        }
        return out;
    }

    /** {@code axis} in {@code [0, rank)}; negative axes count from the end. */
    static int normalizeAxis(String op, int axis, int rank) {
        int ax = axis < 0 ? axis + rank : axis;
        if (ax < 0 || ax >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a tensor of rank " + rank);
        }
        return ax;
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

    /** Max, min and the arg-reductions have no value over an empty axis, as in NumPy. */
    private static void requireNonEmpty(String op, Tensor a, int[] axes) {
        for (int ax : axes) {
            if (a.dim(ax) == 0) {
                throw new IllegalArgumentException(op + ": cannot reduce over axis " + ax + " of size 0 in a tensor of shape " + a.shape());
            }
        }
    }

    // ---- sum, mean, prod ----

    static Tensor sum(Tensor a, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("sum", a);
        int[] dims = a.dims();
        int[] ax = normalizeAxes("sum", axes, dims.length);
        Tensor out = reduce(a, ax, Mode.SUM).reshape(reducedShape(dims, ax, keepDims));
        if (GradientTape.isRecording()) {
            int[] kept = reducedShape(dims, ax, true);
            GradientTape.record(out, "sum", new Tensor[] {a}, (g, needed) -> new Tensor[] {broadcastTo(g.reshape(kept), dims)});
        }
        return out;
    }

    static Tensor mean(Tensor a, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("mean", a);
        int[] dims = a.dims();
        int[] ax = normalizeAxes("mean", axes, dims.length);
        long count = 1;
        for (int x : ax) count *= dims[x];
        return Arithmetic.scaleShift(sum(a, ax, keepDims), count == 0 ? Float.NaN : 1f / count, 0f);
    }

    /**
     * Product over {@code axes}. The gradient of each element is the product of the others in its
     * group, computed from prefix and suffix products, so it is exact when elements are zero
     * (dividing the product by the element would give 0/0).
     */
    static Tensor prod(Tensor a, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("prod", a);
        int[] dims = a.dims();
        int[] ax = normalizeAxes("prod", axes, dims.length);
        Tensor out = reduce(a, ax, Mode.PROD).reshape(reducedShape(dims, ax, keepDims));
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "prod", new Tensor[] {a}, (g, needed) -> {
                AxisRows x = AxisRows.of(a, ax);
                float[] gd = g.toFloatArray();
                float[] dx = new float[x.rows * x.cols];
                for (int r = 0; r < x.rows; r++) {
                    int base = x.offset + r * x.cols, o = r * x.cols;
                    double before = 1;
                    for (int j = 0; j < x.cols; j++) {
                        dx[o + j] = (float) before;
                        before *= x.data[base + j];
                    }
                    double after = 1;
                    for (int j = x.cols - 1; j >= 0; j--) {
                        dx[o + j] = (float) (gd[r] * (dx[o + j] * after));
                        after *= x.data[base + j];
                    }
                }
                return new Tensor[] {x.restore(dx)};
            });
        }
        return out;
    }

    // ---- max, min ----

    /** Maximum over {@code axes}; int tensors give int results. Ties share the gradient, as in TensorFlow. */
    static Tensor max(Tensor a, int[] axes, boolean keepDims) {
        return extremum("max", a, axes, keepDims, Mode.MAX);
    }

    /** Minimum over {@code axes}; int tensors give int results. Ties share the gradient. */
    static Tensor min(Tensor a, int[] axes, boolean keepDims) {
        return extremum("min", a, axes, keepDims, Mode.MIN);
    }

    private static Tensor extremum(String op, Tensor a, int[] axes, boolean keepDims, Mode mode) {
        int[] dims = a.dims();
        int[] ax = normalizeAxes(op, axes, dims.length);
        requireNonEmpty(op, a, ax);
        int[] outShape = reducedShape(dims, ax, keepDims);
        if (a.dtype() != DType.FLOAT32) return integerExtremum(a, ax, outShape, mode == Mode.MAX);
        Tensor out = reduce(a, ax, mode).reshape(outShape);
        if (GradientTape.isRecording()) {
            int[] kept = reducedShape(dims, ax, true);
            GradientTape.record(out, op, new Tensor[] {a}, (g, needed) -> {
                // the gradient goes to every element equal to the extremum, split evenly among ties
                float[] x = a.toFloatArray(), m = broadcastTo(out.reshape(kept), dims).toFloatArray();
                float[] mask = new float[x.length];
                for (int i = 0; i < x.length; i++) mask[i] = x[i] == m[i] ? 1f : 0f;
                Tensor maskT = Tensor.wrap(mask, dims);
                Tensor counts = broadcastTo(reduce(maskT, ax, Mode.SUM), dims);
                return new Tensor[] {Arithmetic.div(Arithmetic.mul(broadcastTo(g.reshape(kept), dims), maskT), counts)};
            });
        }
        return out;
    }

    private static Tensor integerExtremum(Tensor a, int[] ax, int[] outShape, boolean isMax) {
        long[] v = AxisRows.longs(a, ax);
        int cols = 1;
        for (int x : ax) cols *= a.dim(x);
        int rows = cols == 0 ? 0 : v.length / cols;
        long[] r = new long[rows];
        for (int i = 0; i < rows; i++) {
            long m = v[i * cols];
            for (int j = 1; j < cols; j++) m = isMax ? Math.max(m, v[i * cols + j]) : Math.min(m, v[i * cols + j]);
            r[i] = m;
        }
        if (a.dtype() == DType.INT64) return Tensor.wrap(r, outShape);
        int[] ri = new int[rows];
        for (int i = 0; i < rows; i++) ri[i] = (int) r[i];
        return Tensor.wrap(ri, outShape);
    }

    // ---- argmax, argmin ----

    /**
     * Index of the largest value along {@code axis} (of the flattened tensor when {@code axis} is
     * null), as an int32 tensor. The first occurrence wins ties, and NaN counts as the largest,
     * as in NumPy.
     */
    static Tensor argmax(Tensor x, Integer axis, boolean keepDims) {
        return argExtremum("argmax", x, axis, keepDims, true);
    }

    /** Index of the smallest value along {@code axis}, as int32; first occurrence, NaN counts as the smallest. */
    static Tensor argmin(Tensor x, Integer axis, boolean keepDims) {
        return argExtremum("argmin", x, axis, keepDims, false);
    }

    private static Tensor argExtremum(String op, Tensor x, Integer axis, boolean keepDims, boolean isMax) {
        int[] dims = x.dims();
        int[] ax = axis == null ? normalizeAxes(op, null, dims.length) : new int[] {normalizeAxis(op, axis, dims.length)};
        requireNonEmpty(op, x, ax);
        int[] outShape = reducedShape(dims, ax, keepDims);
        int cols = 1;
        for (int a : ax) cols *= dims[a];
        int rows = x.size() / cols;
        int[] idx = new int[rows];
        if (x.dtype() == DType.FLOAT32) {
            AxisRows r = AxisRows.of(x, ax);
            for (int i = 0; i < rows; i++) {
                int base = r.offset + i * cols, best = 0;
                float bv = r.data[base];
                for (int j = 1; j < cols; j++) {
                    float v = r.data[base + j];
                    if (bv != bv) break; // NaN found: it stays
                    if ((isMax ? v > bv : v < bv) || v != v) {
                        bv = v;
                        best = j;
                    }
                }
                idx[i] = best;
            }
        } else {
            long[] v = AxisRows.longs(x, ax);
            for (int i = 0; i < rows; i++) {
                int base = i * cols, best = 0;
                for (int j = 1; j < cols; j++) {
                    if (isMax ? v[base + j] > v[base + best] : v[base + j] < v[base + best]) best = j;
                }
                idx[i] = best;
            }
        }
        return Tensor.wrap(idx, outShape);
    }

    // ---- moments and norms ----

    /** Population variance {@code mean((x - mean(x))^2)} over {@code axes}, built from differentiable ops. */
    static Tensor variance(Tensor x, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("variance", x);
        int[] ax = normalizeAxes("variance", axes, x.rank());
        Tensor centered = Arithmetic.sub(x, mean(x, ax, true));
        return mean(Arithmetic.square(centered), ax, keepDims);
    }

    /** Population standard deviation, {@code sqrt(variance)}. */
    static Tensor std(Tensor x, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("std", x);
        normalizeAxes("std", axes, x.rank());
        return Arithmetic.sqrt(variance(x, axes, keepDims));
    }

    /**
     * Vector or matrix norm, as {@code keras.ops.norm}. {@code ord} is NaN for the default
     * (2-norm of vectors, Frobenius norm of matrices); {@code fro} selects the Frobenius norm.
     * With no axes and the default ord, the 2-norm of the flattened tensor; with no axes and an
     * ord, the tensor must be a vector or a matrix.
     */
    static Tensor norm(Tensor x, double ord, boolean fro, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("norm", x);
        boolean byDefault = Double.isNaN(ord) && !fro;
        int rank = x.rank();
        int[] ax;
        if (axes == null || axes.length == 0) {
            if (byDefault) return Arithmetic.sqrt(sum(Arithmetic.square(x), null, keepDims));
            if (rank != 1 && rank != 2) {
                throw new IllegalArgumentException("norm: with ord=" + ordName(ord, fro) + " and no axis, expected a tensor of rank 1 or 2, got shape "
                        + x.shape() + ". Received: ord=" + ordName(ord, fro));
            }
            ax = rank == 1 ? new int[] {0} : new int[] {0, 1};
        } else if (axes.length == 1) {
            ax = new int[] {normalizeAxis("norm", axes[0], rank)};
        } else if (axes.length == 2) {
            ax = new int[] {normalizeAxis("norm", axes[0], rank), normalizeAxis("norm", axes[1], rank)};
            if (ax[0] == ax[1]) throw new IllegalArgumentException("norm: repeated axis in axis=" + Arrays.toString(axes));
        } else {
            throw new IllegalArgumentException("norm: expected 1 axis (vector norm) or 2 axes (matrix norm). Received: axis=" + Arrays.toString(axes));
        }
        return ax.length == 1 ? vectorNorm(x, ord, fro, ax, keepDims) : matrixNorm(x, ord, fro, ax, keepDims);
    }

    private static Tensor vectorNorm(Tensor x, double ord, boolean fro, int[] ax, boolean keepDims) {
        if (fro) throw new IllegalArgumentException("norm: invalid ord for a vector norm. Received: ord='fro'");
        if (Double.isNaN(ord) || ord == 2) return Arithmetic.sqrt(sum(Arithmetic.square(x), ax, keepDims));
        if (ord == Double.POSITIVE_INFINITY) return max(Arithmetic.abs(x), ax, keepDims);
        if (ord == Double.NEGATIVE_INFINITY) return min(Arithmetic.abs(x), ax, keepDims);
        if (ord == 1) return sum(Arithmetic.abs(x), ax, keepDims);
        if (ord == 0) return sum(Comparisons.notEqual(x, Tensor.scalar(0f)), ax, keepDims);
        float p = (float) ord;
        return Arithmetic.pow(sum(Arithmetic.pow(Arithmetic.abs(x), p), ax, keepDims), 1f / p);
    }

    private static Tensor matrixNorm(Tensor x, double ord, boolean fro, int[] ax, boolean keepDims) {
        int[] sorted = ax[0] < ax[1] ? ax.clone() : new int[] {ax[1], ax[0]};
        if (fro || Double.isNaN(ord)) return Arithmetic.sqrt(sum(Arithmetic.square(x), sorted, keepDims));
        int rowAxis = ax[0], colAxis = ax[1];
        Tensor r;
        if (ord == 1 || ord == -1) {
            // largest (smallest) absolute column sum
            Tensor colSums = sum(Arithmetic.abs(x), new int[] {rowAxis}, true);
            r = ord == 1 ? max(colSums, new int[] {colAxis}, true) : min(colSums, new int[] {colAxis}, true);
        } else if (ord == Double.POSITIVE_INFINITY || ord == Double.NEGATIVE_INFINITY) {
            // largest (smallest) absolute row sum
            Tensor rowSums = sum(Arithmetic.abs(x), new int[] {colAxis}, true);
            r = ord > 0 ? max(rowSums, new int[] {rowAxis}, true) : min(rowSums, new int[] {rowAxis}, true);
        } else if (ord == 2 || ord == -2) {
            throw new UnsupportedOperationException("norm: ord=" + ordName(ord, false)
                    + " for matrices (a singular value) is not supported yet; use ord='fro', 1, -1, inf or -inf");
        } else {
            throw new IllegalArgumentException("norm: invalid ord for a matrix norm. Received: ord=" + ordName(ord, false));
        }
        return keepDims ? r : Shaping.reshape(r, reducedShape(x.dims(), sorted, false));
    }

    private static String ordName(double ord, boolean fro) {
        if (fro) return "'fro'";
        if (Double.isNaN(ord)) return "None";
        if (Double.isInfinite(ord)) return ord > 0 ? "inf" : "-inf";
        return ord == Math.rint(ord) ? Long.toString((long) ord) : Double.toString(ord);
    }

    // ---- logsumexp, cumsum ----

    /**
     * {@code log(sum(exp(x)))} over {@code axes}, computed as {@code m + log(sum(exp(x - m)))} with
     * {@code m} the (constant) maximum, so that large values do not overflow. Its gradient is the
     * softmax of {@code x}. Groups that are all {@code -inf} give {@code -inf}.
     */
    static Tensor logSumExp(Tensor x, int[] axes, boolean keepDims) {
        Elementwise.requireFloat("logsumexp", x);
        int[] dims = x.dims();
        int[] ax = normalizeAxes("logsumexp", axes, dims.length);
        Tensor m = reduce(x, ax, Mode.MAX); // not recorded: a constant shift
        float[] md = m.buffer();
        for (int i = 0; i < md.length; i++) if (!Float.isFinite(md[i])) md[i] = 0f;
        Tensor s = sum(Arithmetic.exp(Arithmetic.sub(x, m)), ax, keepDims);
        return Arithmetic.add(Arithmetic.log(s), m.reshape(reducedShape(dims, ax, keepDims)));
    }

    /**
     * Running sums along {@code axis} (of the flattened tensor when {@code axis} is null). The
     * gradient is the running sum of the output gradient taken from the other end.
     */
    static Tensor cumsum(Tensor x, Integer axis) {
        Elementwise.requireFloat("cumsum", x);
        int[] dims = x.dims();
        Tensor src = axis == null ? x.reshape(-1) : x;
        int ax = axis == null ? 0 : normalizeAxis("cumsum", axis, dims.length);
        int[] sd = src.dims();
        Tensor c = src.contiguous();
        float[] y = new float[c.size()];
        scan(c.buffer(), c.offset(), y, sd, ax, false);
        Tensor out = Tensor.wrap(y, sd);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "cumsum", new Tensor[] {x}, (g, needed) -> {
                Tensor gc = g.contiguous();
                float[] dx = new float[y.length];
                scan(gc.buffer(), gc.offset(), dx, sd, ax, true);
                return new Tensor[] {Tensor.wrap(dx, dims)};
            });
        }
        return out;
    }

    /** Running sums of contiguous {@code x} (shape {@code dims}) along {@code axis}, forwards or from the end. */
    private static void scan(float[] x, int xo, float[] y, int[] dims, int axis, boolean reverse) {
        int outer = 1, inner = 1, r = dims.length == 0 ? 1 : dims[axis];
        for (int q = 0; q < axis; q++) outer *= dims[q];
        for (int q = axis + 1; q < dims.length; q++) inner *= dims[q];
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int s = 0; s < r; s++) {
                int j = reverse ? r - 1 - s : s;
                int row = base + j * inner, prev = reverse ? row + inner : row - inner;
                if (s == 0) {
                    System.arraycopy(x, xo + row, y, row, inner);
                } else {
                    for (int q = 0; q < inner; q++) y[row + q] = y[prev + q] + x[xo + row + q];
                }
            }
        }
    }

    // ---- broadcasting helpers used by the tape ----

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
        return reduce(g, Arrays.copyOf(axes, n), Mode.SUM).reshape(shape);
    }

    /** {@code a} repeated along its size-1 and missing leading axes to {@code shape}, as a contiguous tensor. */
    static Tensor broadcastTo(Tensor a, int[] shape) {
        if (Arrays.equals(a.dims(), shape)) return a;
        return Broadcast.expand(a, shape);
    }

    /**
     * Reduces a float32 tensor over sorted axes without recording; returns a contiguous tensor
     * whose shape keeps the reduced axes as 1. Works one axis at a time as (outer, reduced, inner)
     * blocks so every inner loop runs over contiguous memory (a kernel call for sums and maxima).
     */
    private static Tensor reduce(Tensor a, int[] axes, Mode mode) {
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
            switch (mode) {
                case MAX -> Arrays.fill(dst, Float.NEGATIVE_INFINITY);
                case MIN -> Arrays.fill(dst, Float.POSITIVE_INFINITY);
                case PROD -> Arrays.fill(dst, 1f);
                default -> { }
            }
            for (int o = 0; o < outer; o++) {
                int base = so + o * r * inner, ob = o * inner;
                if (inner == 1) {
                    dst[o] = switch (mode) {
                        case SUM -> k.sum(src, base, r);
                        case MAX -> k.max(src, base, r);
                        case MIN -> rowMin(src, base, r);
                        case PROD -> rowProd(src, base, r);
                    };
                    continue;
                }
                for (int j = 0; j < r; j++) {
                    int row = base + j * inner;
                    switch (mode) {
                        case SUM -> k.add(dst, ob, src, row, dst, ob, inner);
                        case MAX -> {
                            for (int q = 0; q < inner; q++) dst[ob + q] = Math.max(dst[ob + q], src[row + q]);
                        }
                        case MIN -> {
                            for (int q = 0; q < inner; q++) dst[ob + q] = Math.min(dst[ob + q], src[row + q]);
                        }
                        case PROD -> k.mul(dst, ob, src, row, dst, ob, inner);
                    }
                }
            }
            cur = Tensor.wrap(dst, nd);
        }
        return cur;
    }

    private static float rowMin(float[] a, int off, int n) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.min(m, a[off + i]);
        return m;
    }

    private static float rowProd(float[] a, int off, int n) {
        double p = 1;
        for (int i = 0; i < n; i++) p *= a[off + i];
        return (float) p;
    }
}
