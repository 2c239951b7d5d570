package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tape gradients of matmul, dot and tensordot against central finite differences. The products
 * are linear in each operand, so the difference quotient has no truncation error and the default
 * tolerance covers float32 rounding of sums of a few dozen terms.
 */
class LinearAlgebraGradientTest {

    @Test
    void matmulOfMatrices() {
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(1, 3, 4), random(2, 4, 5));
    }

    @Test
    void batchedMatmulSumsGradientsOverBroadcastBatchAxes() {
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(3, 2, 3, 4), random(4, 4, 5));       // shared weight: one GEMM over b*t
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(5, 2, 3, 4), random(6, 2, 4, 2));    // same batch
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(7, 2, 1, 2, 3), random(8, 3, 3, 2)); // (2,1) x (3,) batches
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(9, 3, 2), random(10, 2, 2, 4));      // shared left operand
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(11, 1, 3, 2), random(12, 4, 2, 3)); // size-1 batch axis
    }

    @Test
    void matmulWithVectors() {
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(13, 4), random(14, 4, 3));
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(15, 3, 4), random(16, 4));
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(17, 5), random(18, 5));
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(19, 4), random(20, 2, 4, 3));
    }

    @Test
    void matmulOnNonContiguousViews() {
        // transposed, permuted, sliced and broadcast operands reach matmul as views
        check(x -> Ops.matmul(Ops.transpose(x.get(0)), x.get(1)), random(21, 4, 3), random(22, 4, 2));
        check(x -> Ops.matmul(Ops.transpose(x.get(0), 1, 0, 2), Ops.transpose(x.get(1), 0, 2, 1)),
                random(23, 3, 2, 4), random(24, 2, 5, 4));
        check(x -> Ops.matmul(Ops.slice(x.get(0), new int[] {1, 0}, new int[] {2, 3}), x.get(1)), random(25, 4, 3), random(26, 3, 2));
        check(x -> Ops.matmul(Ops.broadcastTo(x.get(0), 3, 2, 4), x.get(1)), random(27, 2, 4), random(28, 3, 4, 2));
    }

    @Test
    void dotAndTensordot() {
        check(x -> Ops.dot(x.get(0), x.get(1)), random(30, 2, 3, 4), random(31, 5, 4, 2));
        check(x -> Ops.dot(x.get(0), x.get(1)), random(32, 3, 4), random(33, 4));
        check(x -> Ops.dot(x.get(0), x.get(1)), random(34, 3), Tensor.scalar(1.5f));
        check(x -> Ops.tensordot(x.get(0), x.get(1), new int[][] {{1, 0}, {0, 1}}), random(35, 3, 4, 2), random(36, 4, 3, 5));
        check(x -> Ops.tensordot(x.get(0), x.get(1), 1), random(37, 2, 3), random(38, 3, 4));
        check(x -> Ops.tensordot(Ops.transpose(x.get(0)), x.get(1), new int[][] {{0}, {0}}), random(39, 3, 4), random(40, 4, 2));
    }

    @Test
    void denseLayerOnSequencesGetsTheSummedWeightGradient() {
        // y = x (b, t, d) @ w (d, n); dL/dw = sum over b and t of x^T g, computed as one GEMM over b*t
        Tensor x = random(50, 3, 4, 5);
        Variable w = new Variable("w", random(51, 5, 2));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.matmul(x, w)), List.of(w)).get(0);
        }
        assertArrayEquals(new int[] {5, 2}, g.dims());
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int b = 0; b < 3; b++) for (int t = 0; t < 4; t++) s += x.get(b, t, i);
            assertEquals(s, g.get(i, 0), 1e-4);
            assertEquals(s, g.get(i, 1), 1e-4);
        }
    }
}
