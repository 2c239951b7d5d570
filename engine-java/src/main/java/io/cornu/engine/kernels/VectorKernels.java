package io.cornu.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK Vector API ({@code jdk.incubator.vector}), at the platform's preferred
 * width. Each method has the same contract as its {@link ScalarKernels} reference.
 */
public final class VectorKernels implements Kernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    /**
     * Elementwise ops on at least this many floats (1 MB) are split over {@link Parallelism#threads()}:
     * below it the fork/join hand-off (tens of microseconds) costs more than the second core saves.
     */
    static final int PARALLEL_ELEMENTS = 1 << 18;

    private static boolean parallel(int n) {
        return n >= PARALLEL_ELEMENTS && Parallelism.threads() > 1;
    }

    @Override
    public String name() {
        return "vector(" + F.vectorBitSize() + ")";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        Gemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> addRange(a, aOff + lo, b, bOff + lo, out, outOff + lo, hi - lo));
        } else {
            addRange(a, aOff, b, bOff, out, outOff, n);
        }
    }

    private static void addRange(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).add(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    @Override
    public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> subRange(a, aOff + lo, b, bOff + lo, out, outOff + lo, hi - lo));
        } else {
            subRange(a, aOff, b, bOff, out, outOff, n);
        }
    }

    private static void subRange(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).sub(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> mulRange(a, aOff + lo, b, bOff + lo, out, outOff + lo, hi - lo));
        } else {
            mulRange(a, aOff, b, bOff, out, outOff, n);
        }
    }

    private static void mulRange(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).mul(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    @Override
    public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> divRange(a, aOff + lo, b, bOff + lo, out, outOff + lo, hi - lo));
        } else {
            divRange(a, aOff, b, bOff, out, outOff, n);
        }
    }

    private static void divRange(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).div(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    @Override
    public void scaleShift(float[] a, int aOff, float s, float t, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> scaleShiftRange(a, aOff + lo, s, t, out, outOff + lo, hi - lo));
        } else {
            scaleShiftRange(a, aOff, s, t, out, outOff, n);
        }
    }

    private static void scaleShiftRange(float[] a, int aOff, float s, float t, float[] out, int outOff, int n) {
        FloatVector vs = FloatVector.broadcast(F, s);
        FloatVector vt = FloatVector.broadcast(F, t);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).fma(vs, vt).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = a[aOff + i] * s + t;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> axpyRange(alpha, x, xOff + lo, y, yOff + lo, hi - lo));
        } else {
            axpyRange(alpha, x, xOff, y, yOff, n);
        }
    }

    private static void axpyRange(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector va = FloatVector.broadcast(F, alpha);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, xOff + i).fma(va, FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void relu(float[] a, int aOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> reluRange(a, aOff + lo, out, outOff + lo, hi - lo));
        } else {
            reluRange(a, aOff, out, outOff, n);
        }
    }

    private static void reluRange(float[] a, int aOff, float[] out, int outOff, int n) {
        FloatVector zero = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, aOff + i).max(zero).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = Math.max(a[aOff + i], 0f);
    }

    @Override
    public void reluBackward(float[] x, int xOff, float[] g, int gOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> reluBackwardRange(x, xOff + lo, g, gOff + lo, out, outOff + lo, hi - lo));
        } else {
            reluBackwardRange(x, xOff, g, gOff, out, outOff, n);
        }
    }

    private static void reluBackwardRange(float[] x, int xOff, float[] g, int gOff, float[] out, int outOff, int n) {
        FloatVector zero = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(F, x, xOff + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(F, g, gOff + i), pos).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = x[xOff + i] > 0f ? g[gOff + i] : 0f;
    }

    @Override
    public void exp(float[] a, int aOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> expRange(a, aOff + lo, out, outOff + lo, hi - lo));
        } else {
            expRange(a, aOff, out, outOff, n);
        }
    }

    private static void expRange(float[] a, int aOff, float[] out, int outOff, int n) {
        VectorExp.exp(a, aOff, out, outOff, n);
    }

    @Override
    public void log(float[] a, int aOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallelism.forRange(n, PARALLEL_ELEMENTS / 2, (lo, hi) -> logRange(a, aOff + lo, out, outOff + lo, hi - lo));
        } else {
            logRange(a, aOff, out, outOff, n);
        }
    }

    /**
     * Scalar {@code Math.log}: the Vector API's {@code LOG} operator, like its {@code EXP}, rounds
     * differently interpreted and JIT-compiled (see {@link VectorExp}), which would make seeded
     * training runs unrepeatable; {@code Math.log} gives the same bits at every tier. Logarithms of
     * large arrays are rare in training (the cross-entropies take them of (batch, classes)).
     */
    private static void logRange(float[] a, int aOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.log(a[aOff + i]);
    }

    // Reductions keep four independent accumulators: an FP add has 3-4 cycles of latency and two
    // issue ports on current x86 and ARM cores, so one accumulator would run at a quarter of the
    // possible rate. The combination order differs from the scalar loop, so results agree with
    // ScalarKernels to float rounding, not bit for bit. The lanes are summed by sumLanes, in a
    // fixed order: reduceLanes(ADD) leaves the order open, and on JDK 25 its interpreted and
    // JIT-compiled forms do differ, so results would depend on when the JIT compiled the loop.

    /** The lanes of {@code v} added left to right, the same bits at every JIT tier. */
    static float sumLanes(FloatVector v) {
        float s = 0f;
        for (int i = 0; i < L; i++) s += v.lane(i);   // L is a constant: unrolled, no allocation
        return s;
    }

    @Override
    public float sum(float[] a, int aOff, int n) {
        FloatVector s0 = FloatVector.zero(F), s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F), s3 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(F, a, aOff + i));
            s1 = s1.add(FloatVector.fromArray(F, a, aOff + i + L));
            s2 = s2.add(FloatVector.fromArray(F, a, aOff + i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(F, a, aOff + i + 3 * L));
        }
        for (int bound = F.loopBound(n); i < bound; i += L) s0 = s0.add(FloatVector.fromArray(F, a, aOff + i));
        float s = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) s += a[aOff + i];
        return s;
    }

    @Override
    public float max(float[] a, int aOff, int n) {
        FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            m0 = m0.max(FloatVector.fromArray(F, a, aOff + i));
            m1 = m1.max(FloatVector.fromArray(F, a, aOff + i + L));
            m2 = m2.max(FloatVector.fromArray(F, a, aOff + i + 2 * L));
            m3 = m3.max(FloatVector.fromArray(F, a, aOff + i + 3 * L));
        }
        for (int bound = F.loopBound(n); i < bound; i += L) m0 = m0.max(FloatVector.fromArray(F, a, aOff + i));
        float r = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) r = Math.max(r, a[aOff + i]);
        return r;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(F), s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F), s3 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), s0);
            s1 = FloatVector.fromArray(F, a, aOff + i + L).fma(FloatVector.fromArray(F, b, bOff + i + L), s1);
            s2 = FloatVector.fromArray(F, a, aOff + i + 2 * L).fma(FloatVector.fromArray(F, b, bOff + i + 2 * L), s2);
            s3 = FloatVector.fromArray(F, a, aOff + i + 3 * L).fma(FloatVector.fromArray(F, b, bOff + i + 3 * L), s3);
        }
        for (int bound = F.loopBound(n); i < bound; i += L) {
            s0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), s0);
        }
        float s = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    /**
     * Three passes per row: the maximum; {@code e = exp(x - max)} stored and summed (two
     * accumulators); the scale by {@code 1 / sum}. In place ({@code out == x}) is allowed.
     */
    @Override
    public void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
        int bound = F.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * cols;
            int oo = outOff + r * cols;
            float m = max(x, xo, cols);
            FloatVector vm = FloatVector.broadcast(F, m);
            FloatVector s0 = FloatVector.zero(F), s1 = FloatVector.zero(F);
            int j = 0;
            for (; j <= cols - 2 * L; j += 2 * L) {
                FloatVector e0 = VectorExp.exp(FloatVector.fromArray(F, x, xo + j).sub(vm));
                FloatVector e1 = VectorExp.exp(FloatVector.fromArray(F, x, xo + j + L).sub(vm));
                e0.intoArray(out, oo + j);
                e1.intoArray(out, oo + j + L);
                s0 = s0.add(e0);
                s1 = s1.add(e1);
            }
            for (; j < bound; j += L) {
                FloatVector e0 = VectorExp.exp(FloatVector.fromArray(F, x, xo + j).sub(vm));
                e0.intoArray(out, oo + j);
                s0 = s0.add(e0);
            }
            float s = sumLanes(s0.add(s1));
            for (; j < cols; j++) {
                float e = (float) Math.exp(x[xo + j] - m);
                out[oo + j] = e;
                s += e;
            }
            FloatVector inv = FloatVector.broadcast(F, 1f / s);
            j = 0;
            for (; j < bound; j += L) FloatVector.fromArray(F, out, oo + j).mul(inv).intoArray(out, oo + j);
            for (float si = 1f / s; j < cols; j++) out[oo + j] *= si;
        }
    }
}
