package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward values of the arithmetic and math ops, against hand-computed results and {@link Math} in double. */
class ArithmeticTest {
    private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

    /** Asserts {@code |expected - actual| <= atol + rtol * |expected|} element by element. */
    static void assertClose(double[] expected, Tensor actual, double rtol, double atol) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, "number of elements");
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Float.isNaN(a[i]), "element " + i + ": expected NaN, got " + a[i]);
                continue;
            }
            if (Double.isInfinite(expected[i])) {
                assertEquals(expected[i], a[i], 0, "element " + i);
                continue;
            }
            assertEquals(expected[i], a[i], atol + rtol * Math.abs(expected[i]), "element " + i);
        }
    }

    /** {@code f} applied in double to every element of {@code x}. */
    static double[] reference(Tensor x, DoubleUnaryOperator f) {
        float[] v = x.toFloatArray();
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = f.applyAsDouble(v[i]);
        return r;
    }

    private static final Tensor ANY = Tensor.of(new float[] {-30f, -4.5f, -1f, -0.3f, -1e-4f, 0f, 2e-5f, 0.25f, 1f, 2.5f, 7f, 40f});
    private static final Tensor POSITIVE = Tensor.of(new float[] {1e-6f, 1e-3f, 0.1f, 0.5f, 1f, 2f, 10f, 1e4f, 3e7f});

    @Test
    void broadcastingFollowsNumPy() {
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, Ops.add(A, Tensor.of(new float[] {10, 20, 30})).toFloatArray());
        Tensor col = Tensor.wrap(new float[] {10, 100}, 2, 1);
        assertArrayEquals(new float[] {10, 20, 30, 400, 500, 600}, Ops.mul(A, col).toFloatArray());
        Tensor out = Ops.add(Tensor.wrap(new float[] {1, 2}, 2, 1, 1), Tensor.wrap(new float[] {10, 20, 30}, 3));
        assertArrayEquals(new int[] {2, 1, 3}, out.dims());
        assertArrayEquals(new float[] {11, 21, 31, 12, 22, 32}, out.toFloatArray());
        assertEquals(7f, Ops.add(Tensor.scalar(3), Tensor.scalar(4)).item());
        assertArrayEquals(new float[] {-9, -18, -27, -6, -15, -24}, Ops.sub(A, Tensor.of(new float[] {10, 20, 30})).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 0.4f, 0.5f, 0.6f}, Ops.div(A, Tensor.wrap(new float[] {2, 10}, 2, 1)).toFloatArray(), 1e-7f);
    }

    @Test
    void broadcastingOnTransposedViews() {
        Tensor t = A.transpose(); // (3, 2), not contiguous
        assertArrayEquals(new float[] {2, 5, 3, 6, 4, 7}, Ops.add(t, Tensor.scalar(1)).toFloatArray());
        assertArrayEquals(new float[] {1, 8, 2, 10, 3, 12}, Ops.mul(t, Tensor.of(new float[] {1, 2})).toFloatArray());
        assertArrayEquals(new float[] {1, 16, 4, 25, 9, 36}, Ops.square(t).toFloatArray());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, Ops.maximum(t, Tensor.scalar(0)).toFloatArray());
    }

    @Test
    void expandRepeatsAnyLayout() {
        Tensor t = A.transpose(); // (3, 2), strides (1, 3)
        Tensor col = Tensor.wrap(new float[] {7, 8, 9}, 3, 1);
        Tensor sliced = A.slice(1, 1, 3); // (2, 2) with a gap
        for (Tensor[] c : new Tensor[][] {{t, Tensor.zeros(4, 3, 2)}, {col, Tensor.zeros(2, 3, 4)}, {Tensor.scalar(5), Tensor.zeros(2, 2)},
                {Tensor.scalar(5), Tensor.scalar(0)}, {sliced, Tensor.zeros(3, 2, 2)}, {A.reshape(2, 1, 3), Tensor.zeros(2, 4, 3)}}) {
            int[] shape = c[1].dims();
            Tensor e = Broadcast.expand(c[0], shape);
            assertArrayEquals(shape, e.dims());
            assertTrue(e.isContiguous());
            assertArrayEquals(c[0].broadcastTo(shape).toFloatArray(), e.toFloatArray());
        }
        assertTrue(Broadcast.expand(A, A.dims()) == A, "a contiguous tensor of the right shape is not copied");
        assertThrows(IllegalArgumentException.class, () -> Broadcast.expand(A, new int[] {3, 3}));
    }

    @Test
    void failedBroadcastNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.add(A, Tensor.zeros(4)));
        assertEquals("add: cannot broadcast shapes (2, 3) and (4,): dimension 1 is 3 and 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.pow(Tensor.zeros(3, 1, 4), Tensor.zeros(5, 2)));
        assertEquals("power: cannot broadcast shapes (3, 1, 4) and (5, 2): dimension 2 is 4 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.maximum(Tensor.zeros(2), Tensor.zeros(3)));
        assertEquals("maximum: cannot broadcast shapes (2,) and (3,): dimension 0 is 2 and 3", e.getMessage());
    }

    @Test
    void floatOpsRejectIntegerTensorsNamingTheOp() {
        Tensor ints = Tensor.ofInts(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.exp(ints));
        assertEquals("exp: expected a float32 tensor, got int32 tensor of shape (3,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.add(Tensor.zeros(3), ints));
        assertEquals("add: expected a float32 tensor, got int32 tensor of shape (3,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.sqrt(Tensor.ofLongs(4, 9)));
        assertEquals("sqrt: expected a float32 tensor, got int64 tensor of shape (2,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.neg(ints));
        assertEquals("negative: expected a float32 tensor, got int32 tensor of shape (3,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.mul(ints, 2f));
        assertEquals("multiply: expected a float32 tensor, got int32 tensor of shape (3,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.pow(ints, 3f));
        assertEquals("power: expected a float32 tensor, got int32 tensor of shape (3,)", e.getMessage());
    }

    @Test
    void unaryMathMatchesJavaMathInDouble() {
        // float32 results of double computations: within a few float ulps (the Vector API exp/log within 2e-6)
        check(Ops::abs, ANY, Math::abs, 0);
        check(Ops::sign, ANY, Math::signum, 0);
        check(Ops::exp, ANY, Math::exp, 2e-6);
        check(Ops::expm1, ANY, Math::expm1, 1e-6);
        check(Ops::square, ANY, v -> v * v, 1e-6);
        check(Ops::log, POSITIVE, Math::log, 2e-6);
        check(Ops::log1p, Tensor.of(new float[] {-0.9f, -1e-5f, 0, 3e-8f, 0.5f, 10f, 1e6f}), Math::log1p, 1e-6);
        check(Ops::sqrt, POSITIVE, Math::sqrt, 1e-6);
        check(Ops::rsqrt, POSITIVE, v -> 1 / Math.sqrt(v), 1e-6);
        check(x -> Ops.pow(x, 3f), ANY, v -> v * v * v, 1e-6);
        check(x -> Ops.pow(x, 0.5f), POSITIVE, Math::sqrt, 1e-6);
        check(x -> Ops.pow(x, -1.5f), POSITIVE, v -> Math.pow(v, -1.5), 1e-6);
        check(x -> Ops.pow(x, 0f), ANY, v -> 1, 0);
    }

    private static void check(UnaryOperator<Tensor> op, Tensor x, DoubleUnaryOperator ref, double rtol) {
        assertClose(reference(x, ref), op.apply(x), rtol, 1e-30);
    }

    @Test
    void edgeValuesFollowIeee() {
        assertTrue(Float.isNaN(Ops.log(Tensor.scalar(-1)).item()));
        assertEquals(Float.NEGATIVE_INFINITY, Ops.log(Tensor.scalar(0)).item());
        assertEquals(Float.NEGATIVE_INFINITY, Ops.log1p(Tensor.scalar(-1)).item());
        assertEquals(Float.POSITIVE_INFINITY, Ops.rsqrt(Tensor.scalar(0)).item());
        assertTrue(Float.isNaN(Ops.sqrt(Tensor.scalar(-4)).item()));
        assertTrue(Float.isNaN(Ops.sign(Tensor.scalar(Float.NaN)).item()));
        assertEquals(0f, Ops.exp(Tensor.scalar(-200)).item());
        assertEquals(Float.POSITIVE_INFINITY, Ops.exp(Tensor.scalar(200)).item());
    }

    @Test
    void erfMatchesTabulatedValuesAndQuadrature() {
        // values of erf from Abramowitz & Stegun table 7.1 (and its odd symmetry)
        Tensor x = Tensor.of(new float[] {0f, 0.1f, 0.5f, 1f, 1.5f, 2f, 3f, -0.5f, -2f, 6f});
        double[] expected = {0, 0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9661051464753108,
                0.9953222650189527, 0.9999779095030014, -0.5204998778130465, -0.9953222650189527, 1};
        assertClose(expected, Ops.erf(x), 1e-7, 1e-9);
        // an independent check: Simpson's rule on 2/sqrt(pi) exp(-t^2) at many points
        float[] pts = new float[41];
        double[] quad = new double[pts.length];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = -4f + 0.2f * i;
            quad[i] = simpsonErf(pts[i]);
        }
        assertClose(quad, Ops.erf(Tensor.of(pts)), 1e-7, 1e-9);
    }

    private static double simpsonErf(double x) {
        int n = 20000;
        double h = x / n, s = 0;
        for (int i = 0; i <= n; i++) {
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * Math.exp(-(i * h) * (i * h));
        }
        return s * h / 3 * 2 / Math.sqrt(Math.PI);
    }

    @Test
    void powWithTensorExponentBroadcasts() {
        Tensor base = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new float[] {1, 1.4142135f, 9, 2}, Ops.pow(base, Tensor.of(new float[] {2, 0.5f})).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {2, 4, 8}, Ops.pow(Tensor.scalar(2), Tensor.of(new float[] {1, 2, 3})).toFloatArray());
        assertEquals(-8f, Ops.pow(Tensor.scalar(-2), Tensor.scalar(3)).item());
        assertTrue(Float.isNaN(Ops.pow(Tensor.scalar(-2), Tensor.scalar(0.5f)).item()));
    }

    @Test
    void maximumAndMinimumBroadcastAndPropagateNaN() {
        Tensor a = Tensor.of(new float[][] {{1, -2, 3}, {-4, 5, Float.NaN}});
        Tensor b = Tensor.of(new float[] {0, 0, 4});
        assertClose(new double[] {1, 0, 4, 0, 5, Double.NaN}, Ops.maximum(a, b), 0, 0);
        assertClose(new double[] {0, -2, 3, -4, 0, Double.NaN}, Ops.minimum(a, b), 0, 0);
        assertArrayEquals(new int[] {3, 2}, Ops.maximum(Tensor.zeros(3, 1), Tensor.zeros(2)).dims());
    }

    @Test
    void maximumAndMinimumAcceptIntegers() {
        Tensor m = Ops.maximum(Tensor.ofInts(new int[][] {{1, -5}, {7, 2}}), Tensor.ofInts(0, 3));
        assertEquals(DType.INT32, m.dtype());
        assertArrayEquals(new int[] {1, 3, 7, 3}, m.toIntArray());
        Tensor l = Ops.minimum(Tensor.ofInts(1, 2), Tensor.ofLongs(1L << 40, -(1L << 40)));
        assertEquals(DType.INT64, l.dtype());
        assertArrayEquals(new long[] {1, -(1L << 40)}, l.toLongArray());
        Tensor f = Ops.maximum(Tensor.ofInts(1, 2), Tensor.of(new float[] {1.5f, 0.5f}));
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new float[] {1.5f, 2}, f.toFloatArray());
    }

    @Test
    void clipLimitsValuesAndValidatesBounds() {
        assertArrayEquals(new float[] {-1, -0.5f, 0.2f, 1, 1}, Ops.clip(Tensor.of(new float[] {-3, -0.5f, 0.2f, 1, 8}), -1, 1).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.clip(A, 2, 1));
        assertEquals("clip: expected min <= max. Received: min=2.0, max=1.0", e.getMessage());
    }

    @Test
    void scalarOverloads() {
        assertArrayEquals(new float[] {3, 6, 9, 12, 15, 18}, Ops.mul(A, 3f).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Ops.add(A, -1f).toFloatArray());
        assertArrayEquals(new float[] {-1, -2, -3, -4, -5, -6}, Ops.neg(A).toFloatArray());
    }

    @Test
    void largeTensorsTakeTheParallelPathWithTheSameValues() {
        int n = 3 * Elementwise.PARALLEL_ELEMENTS + 7;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) Math.sin(i * 0.001) * 4;
        Tensor x = Tensor.wrap(v, n);
        double[] ref = reference(x, Math::tanh);
        assertClose(ref, Ops.tanh(x), 1e-6, 1e-7);
        assertClose(reference(x, Math::abs), Ops.abs(x), 0, 0);
        // a strided view of the same data: copied to contiguous first, same values
        Tensor m = x.slice(0, 0, n - 7).reshape(3, Elementwise.PARALLEL_ELEMENTS).transpose();
        float[] got = Ops.erf(m).toFloatArray(), in = m.toFloatArray();
        for (int i = 0; i < in.length; i += 9973) assertEquals(Erf.erf(in[i]), got[i], 1e-7);
    }
}
