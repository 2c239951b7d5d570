package io.cornu.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API SGEMM, row-major. Transposed operands are first packed into row-major panels so the
 * inner loop always streams rows of B: {@code C[i, :] += A[i, p] * B[p, :]}, vectorised over columns.
 * Rows of C are split across {@link Parallelism#threads()}.
 */
final class Gemm {
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();

    private Gemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (transB) {
            b = transposeCopy(b, bOff, ldb, n, k);
            bOff = 0;
            ldb = n;
        }
        if (transA) {
            a = transposeCopy(a, aOff, lda, k, m);
            aOff = 0;
            lda = k;
        }
        final float[] A = a, B = b;
        final int ao = aOff, la = lda, bo = bOff, lb = ldb;
        long flops = (long) m * n * k;
        int grain = (int) Math.max(1, Math.min(m, (1L << 18) / Math.max(1, (long) n * k) + 1));
        Parallelism.forRange(m, flops < (1 << 16) ? m : grain, (lo, hi) -> {
            for (int i = lo; i < hi; i++) row(A, ao + i * la, B, bo, lb, c, cOff + i * ldc, n, k, alpha, beta);
        });
    }

    private static void row(float[] a, int aRow, float[] b, int bOff, int ldb, float[] c, int cRow,
                            int n, int k, float alpha, float beta) {
        if (beta == 0f) {
            java.util.Arrays.fill(c, cRow, cRow + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) c[cRow + j] *= beta;
        }
        int bound = F.loopBound(n);
        for (int p = 0; p < k; p++) {
            float av = alpha * a[aRow + p];
            if (av == 0f) continue;
            FloatVector va = FloatVector.broadcast(F, av);
            int bRow = bOff + p * ldb;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(F, b, bRow + j).fma(va, FloatVector.fromArray(F, c, cRow + j)).intoArray(c, cRow + j);
            }
            for (; j < n; j++) c[cRow + j] += av * b[bRow + j];
        }
    }

    /** The {@code cols x rows} transpose of a {@code rows x cols} matrix with row stride {@code ld}. */
    private static float[] transposeCopy(float[] x, int off, int ld, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld;
            for (int q = 0; q < cols; q++) t[q * rows + r] = x[base + q];
        }
        return t;
    }
}
