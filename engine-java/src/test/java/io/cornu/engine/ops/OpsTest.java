package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Forward values of the ops, against hand-computed results. */
class OpsTest {
    private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void matmulMatchesHandComputation() {
        Tensor b = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertArrayEquals(new float[] {4, 5, 10, 11}, Ops.matmul(A, b).toFloatArray());
        assertArrayEquals(new float[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, Ops.matmul(A.transpose(), A).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(32, 64), Tensor.zeros(32, 10)));
        assertEquals("matmul: incompatible shapes (32, 64) and (32, 10): inner dimensions 64 and 32 differ", e.getMessage());
    }
}
