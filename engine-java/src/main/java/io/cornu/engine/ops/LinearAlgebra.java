package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Matrix products on the GEMM kernel, and their gradients: NumPy's {@code matmul} (batch
 * dimensions broadcast, 1-D operands promoted and their axis removed), {@code dot} and
 * {@code tensordot}. Reached through {@link Ops}.
 *
 * <p>Each 2-D product goes to {@link Kernels#gemm} at an offset into the operands' buffers:
 * transposed views are passed as transposed operands and batches are addressed through their
 * strides, so nothing is copied. When one operand has no batch dimensions and the other's batch
 * and row axes lie evenly in memory, the whole batch is one GEMM with {@code batch * m} rows (the
 * {@code (b, t, d) @ (d, n)} of a Dense layer on sequences); the weight gradient of that product,
 * summed over the batch, is likewise one GEMM over a {@code batch * t} long inner dimension.
 */
final class LinearAlgebra {
    /** Below this many multiply-adds a GEMM runs on one thread, so many small ones run in parallel. */
    private static final long SMALL_GEMM = 1L << 21;

    private LinearAlgebra() {
    }

    /**
     * How a {@code rows x cols} matrix with strides {@code (rs, cs)} is handed to GEMM: row-major
     * with leading dimension {@code ld}, or the transpose of a row-major matrix; null if neither.
     */
    private record Layout(boolean transposed, int ld) {
        static Layout of(int rows, int cols, int rs, int cs) {
            if ((cs == 1 || cols == 1) && (rows == 1 || rs >= Math.max(cols, 1))) {
                return new Layout(false, rows == 1 ? Math.max(cols, 1) : rs);
            }
            if ((rs == 1 || rows == 1) && (cols == 1 || cs >= Math.max(rows, 1))) {
                return new Layout(true, cols == 1 ? Math.max(rows, 1) : cs);
            }
            return null;
        }
    }

    // ---- matmul ------------------------------------------------------------------------------

    /** NumPy's {@code matmul}. */
    static Tensor matmul(Tensor a, Tensor b) {
        return matmul("matmul", a, b);
    }

    static Tensor matmul(String op, Tensor a, Tensor b) {
        checkFloat(op, a, b);
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException(op + ": expected tensors of rank >= 1, got shapes " + a.shape() + " and " + b.shape()
                    + ". Use multiply for scalars");
        }
        int k = a.dim(-1), kb = b.rank() == 1 ? b.dim(0) : b.dim(-2);
        if (k != kb) {
            throw new IllegalArgumentException(op + ": incompatible shapes " + a.shape() + " and " + b.shape()
                    + ": inner dimensions " + k + " and " + kb + " differ");
        }
        int[] batch = batchShape(op, a, b);
        boolean vectorA = a.rank() == 1, vectorB = b.rank() == 1;
        Tensor a2 = vectorA ? Shaping.expandDims(a, 0) : a;
        Tensor b2 = vectorB ? Shaping.expandDims(b, -1) : b;
        Tensor out = batched(op, a2, b2, batch);
        if (vectorA) out = Shaping.squeeze(out, new int[] {-2});
        if (vectorB) out = Shaping.squeeze(out, new int[] {-1});
        return out;
    }

    /**
     * NumPy's (and Keras') {@code dot}: a product with a scalar; the inner product of two vectors;
     * otherwise the sum over the last axis of {@code a} and the second-to-last axis of {@code b}
     * (the only axis of a 1-D {@code b}), giving {@code a.shape[:-1] + b.shape[:-2] + b.shape[-1:]}.
     */
    static Tensor dot(Tensor a, Tensor b) {
        checkFloat("dot", a, b);
        if (a.rank() == 0 || b.rank() == 0) return Arithmetic.mul(a, b);
        int k = a.dim(-1), kb = b.rank() == 1 ? b.dim(0) : b.dim(-2);
        if (k != kb) {
            throw new IllegalArgumentException("dot: incompatible shapes " + a.shape() + " and " + b.shape()
                    + ": last dimension of the first (" + k + ") and " + (b.rank() == 1 ? "only" : "second-to-last")
                    + " dimension of the second (" + kb + ") differ");
        }
        if (b.rank() <= 2) return matmul("dot", a, b);
        return tensordot("dot", a, b, new int[] {a.rank() - 1}, new int[] {b.rank() - 2});
    }

    /** {@code tensordot} over the last {@code axes} axes of {@code a} and the first {@code axes} of {@code b}. */
    static Tensor tensordot(Tensor a, Tensor b, int axes) {
        if (axes < 0 || axes > a.rank() || axes > b.rank()) {
            throw new IllegalArgumentException("tensordot: axes must be between 0 and the smaller rank of shapes "
                    + a.shape() + " and " + b.shape() + ". Received: axes=" + axes);
        }
        int[] aAxes = new int[axes], bAxes = new int[axes];
        for (int i = 0; i < axes; i++) {
            aAxes[i] = a.rank() - axes + i;
            bAxes[i] = i;
        }
        return tensordot("tensordot", a, b, aAxes, bAxes);
    }

    /**
     * The sum of products over {@code aAxes} of {@code a} paired with {@code bAxes} of {@code b}; the
     * result has the remaining axes of {@code a}, then those of {@code b}. Computed as one matrix
     * product of {@code a} permuted and reshaped to {@code (free, contracted)} and {@code b} to
     * {@code (contracted, free)}; permuted operands that are not contiguous are copied once.
     */
    static Tensor tensordot(Tensor a, Tensor b, int[] aAxes, int[] bAxes) {
        return tensordot("tensordot", a, b, aAxes, bAxes);
    }

    private static Tensor tensordot(String op, Tensor a, Tensor b, int[] aAxes, int[] bAxes) {
        checkFloat(op, a, b);
        if (aAxes.length != bAxes.length) {
            throw new IllegalArgumentException(op + ": expected as many axes for both tensors. Received: axes "
                    + Arrays.toString(aAxes) + " and " + Arrays.toString(bAxes) + " for shapes " + a.shape() + " and " + b.shape());
        }
        int[] ca = axes(op, aAxes, a, "first"), cb = axes(op, bAxes, b, "second");
        int[] da = a.dims(), db = b.dims();
        long contracted = 1;
        for (int i = 0; i < ca.length; i++) {
            if (da[ca[i]] != db[cb[i]]) {
                throw new IllegalArgumentException(op + ": shape mismatch between " + a.shape() + " and " + b.shape()
                        + ": axis " + aAxes[i] + " of the first is " + da[ca[i]] + " but axis " + bAxes[i] + " of the second is " + db[cb[i]]);
            }
            contracted *= da[ca[i]];
        }
        int[] freeA = complement(ca, da.length), freeB = complement(cb, db.length);
        int[] permA = concat(freeA, ca), permB = concat(cb, freeB);
        long rows = 1, cols = 1;
        int[] outDims = new int[freeA.length + freeB.length];
        for (int i = 0; i < freeA.length; i++) rows *= outDims[i] = da[freeA[i]];
        for (int i = 0; i < freeB.length; i++) cols *= outDims[freeA.length + i] = db[freeB[i]];
        Tensor a2 = asMatrix(Shaping.transpose(a, permA), (int) rows, (int) contracted);
        Tensor b2 = asMatrix(Shaping.transpose(b, permB), (int) contracted, (int) cols);
        return Shaping.reshape(matmul(op, a2, b2), outDims);
    }

    /** {@code t} as a {@code rows x cols} matrix: itself when already so shaped (a view needs no copy). */
    private static Tensor asMatrix(Tensor t, int rows, int cols) {
        if (t.rank() == 2 && t.dim(0) == rows && t.dim(1) == cols) return t;
        return Shaping.reshape(t, new int[] {rows, cols});
    }

    private static int[] axes(String op, int[] axes, Tensor t, String which) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[t.rank()];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + t.rank() : axes[i];
            if (a < 0 || a >= t.rank()) {
                throw new IllegalArgumentException(op + ": axis " + axes[i] + " is out of bounds for the " + which
                        + " tensor, of shape " + t.shape());
            }
            if (seen[a]) throw new IllegalArgumentException(op + ": repeated axis " + axes[i] + " for the " + which + " tensor. Received: axes=" + Arrays.toString(axes));
            seen[a] = true;
            out[i] = a;
        }
        return out;
    }

    private static int[] complement(int[] axes, int rank) {
        boolean[] used = new boolean[rank];
        for (int a : axes) used[a] = true;
        int[] out = new int[rank - axes.length];
        for (int i = 0, j = 0; i < rank; i++) if (!used[i]) out[j++] = i;
        return out;
    }

    private static int[] concat(int[] x, int[] y) {
        int[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static void checkFloat(String op, Tensor a, Tensor b) {
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": expected float32 tensors, got dtypes " + a.dtype() + " and " + b.dtype()
                    + " (shapes " + a.shape() + " and " + b.shape() + "). Use cast(x, DType.FLOAT32) first");
        }
    }

    /** The broadcast batch shape of two operands of rank >= 1 (1-D operands have no batch axes). */
    private static int[] batchShape(String op, Tensor a, Tensor b) {
        int[] ba = a.rank() <= 2 ? new int[0] : Arrays.copyOf(a.dims(), a.rank() - 2);
        int[] bb = b.rank() <= 2 ? new int[0] : Arrays.copyOf(b.dims(), b.rank() - 2);
        int r = Math.max(ba.length, bb.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - ba.length ? 1 : ba[i - (r - ba.length)];
            int db = i < r - bb.length ? 1 : bb[i - (r - bb.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": incompatible shapes " + a.shape() + " and " + b.shape()
                        + ": batch dimensions " + Shape.of(ba) + " and " + Shape.of(bb) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** {@code a (..., m, k) @ b (..., k, n)} over the broadcast {@code batch}, recorded on the tape. */
    private static Tensor batched(String op, Tensor a, Tensor b, int[] batch) {
        int m = a.dim(-2), n = b.dim(-1);
        int[] outDims = Arrays.copyOf(batch, batch.length + 2);
        outDims[batch.length] = m;
        outDims[batch.length + 1] = n;
        Tensor out = Tensor.zeros(outDims);
        product(a, b, batch, out);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, op, new Tensor[] {a, b}, (g, needed) -> new Tensor[] {
                    needed[0] ? reducedProduct(g, swapLast(b), batch, a.dims()) : null,
                    needed[1] ? reducedProduct(swapLast(a), g, batch, b.dims()) : null});
        }
        return out;
    }

    /** The last two axes swapped, as a view. */
    private static Tensor swapLast(Tensor t) {
        int r = t.rank();
        int[] perm = Shaping.identity(r);
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return t.permute(perm);
    }

    /**
     * {@code a @ b} over {@code batch}, summed over the batch axes that {@code targetDims} lacks
     * or has as 1: the gradient of a matmul with respect to an operand that was broadcast.
     */
    private static Tensor reducedProduct(Tensor a, Tensor b, int[] batch, int[] targetDims) {
        Tensor out = Tensor.zeros(targetDims);
        product(a, b, batch, out);
        return out;
    }

    /**
     * {@code out = a @ b}: {@code a} is {@code (batchA..., m, k)}, {@code b} is {@code (batchB..., k, n)},
     * both broadcast to {@code batch}; {@code out} is a fresh zero tensor {@code (outBatch..., m, n)}
     * whose batch axes are those of {@code batch} or 1 (or missing in front); the products of batch
     * entries that share an output block are summed into it.
     */
    private static void product(Tensor a, Tensor b, int[] batch, Tensor out) {
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        float[] c = out.buffer();
        if (c.length == 0 || k == 0) return;
        int r = batch.length;
        Layout la = Layout.of(m, k, stride(a, -2), stride(a, -1));
        if (la == null) {
            a = a.copy();
            la = Layout.of(m, k, stride(a, -2), stride(a, -1));
        }
        Layout lb = Layout.of(k, n, stride(b, -2), stride(b, -1));
        if (lb == null) {
            b = b.copy();
            lb = Layout.of(k, n, stride(b, -2), stride(b, -1));
        }
        int[] sa = batchStrides(a, r), sb = batchStrides(b, r), sc = batchStrides(out, r);
        int count = 1;
        for (int d : batch) count *= d;
        boolean reduced = false;
        int[] od = out.dims();
        for (int i = 0; i < r; i++) {
            int j = i - (r - (od.length - 2));
            if ((j < 0 ? 1 : od[j]) != batch[i]) reduced = true;
        }
        Kernels kern = Kernels.get();
        float[] ad = a.buffer(), bd = b.buffer();
        int ao = a.offset(), bo = b.offset();
        int sam = stride(a, -2), sak = stride(a, -1), sbk = stride(b, -2), sbn = stride(b, -1);

        if (count > 1 && !reduced && allZero(sb)) {
            // b shared by the whole batch and a's (batch..., m) rows evenly spaced: one GEMM with count * m rows
            int rows = mergedStride(batch, sa, m, sam);
            Layout l = rows < 0 ? null : Layout.of(count * m, k, rows, sak);
            if (l != null) {
                kern.gemm(l.transposed, lb.transposed, count * m, n, k, 1f, ad, ao, l.ld, bd, bo, lb.ld, 0f, c, 0, n);
                return;
            }
        }
        if (count > 1 && allZero(sc)) {
            // one output block summed over the batch, (batch..., k) evenly spaced in both: one GEMM over count * k
            int ka = mergedStride(batch, sa, k, sak), kb = mergedStride(batch, sb, k, sbk);
            Layout l1 = ka < 0 ? null : Layout.of(m, count * k, sam, ka);
            Layout l2 = kb < 0 ? null : Layout.of(count * k, n, kb, sbn);
            if (l1 != null && l2 != null) {
                kern.gemm(l1.transposed, l2.transposed, m, n, count * k, 1f, ad, ao, l1.ld, bd, bo, l2.ld, 0f, c, 0, n);
                return;
            }
        }
        final Layout fa = la, fb = lb;
        if (!reduced && count > 1 && (long) m * n * k < SMALL_GEMM && (long) count * m * n * k >= SMALL_GEMM) {
            int grain = (int) Math.max(1, SMALL_GEMM / ((long) m * n * k));
            Parallelism.forRange(count, grain, (lo, hi) -> {
                for (int q = lo; q < hi; q++) {
                    kern.gemm(fa.transposed, fb.transposed, m, n, k, 1f, ad, ao + offset(q, batch, sa), fa.ld,
                            bd, bo + offset(q, batch, sb), fb.ld, 0f, c, offset(q, batch, sc), n);
                }
            });
            return;
        }
        boolean[] written = reduced ? new boolean[c.length / Math.max(1, m * n)] : null;
        for (int q = 0; q < count; q++) {
            int co = offset(q, batch, sc);
            float beta = 0f;
            if (reduced) {
                int block = co / Math.max(1, m * n);
                beta = written[block] ? 1f : 0f;
                written[block] = true;
            }
            kern.gemm(fa.transposed, fb.transposed, m, n, k, 1f, ad, ao + offset(q, batch, sa), fa.ld,
                    bd, bo + offset(q, batch, sb), fb.ld, beta, c, co, n);
        }
    }

    private static int stride(Tensor t, int axis) {
        int[] s = t.strides();
        return s[axis < 0 ? s.length + axis : axis];
    }

    /** Strides of {@code t}'s batch axes aligned to a batch of rank {@code r}: 0 where broadcast. */
    private static int[] batchStrides(Tensor t, int r) {
        int[] d = t.dims(), s = t.strides();
        int tb = d.length - 2;
        int[] out = new int[r];
        for (int i = 0; i < tb; i++) out[r - tb + i] = d[i] == 1 ? 0 : s[i];
        return out;
    }

    private static boolean allZero(int[] s) {
        for (int v : s) if (v != 0) return false;
        return true;
    }

    /**
     * The stride of the single axis that the batch axes followed by an axis of size {@code inner}
     * and stride {@code innerStride} form when they lie evenly in memory; -1 when they do not.
     */
    private static int mergedStride(int[] batch, int[] strides, int inner, int innerStride) {
        long expected = inner == 1 ? -1 : (long) innerStride * inner;
        int merged = inner == 1 ? -1 : innerStride;
        for (int i = batch.length - 1; i >= 0; i--) {
            if (batch[i] == 1) continue;
            if (expected < 0) {
                merged = strides[i];
                expected = strides[i];
            }
            if (strides[i] != expected || merged <= 0) return -1;
            expected *= batch[i];
        }
        return merged < 0 ? innerStride : merged;
    }

    /** Offset of batch entry {@code q} (row-major over {@code batch}) under {@code strides}. */
    private static int offset(int q, int[] batch, int[] strides) {
        int off = 0;
        for (int i = batch.length - 1; i >= 0 && q > 0; i--) {
            off += (q % batch[i]) * strides[i];
            q /= batch[i];
        }
        return off;
    }
}
