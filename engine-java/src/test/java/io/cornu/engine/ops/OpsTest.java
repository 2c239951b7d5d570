package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward values of the ops, against hand-computed results. */
class OpsTest {
    private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void broadcastingFollowsNumPy() {
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, Ops.add(A, Tensor.of(new float[] {10, 20, 30})).toFloatArray());
        Tensor col = Tensor.wrap(new float[] {10, 100}, 2, 1);
        assertArrayEquals(new float[] {10, 20, 30, 400, 500, 600}, Ops.mul(A, col).toFloatArray());
        Tensor out = Ops.add(Tensor.wrap(new float[] {1, 2}, 2, 1, 1), Tensor.wrap(new float[] {10, 20, 30}, 3));
        assertArrayEquals(new int[] {2, 1, 3}, out.dims());
        assertArrayEquals(new float[] {11, 21, 31, 12, 22, 32}, out.toFloatArray());
        assertEquals(7f, Ops.add(Tensor.scalar(3), Tensor.scalar(4)).item());
    }

    @Test
    void broadcastingOnTransposedViews() {
        Tensor t = A.transpose(); // (3, 2), not contiguous
        assertArrayEquals(new float[] {2, 5, 3, 6, 4, 7}, Ops.add(t, Tensor.scalar(1)).toFloatArray());
        assertArrayEquals(new float[] {1, 8, 2, 10, 3, 12}, Ops.mul(t, Tensor.of(new float[] {1, 2})).toFloatArray());
    }

    @Test
    void failedBroadcastNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.add(A, Tensor.zeros(4)));
        assertEquals("add: cannot broadcast shapes (2, 3) and (4,): dimension 1 is 3 and 4", e.getMessage());
    }

    @Test
    void matmulMatchesHandComputation() {
        Tensor b = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertArrayEquals(new float[] {4, 5, 10, 11}, Ops.matmul(A, b).toFloatArray());
        assertArrayEquals(new float[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, Ops.matmul(A.transpose(), A).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(32, 64), Tensor.zeros(32, 10)));
        assertEquals("matmul: incompatible shapes (32, 64) and (32, 10): inner dimensions 64 and 32 differ", e.getMessage());
    }

    @Test
    void reductionsOverAxes() {
        assertEquals(21f, Ops.sum(A).item());
        assertArrayEquals(new float[] {5, 7, 9}, Ops.sum(A, 0).toFloatArray());
        assertArrayEquals(new int[] {2, 1}, Ops.sum(A, new int[] {1}, true).dims());
        assertArrayEquals(new float[] {2, 5}, Ops.mean(A, -1).toFloatArray());
        assertArrayEquals(new float[] {3, 6}, Ops.max(A, new int[] {1}, false).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> Ops.sum(A, 2));
    }

    @Test
    void softmaxIsStableAndNormalised() {
        Tensor x = Tensor.of(new float[][] {{1000, 1001, 1002}, {-5, 0, 5}});
        float[] s = Ops.softmax(x).toFloatArray();
        double e0 = 1 / (1 + Math.E + Math.E * Math.E);
        assertEquals(e0, s[0], 1e-6);
        assertEquals(e0 * Math.E * Math.E, s[2], 1e-6);
        assertEquals(1.0, s[3] + s[4] + s[5], 1e-6);
        float[] ls = Ops.logSoftmax(x).toFloatArray();
        for (int i = 0; i < 6; i++) assertEquals(Math.log(s[i]), ls[i], 1e-5);
        assertTrue(Float.isFinite(ls[0]));
    }
}
