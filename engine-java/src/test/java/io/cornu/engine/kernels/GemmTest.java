package io.cornu.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorKernels#gemm} (that is {@link Gemm}) against {@link ScalarKernels#gemm}, which
 * accumulates in double.
 *
 * <p>Tolerance: Gemm accumulates each element in float, in K blocks, with one rounding per fma,
 * so its error is at most about {@code k * u * M} with {@code u = 2^-24} and
 * {@code M = |alpha| * sum_p |a_ip * b_pj| + |beta * c_ij|} (the standard worst-case bound for a
 * recursive sum; the typical error is nearer {@code sqrt(k) * u * M}). We allow
 * {@code 1e-5 * sqrt(k) * M + 1e-30}: that is above {@code k * u * M} for every k up to 27,000,
 * so the test cannot fail on rounding, yet a single wrong or missing term (an error of about
 * {@code M / k}) exceeds it for every k used here.
 */
class GemmTest {
    private static final int L = VectorKernels.F.length();
    private static final int MR = Gemm.MR, NR = Gemm.NR;
    private static final ScalarKernels REF = new ScalarKernels();
    private static final VectorKernels VEC = new VectorKernels();
    private static final int SAVED_THREADS = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(SAVED_THREADS);
    }

    /** m, n, k: tiny, around the vector and tile sizes, odd, and up to ~300 with odd sizes. */
    static List<int[]> shapes() {
        List<int[]> s = new ArrayList<>();
        s.add(new int[]{1, 1, 1});
        s.add(new int[]{1, L - 1, 3});
        s.add(new int[]{2, L, L});
        s.add(new int[]{3, L + 1, L - 1});
        s.add(new int[]{MR - 1, NR - 1, 5});
        s.add(new int[]{MR, NR, 7});
        s.add(new int[]{MR + 1, NR + 1, 17});
        s.add(new int[]{17, 37, 101});
        s.add(new int[]{37, 101, 17});
        s.add(new int[]{101, 17, 37});
        s.add(new int[]{64, 64, 64});
        s.add(new int[]{20, 300, 131});   // wide and short: packed A, parallel split by columns
        s.add(new int[]{300, 37, 301});   // narrow: A read in place, k > one K block
        s.add(new int[]{299, 301, 263});  // square-ish, every edge
        return s;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int threads : new int[]{1, 2}) {
            for (int t = 0; t < 4; t++) {
                for (int[] mnk : shapes()) {
                    out.add(Arguments.of(threads, (t & 1) != 0, (t & 2) != 0, mnk[0], mnk[1], mnk[2]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "threads={0} transA={1} transB={2} m={3} n={4} k={5}")
    @MethodSource("cases")
    void matchesScalarWithViewsAndAlphaBeta(int threads, boolean transA, boolean transB, int m, int n, int k) {
        Parallelism.setThreads(threads);
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-0.75f, 1.5f}};
        long seed = 31L * m + 17L * n + k;
        for (float[] ab : alphaBeta) {
            // non-zero offsets and leading dimensions wider than the rows: sub-matrix views
            check(new Case(seed, transA, transB, m, n, k, ab[0], ab[1], 5, 3, 7, 11), false);
        }
        // contiguous, no offsets
        check(new Case(seed + 1, transA, transB, m, n, k, 1f, 0f, 0, 0, 0, 0), false);
    }

    @ParameterizedTest(name = "threads={0} transA={1} transB={2} m={3} n={4} k={5}")
    @MethodSource("cases")
    void smallBlocksRunEveryBlockingLoop(int threads, boolean transA, boolean transB, int m, int n, int k) {
        // K, M and N blocks much smaller than the matrices, and a parallel threshold of 1
        Parallelism.setThreads(threads);
        Case cs = new Case(99L * m + n + k, transA, transB, m, n, k, 1.25f, -0.5f, 2, 1, 4, 3);
        cs.runBlocked(13, 2 * MR, 2 * NR, 1);
        cs.verify("blocked kc=13 mc=" + 2 * MR + " nc=" + 2 * NR);
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        for (int threads : new int[]{1, 2}) {
            Parallelism.setThreads(threads);
            for (int[] mnk : new int[][]{{7, 9, 5}, {150, 140, 130}, {300, 20, 64}}) {
                Case cs = new Case(7, false, true, mnk[0], mnk[1], mnk[2], 2f, 0f, 1, 2, 3, 4);
                java.util.Arrays.fill(cs.c, Float.NaN);
                java.util.Arrays.fill(cs.cRef, Float.NaN);
                java.util.Arrays.fill(cs.c0, Float.NaN);
                check(cs, true);
            }
        }
    }

    @Test
    void alphaZeroOrEmptyKOnlyScalesC() {
        for (int k : new int[]{0, 5}) {
            Case cs = new Case(3, false, false, 9, 19, k, 0f, 0.5f, 0, 0, 0, 0);
            cs.run();
            for (int i = 0; i < cs.m; i++) {
                for (int j = 0; j < cs.n; j++) {
                    int idx = cs.cOff + i * cs.ldc + j;
                    assertEquals(0.5f * cs.c0[idx], cs.c[idx], 0f, "k=" + k + " C[" + i + "," + j + "]");
                }
            }
            Case zero = new Case(3, false, false, 9, 19, k, 0f, 0f, 0, 0, 0, 0);
            java.util.Arrays.fill(zero.c, zero.cOff, zero.c.length, Float.NaN);
            System.arraycopy(zero.c, 0, zero.c0, 0, zero.c.length);
            zero.run();
            for (int i = 0; i < zero.m; i++) {
                for (int j = 0; j < zero.n; j++) {
                    assertEquals(0f, zero.c[zero.cOff + i * zero.ldc + j], 0f, "beta=0 must clear C, k=" + k);
                }
            }
        }
    }

    @Test
    void emptyOutputIsANoOp() {
        float[] c = {1f, 2f};
        VEC.gemm(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        VEC.gemm(false, false, 1, 0, 3, 1f, new float[3], 0, 3, new float[0], 0, 0, 0f, c, 0, 0);
        assertEquals(1f, c[0]);
        assertEquals(2f, c[1]);
    }

    @Test
    void mlpShapesAtBothThreadCounts() {
        // forward, input gradient (transB) and weight gradient (transA) of Dense(512) on 784 inputs
        int[][] shapes = {{128, 512, 784}, {128, 10, 512}, {784, 512, 128}, {128, 784, 512}};
        boolean[][] trans = {{false, false}, {false, false}, {true, false}, {false, true}};
        for (int threads : new int[]{1, 2}) {
            Parallelism.setThreads(threads);
            for (int s = 0; s < shapes.length; s++) {
                check(new Case(s, trans[s][0], trans[s][1], shapes[s][0], shapes[s][1], shapes[s][2],
                        1f, 0f, 0, 0, 0, 0), false);
            }
        }
    }

    private static void check(Case cs, boolean expectFinite) {
        cs.run();
        cs.verify("");
        if (expectFinite) {
            for (int i = 0; i < cs.m; i++) {
                for (int j = 0; j < cs.n; j++) {
                    assertTrue(Float.isFinite(cs.c[cs.cOff + i * cs.ldc + j]), "NaN from C leaked with beta=0");
                }
            }
        }
    }

    /** One product on random data in padded buffers, run by both implementations. */
    private static final class Case {
        final boolean transA, transB;
        final int m, n, k, aOff, bOff, cOff, lda, ldb, ldc;
        final float alpha, beta;
        final float[] a, b, c, c0, cRef;

        Case(long seed, boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
             int offset, int padA, int padB, int padC) {
            Random r = new Random(seed);
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            int aRows = transA ? k : m, aCols = transA ? m : k;
            int bRows = transB ? n : k, bCols = transB ? k : n;
            lda = aCols + padA;
            ldb = bCols + padB;
            ldc = n + padC;
            aOff = offset;
            bOff = offset + 1;
            cOff = offset + 2;
            a = random(r, aOff + Math.max(0, aRows - 1) * lda + aCols + padA);
            b = random(r, bOff + Math.max(0, bRows - 1) * ldb + bCols + padB);
            c = random(r, cOff + Math.max(0, m - 1) * ldc + n + padC);
            c0 = c.clone();
            cRef = c.clone();
        }

        private static float[] random(Random r, int size) {
            float[] x = new float[Math.max(size, 1)];
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            return x;
        }

        void run() {
            VEC.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            REF.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, cRef, cOff, ldc);
        }

        void runBlocked(int kc, int mc, int nc, long parallelMin) {
            Gemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    kc, mc, nc, parallelMin);
            REF.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, cRef, cOff, ldc);
        }

        void verify(String what) {
            double tol = 1e-5 * Math.sqrt(Math.max(k, 1));
            for (int idx = 0; idx < c.length; idx++) {
                int rel = idx - cOff;
                int i = Math.floorDiv(rel, ldc), j = Math.floorMod(rel, ldc);
                boolean inside = rel >= 0 && i < m && j < n;
                if (!inside) {
                    // padding, offsets and the columns between n and ldc must be untouched
                    if (Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(c0[idx])) {
                        fail(describe(what) + ": wrote outside C at buffer index " + idx);
                    }
                    continue;
                }
                double mag = beta == 0f ? 0 : Math.abs((double) beta * c0[idx]);
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    mag += Math.abs((double) alpha * av * bv);
                }
                double err = Math.abs((double) c[idx] - cRef[idx]);
                if (!(err <= tol * mag + 1e-30)) {
                    fail(describe(what) + ": C[" + i + "," + j + "] = " + c[idx] + ", expected " + cRef[idx]
                            + " (error " + err + " > " + tol * mag + ")");
                }
            }
        }

        private String describe(String what) {
            return String.format("%s threads=%d transA=%s transB=%s m=%d n=%d k=%d alpha=%s beta=%s lda=%d ldb=%d ldc=%d",
                    what, Parallelism.threads(), transA, transB, m, n, k, alpha, beta, lda, ldb, ldc);
        }
    }
}
