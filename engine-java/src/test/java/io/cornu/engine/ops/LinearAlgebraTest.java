package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Forward values of matmul, dot and tensordot against naive loops in double. */
class LinearAlgebraTest {

    /**
     * NumPy's matmul in double by explicit index arithmetic over row-major copies of the operands:
     * batch axes broadcast by hand (index 0 on size-1 axes), 1-D operands promoted and their axis
     * dropped.
     */
    static Tensor naiveMatmul(Tensor a, Tensor b) {
        boolean va = a.rank() == 1, vb = b.rank() == 1;
        int[] ad = va ? new int[] {1, a.dim(0)} : a.dims();
        int[] bd = vb ? new int[] {b.dim(0), 1} : b.dims();
        float[] av = a.toFloatArray(), bv = b.toFloatArray();
        int m = ad[ad.length - 2], k = ad[ad.length - 1], n = bd[bd.length - 1];
        int r = Math.max(ad.length, bd.length) - 2;
        int[] pa = pad(ad, r), pb = pad(bd, r);
        int[] batch = new int[r];
        for (int i = 0; i < r; i++) batch[i] = Math.max(pa[i], pb[i]);
        int count = 1;
        for (int d : batch) count *= d;
        float[] out = new float[count * m * n];
        for (int q = 0; q < count; q++) {
            int ia = 0, ib = 0;   // row-major batch index into each operand, 0 along its size-1 axes
            for (int i = 0, t = q, div = count; i < r; i++) {
                div /= batch[i];
                int c = t / div;
                t -= c * div;
                ia = ia * pa[i] + (pa[i] == 1 ? 0 : c);
                ib = ib * pb[i] + (pb[i] == 1 ? 0 : c);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += (double) av[(ia * m + i) * k + p] * bv[(ib * k + p) * n + j];
                    out[(q * m + i) * n + j] = (float) s;
                }
            }
        }
        int[] dims = Arrays.copyOf(batch, r + 2);
        dims[r] = m;
        dims[r + 1] = n;
        Tensor t = Tensor.wrap(out, dims);
        if (va) t = t.squeeze(-2);
        if (vb) t = t.squeeze(-1);
        return t;
    }

    /** The batch dimensions of {@code dims} left-padded with 1s to {@code r}. */
    private static int[] pad(int[] dims, int r) {
        int[] p = new int[r];
        Arrays.fill(p, 1);
        System.arraycopy(dims, 0, p, r - (dims.length - 2), dims.length - 2);
        return p;
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), "shape");
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-4 * (1 + Math.abs(e[i])), "element " + i + " of " + Arrays.toString(expected.dims()));
        }
    }

    private static void checkMatmul(Tensor a, Tensor b) {
        assertClose(naiveMatmul(a, b), Ops.matmul(a, b));
    }

    @Test
    void twoDimensionalProductMatchesHandComputation() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertArrayEquals(new float[] {4, 5, 10, 11}, Ops.matmul(a, b).toFloatArray());
        checkMatmul(random(1, 5, 7), random(2, 7, 3));
    }

    @Test
    void batchedProductsBroadcastTheirBatchDimensions() {
        checkMatmul(random(3, 4, 5, 6), random(4, 6, 3));            // (b, m, k) @ (k, n): one GEMM of b*m rows
        checkMatmul(random(5, 4, 5, 6), random(6, 4, 6, 3));         // (b, m, k) @ (b, k, n)
        checkMatmul(random(7, 2, 1, 3, 4), random(8, 3, 4, 5));      // (2, 1, m, k) @ (3, k, n) -> (2, 3, m, n)
        assertArrayEquals(new int[] {2, 3, 3, 5}, Ops.matmul(random(7, 2, 1, 3, 4), random(8, 3, 4, 5)).dims());
        checkMatmul(random(9, 3, 4), random(10, 2, 4, 6));           // (m, k) @ (b, k, n)
        checkMatmul(random(11, 2, 3, 1, 4), random(12, 1, 4, 2));    // size-1 batch axes on both sides
    }

    @Test
    void oneDimensionalOperandsAreVectors() {
        Tensor v = Tensor.of(new float[] {1, 2, 3});
        Tensor m = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor vm = Ops.matmul(v, m);
        assertArrayEquals(new int[] {2}, vm.dims());
        assertArrayEquals(new float[] {4, 5}, vm.toFloatArray());
        Tensor mv = Ops.matmul(m.transpose(), v);
        assertArrayEquals(new int[] {2}, mv.dims());
        assertArrayEquals(new float[] {4, 5}, mv.toFloatArray());
        Tensor vv = Ops.matmul(v, v);
        assertEquals(0, vv.rank());
        assertEquals(14f, vv.item());
        checkMatmul(random(13, 4), random(14, 3, 4, 2));   // (k) @ (b, k, n) -> (b, n)
        checkMatmul(random(15, 3, 2, 4), random(16, 4));   // (b, m, k) @ (k) -> (b, m)
    }

    @Test
    void nonContiguousOperandsGiveTheSameProducts() {
        Tensor x = random(20, 6, 5);
        checkMatmul(x.transpose(), random(21, 6, 4));                          // transposed view, no copy
        checkMatmul(random(22, 3, 6), x.slice(1, 1, 4));                       // sliced columns (row stride 5)
        Tensor batchMiddle = random(23, 4, 3, 5);                              // (m, b, k)
        checkMatmul(batchMiddle.permute(1, 0, 2), random(24, 5, 2));           // (b, m, k) with batch stride k
        checkMatmul(random(25, 2, 4, 3).permute(0, 2, 1), random(26, 2, 4, 5)); // batched transposed views
        checkMatmul(random(27, 4, 3), random(28, 2, 5, 3).permute(0, 2, 1));   // (m, k) @ transposed batch
        Tensor rowBroadcast = random(29, 1, 4).broadcastTo(3, 4);              // stride-0 rows: copied
        checkMatmul(rowBroadcast, random(30, 4, 2));
        checkMatmul(random(31, 5, 3).broadcastTo(2, 5, 3), random(32, 2, 3, 4)); // stride-0 batch
        Tensor offset = random(33, 3, 4, 6).slice(0, 1, 3).slice(2, 2, 6);    // offset + strides
        checkMatmul(offset, random(34, 4, 5));
    }

    @Test
    void largeBatchesOfSmallProductsRunInParallel() {
        checkMatmul(random(40, 128, 16, 48), random(41, 128, 48, 40)); // 128 GEMMs of 30k multiply-adds
        checkMatmul(random(42, 8, 64, 32), random(43, 32, 70));        // folded: 512 x 32 @ 32 x 70
    }

    @Test
    void degenerateSizesGiveZerosOrEmptyResults() {
        assertArrayEquals(new float[6], Ops.matmul(Tensor.zeros(2, 0), Tensor.zeros(0, 3)).toFloatArray());
        assertArrayEquals(new int[] {0, 2, 3}, Ops.matmul(Tensor.zeros(0, 2, 4), Tensor.zeros(4, 3)).dims());
        checkMatmul(random(44, 1, 1), random(45, 1, 1));
    }

    @Test
    void badShapesNameTheOpAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(32, 64), Tensor.zeros(32, 10)));
        assertEquals("matmul: incompatible shapes (32, 64) and (32, 10): inner dimensions 64 and 32 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(Tensor.zeros(2, 3, 4), Tensor.zeros(5, 4, 6)));
        assertEquals("matmul: incompatible shapes (2, 3, 4) and (5, 4, 6): batch dimensions (2,) and (5,) do not broadcast", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(Tensor.zeros(3), Tensor.zeros(4, 2)));
        assertEquals("matmul: incompatible shapes (3,) and (4, 2): inner dimensions 3 and 4 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(Tensor.scalar(2), Tensor.zeros(2)));
        assertEquals("matmul: expected tensors of rank >= 1, got shapes () and (2,). Use multiply for scalars", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(Tensor.ofInts(1, 2), Tensor.zeros(2)));
        assertEquals("matmul: expected float32 tensors, got dtypes int32 and float32 (shapes (2,) and (2,)). "
                + "Use cast(x, DType.FLOAT32) first", e.getMessage());
    }

    @Test
    void dotFollowsNumPy() {
        Tensor v = Tensor.of(new float[] {1, 2, 3});
        assertEquals(14f, Ops.dot(v, v).item());
        assertArrayEquals(new float[] {2, 4, 6}, Ops.dot(v, Tensor.scalar(2)).toFloatArray());
        Tensor a = random(50, 2, 3), b = random(51, 3, 4);
        assertClose(naiveMatmul(a, b), Ops.dot(a, b));
        Tensor x = random(52, 2, 5, 3);
        assertClose(naiveMatmul(x, v), Ops.dot(x, v));                      // N-D . 1-D: over the last axis
        // N-D . M-D: result x.shape[:-1] + y.shape[:-2] + y.shape[-1:], sum over x[-1] and y[-2]
        Tensor y = random(53, 4, 3, 6);
        Tensor d = Ops.dot(x, y);
        assertArrayEquals(new int[] {2, 5, 4, 6}, d.dims());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 5; j++) for (int p = 0; p < 4; p++) for (int q = 0; q < 6; q++) {
            double s = 0;
            for (int c = 0; c < 3; c++) s += (double) x.get(i, j, c) * y.get(p, c, q);
            assertEquals(s, d.get(i, j, p, q), 1e-5);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.dot(random(1, 2, 3), random(2, 4, 5)));
        assertEquals("dot: incompatible shapes (2, 3) and (4, 5): last dimension of the first (3) and second-to-last "
                + "dimension of the second (4) differ", e.getMessage());
    }

    @Test
    void tensordotContractsTheGivenAxes() {
        Tensor a = random(60, 3, 4, 5), b = random(61, 4, 3, 2);
        // axes [[1, 0], [0, 1]]: out[k, l] = sum_{i, j} a[i, j, k] * b[j, i, l]
        Tensor t = Ops.tensordot(a, b, new int[][] {{1, 0}, {0, 1}});
        assertArrayEquals(new int[] {5, 2}, t.dims());
        for (int k = 0; k < 5; k++) for (int l = 0; l < 2; l++) {
            double s = 0;
            for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) s += (double) a.get(i, j, k) * b.get(j, i, l);
            assertEquals(s, t.get(k, l), 1e-5);
        }
        // integer axes: the last 2 of c with the first 2 of e
        Tensor c = random(62, 2, 3, 4), e = random(63, 3, 4, 5);
        Tensor u = Ops.tensordot(c, e, 2);
        assertArrayEquals(new int[] {2, 5}, u.dims());
        for (int i = 0; i < 2; i++) for (int l = 0; l < 5; l++) {
            double s = 0;
            for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) s += (double) c.get(i, j, k) * e.get(j, k, l);
            assertEquals(s, u.get(i, l), 1e-5);
        }
        // axes 0: the outer product
        Tensor outer = Ops.tensordot(Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {3, 4, 5}), 0);
        assertArrayEquals(new float[] {3, 4, 5, 6, 8, 10}, outer.toFloatArray());
        // full contraction to a scalar
        assertEquals(0, Ops.tensordot(c, c, 3).rank());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Ops.tensordot(random(1, 2, 3), random(2, 4, 5), new int[][] {{1}, {0}}));
        assertEquals("tensordot: shape mismatch between (2, 3) and (4, 5): axis 1 of the first is 3 but axis 0 of the second is 4",
                ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> Ops.tensordot(random(1, 2, 3), random(2, 3, 5), 3));
        assertEquals("tensordot: axes must be between 0 and the smaller rank of shapes (2, 3) and (3, 5). Received: axes=3", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> Ops.tensordot(random(1, 2, 3), random(2, 3, 5), new int[][] {{2}, {0}}));
        assertEquals("tensordot: axis 2 is out of bounds for the first tensor, of shape (2, 3)", ex.getMessage());
    }

    @Test
    void productsOfCastIntegers() {
        Tensor ints = Tensor.ofInts(1, 2, 3);
        assertEquals(14f, Ops.dot(Ops.cast(ints, DType.FLOAT32), Ops.cast(ints, DType.FLOAT32)).item());
    }
}
