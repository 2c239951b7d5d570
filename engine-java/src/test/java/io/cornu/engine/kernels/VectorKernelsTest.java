package io.cornu.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Every elementwise, reduction and softmax kernel of {@link VectorKernels} against
 * {@link ScalarKernels}, at sizes around the vector length, odd sizes, and sizes large enough for
 * the parallel split, with non-zero offsets, at 1 and 2 threads. GEMM is in {@link GemmTest}.
 *
 * <p>Tolerances, with {@code u = 2^-24} the float32 unit roundoff:
 * <ul>
 *   <li>add, sub, mul, div, relu, reluBackward, max: the same single IEEE operation per element
 *       (or an exact selection), so results must be identical.</li>
 *   <li>scaleShift and axpy: the vector version rounds once (fma), the scalar one twice, so they
 *       may differ by one rounding of the result: {@code 2u * (|a*s| + |t|)}.</li>
 *   <li>exp and log: the Vector API's vector math is within 1 ulp of the correctly rounded
 *       result, as is {@code (float) Math.exp}; we allow 4 ulp of the result (relative
 *       {@code 4 * 2u}), and an absolute {@code 4 * 2u} for log near 1 where the result is near 0.</li>
 *   <li>sum and dot: every one of the {@code 4 * L} lane accumulators adds about
 *       {@code n / (4 L)} terms in sequence, then a tree of depth {@code log2(4 L) + 1} combines
 *       them and the scalar tail adds at most {@code L} more, so the worst-case error is below
 *       {@code (n / (4 L) + 2 L + 8) * u * sum|terms|}; the reference sums in double.</li>
 *   <li>softmaxRows: each output is {@code e_j / s} with {@code e_j} within ~2 ulp and {@code s}
 *       within the sum bound above, so the relative error is below
 *       {@code (cols / (2 L) + 2 L + 16) * u}.</li>
 * </ul>
 */
class VectorKernelsTest {
    private static final int L = VectorKernels.F.length();
    private static final double U = Math.ulp(1f) / 2;
    private static final ScalarKernels REF = new ScalarKernels();
    private static final VectorKernels VEC = new VectorKernels();
    private static final int SAVED_THREADS = Parallelism.threads();
    private static final int A_OFF = 3, B_OFF = 5, OUT_OFF = 7;
    private static final float GUARD = -12345.5f;

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(SAVED_THREADS);
    }

    static int[] sizes() {
        return new int[]{0, 1, 2, L - 1, L, L + 1, 2 * L + 1, 4 * L - 1, 4 * L + 3, 17, 37, 101, 1000, 4099,
            VectorKernels.PARALLEL_ELEMENTS + 13};
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int threads : new int[]{1, 2}) {
            for (int n : sizes()) out.add(Arguments.of(threads, n));
        }
        return out.stream();
    }

    @FunctionalInterface
    interface Binary {
        void apply(Kernels k, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);
    }

    @FunctionalInterface
    interface Unary {
        void apply(Kernels k, float[] a, int aOff, float[] out, int outOff, int n);
    }

    @ParameterizedTest(name = "threads={0} n={1}")
    @MethodSource("cases")
    void binaryOpsAreExact(int threads, int n) {
        Parallelism.setThreads(threads);
        Random r = new Random(n);
        float[] a = data(r, n, A_OFF, -3, 3), b = data(r, n, B_OFF, -3, 3);
        for (int i = 0; i < b.length; i++) if (b[i] == 0f) b[i] = 0.5f;
        checkBinary("add", Kernels::add, a, b, n, 0, 0);
        checkBinary("sub", Kernels::sub, a, b, n, 0, 0);
        checkBinary("mul", Kernels::mul, a, b, n, 0, 0);
        checkBinary("div", Kernels::div, a, b, n, 0, 0);
        checkBinary("reluBackward", Kernels::reluBackward, a, b, n, 0, 0);
        checkUnary("relu", Kernels::relu, a, n, 0, 0);
    }

    @ParameterizedTest(name = "threads={0} n={1}")
    @MethodSource("cases")
    void fusedOpsWithinOneRounding(int threads, int n) {
        Parallelism.setThreads(threads);
        Random r = new Random(n + 1);
        float[] a = data(r, n, A_OFF, -4, 4);
        float s = 1.7f, t = -0.3f;
        float[] want = guarded(n), got = guarded(n);
        REF.scaleShift(a, A_OFF, s, t, want, OUT_OFF, n);
        VEC.scaleShift(a, A_OFF, s, t, got, OUT_OFF, n);
        for (int i = 0; i < n; i++) {
            double mag = Math.abs(a[A_OFF + i] * s) + Math.abs(t);
            near("scaleShift", n, i, want[OUT_OFF + i], got[OUT_OFF + i], 2 * U * mag);
        }
        guardsIntact("scaleShift", got, n);

        float[] x = data(r, n, A_OFF, -4, 4);
        float[] yWant = data(r, n, OUT_OFF, -4, 4);
        float[] yGot = yWant.clone();
        float[] y0 = yWant.clone();
        REF.axpy(-0.6f, x, A_OFF, yWant, OUT_OFF, n);
        VEC.axpy(-0.6f, x, A_OFF, yGot, OUT_OFF, n);
        for (int i = 0; i < yGot.length; i++) {
            double mag = Math.abs(0.6f * x[Math.min(x.length - 1, Math.max(0, i - OUT_OFF + A_OFF))]) + Math.abs(y0[i]);
            near("axpy", n, i - OUT_OFF, yWant[i], yGot[i], 2 * U * mag);
        }
    }

    @ParameterizedTest(name = "threads={0} n={1}")
    @MethodSource("cases")
    void expAndLogWithinFourUlp(int threads, int n) {
        Parallelism.setThreads(threads);
        Random r = new Random(n + 2);
        float[] a = data(r, n, A_OFF, -20, 20);
        float[] want = guarded(n), got = guarded(n);
        REF.exp(a, A_OFF, want, OUT_OFF, n);
        VEC.exp(a, A_OFF, got, OUT_OFF, n);
        for (int i = 0; i < n; i++) {
            near("exp", n, i, want[OUT_OFF + i], got[OUT_OFF + i], 8 * U * Math.abs(want[OUT_OFF + i]));
        }
        guardsIntact("exp", got, n);

        float[] pos = data(r, n, A_OFF, 1e-3f, 50);
        want = guarded(n);
        got = guarded(n);
        REF.log(pos, A_OFF, want, OUT_OFF, n);
        VEC.log(pos, A_OFF, got, OUT_OFF, n);
        for (int i = 0; i < n; i++) {
            near("log", n, i, want[OUT_OFF + i], got[OUT_OFF + i], 8 * U * (Math.abs(want[OUT_OFF + i]) + 1));
        }
        guardsIntact("log", got, n);
    }

    @ParameterizedTest(name = "threads={0} n={1}")
    @MethodSource("cases")
    void reductions(int threads, int n) {
        Parallelism.setThreads(threads);
        Random r = new Random(n + 3);
        float[] a = data(r, n, A_OFF, -2, 2), b = data(r, n, B_OFF, -2, 2);
        double absSum = 0, absDot = 0;
        for (int i = 0; i < n; i++) {
            absSum += Math.abs(a[A_OFF + i]);
            absDot += Math.abs((double) a[A_OFF + i] * b[B_OFF + i]);
        }
        double bound = (n / (4.0 * L) + 2 * L + 8) * U;
        near("sum", n, -1, REF.sum(a, A_OFF, n), VEC.sum(a, A_OFF, n), bound * absSum);
        near("dot", n, -1, REF.dot(a, A_OFF, b, B_OFF, n), VEC.dot(a, A_OFF, b, B_OFF, n), bound * absDot);
        assertEquals(REF.max(a, A_OFF, n), VEC.max(a, A_OFF, n), 0f, "max n=" + n);
        if (n > 0) {
            // the maximum in the scalar tail and in the first vector
            a[A_OFF + n - 1] = 100f;
            assertEquals(100f, VEC.max(a, A_OFF, n), 0f, "max in last element, n=" + n);
            a[A_OFF] = 200f;
            assertEquals(200f, VEC.max(a, A_OFF, n), 0f, "max in first element, n=" + n);
        }
    }

    @Test
    void emptyInputs() {
        float[] a = {Float.NaN, 1f};
        assertEquals(0f, VEC.sum(a, 1, 0));
        assertEquals(0f, VEC.dot(a, 1, a, 0, 0));
        assertEquals(Float.NEGATIVE_INFINITY, VEC.max(a, 1, 0));
        float[] out = {GUARD};
        VEC.add(a, 0, a, 0, out, 0, 0);
        VEC.exp(a, 0, out, 0, 0);
        VEC.softmaxRows(a, 0, out, 0, 0, 5);
        VEC.softmaxRows(a, 0, out, 0, 3, 0);
        assertEquals(GUARD, out[0]);
    }

    @Test
    void maxPropagatesNaNLikeScalar() {
        for (int n : new int[]{1, L + 1, 4 * L + 3}) {
            float[] a = new float[n];
            a[n / 2] = Float.NaN;
            assertEquals(REF.max(a, 0, n), VEC.max(a, 0, n), "n=" + n);
        }
    }

    static Stream<Arguments> softmaxShapes() {
        List<Arguments> out = new ArrayList<>();
        int[] cols = {1, 2, L - 1, L, L + 1, 2 * L + 3, 10, 37, 1000};
        for (int c : cols) {
            for (int rows : new int[]{1, 3, 128}) out.add(Arguments.of(rows, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("softmaxShapes")
    void softmaxRows(int rows, int cols) {
        Random r = new Random(rows * 1000L + cols);
        int n = rows * cols;
        float[] x = data(r, n, A_OFF, -30, 30);
        float[] want = guarded(n), got = guarded(n);
        REF.softmaxRows(x, A_OFF, want, OUT_OFF, rows, cols);
        VEC.softmaxRows(x, A_OFF, got, OUT_OFF, rows, cols);
        double rel = (cols / (2.0 * L) + 2 * L + 16) * U;
        for (int i = 0; i < n; i++) {
            near("softmaxRows", n, i, want[OUT_OFF + i], got[OUT_OFF + i], rel * want[OUT_OFF + i] + Float.MIN_NORMAL);
        }
        guardsIntact("softmaxRows", got, n);

        // in place
        float[] inPlace = x.clone();
        VEC.softmaxRows(inPlace, A_OFF, inPlace, A_OFF, rows, cols);
        for (int i = 0; i < n; i++) {
            near("softmaxRows in place", n, i, want[OUT_OFF + i], inPlace[A_OFF + i], rel * want[OUT_OFF + i] + Float.MIN_NORMAL);
        }
    }

    private static void checkBinary(String name, Binary op, float[] a, float[] b, int n, double rel, double abs) {
        float[] want = guarded(n), got = guarded(n);
        op.apply(REF, a, A_OFF, b, B_OFF, want, OUT_OFF, n);
        op.apply(VEC, a, A_OFF, b, B_OFF, got, OUT_OFF, n);
        for (int i = 0; i < n; i++) {
            near(name, n, i, want[OUT_OFF + i], got[OUT_OFF + i], rel * Math.abs(want[OUT_OFF + i]) + abs);
        }
        guardsIntact(name, got, n);
        // in place: out is the first operand
        float[] inPlace = a.clone();
        op.apply(VEC, inPlace, A_OFF, b, B_OFF, inPlace, A_OFF, n);
        for (int i = 0; i < n; i++) {
            near(name + " in place", n, i, want[OUT_OFF + i], inPlace[A_OFF + i], rel * Math.abs(want[OUT_OFF + i]) + abs);
        }
    }

    private static void checkUnary(String name, Unary op, float[] a, int n, double rel, double abs) {
        float[] want = guarded(n), got = guarded(n);
        op.apply(REF, a, A_OFF, want, OUT_OFF, n);
        op.apply(VEC, a, A_OFF, got, OUT_OFF, n);
        for (int i = 0; i < n; i++) {
            near(name, n, i, want[OUT_OFF + i], got[OUT_OFF + i], rel * Math.abs(want[OUT_OFF + i]) + abs);
        }
        guardsIntact(name, got, n);
    }

    /** {@code n} values in {@code [lo, hi)} after {@code off} leading and 5 trailing guard values. */
    private static float[] data(Random r, int n, int off, float lo, float hi) {
        float[] x = new float[off + n + 5];
        java.util.Arrays.fill(x, GUARD);
        for (int i = 0; i < n; i++) x[off + i] = lo + (hi - lo) * r.nextFloat();
        return x;
    }

    private static float[] guarded(int n) {
        float[] x = new float[OUT_OFF + n + 5];
        java.util.Arrays.fill(x, GUARD);
        return x;
    }

    private static void guardsIntact(String name, float[] out, int n) {
        for (int i = 0; i < out.length; i++) {
            if ((i < OUT_OFF || i >= OUT_OFF + n) && out[i] != GUARD) {
                fail(name + " n=" + n + " wrote outside its range at index " + i);
            }
        }
    }

    private static void near(String name, int n, int i, double want, double got, double tol) {
        if (Double.compare(want, got) == 0) return;
        if (!(Math.abs(want - got) <= tol)) {
            fail(name + " n=" + n + (i >= 0 ? " i=" + i : "") + ": got " + got + ", expected " + want + " (tolerance " + tol + ")");
        }
    }
}
