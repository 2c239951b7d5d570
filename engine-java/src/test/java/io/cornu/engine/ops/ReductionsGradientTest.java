package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Tape gradients of the reductions, cumsum and topK against central finite differences (step
 * 1e-2). For max, min, norms with |x| and topK, the inputs are chosen with distinct values more
 * than 2h apart (and away from 0 under |x|), so that no perturbation changes which element is
 * selected and no difference quotient straddles a kink.
 */
class ReductionsGradientTest {
    /** Distinct values, pairwise more than 0.05 apart and away from 0. */
    private static final Tensor DISTINCT = Tensor.of(new float[][] {
            {0.2f, -0.6f, -1f, 0.9f}, {0.4f, -1.5f, 1.8f, 0.3f}, {0.65f, -1.9f, 0.5f, 0.1f}});

    @Test
    void sumAndMeanOverAxes() {
        check(x -> Ops.sum(x.get(0)), random(20, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {0}, false), random(21, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {-1}, true), random(22, 2, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {0, 2}, false), random(23, 2, 3, 4));
        check(x -> Ops.mean(x.get(0), 1), random(24, 3, 5));
        check(x -> Ops.mean(x.get(0), new int[] {0, 2}, true), random(25, 2, 3, 4));
        // a reduction feeding a broadcast: x - mean(x) over rows
        check(x -> Ops.sub(x.get(0), Ops.mean(x.get(0), new int[] {1}, true)), random(26, 3, 4));
    }

    @Test
    void maxAndMin() {
        check(x -> Ops.max(x.get(0), new int[] {1}, false), DISTINCT);
        check(x -> Ops.max(x.get(0), new int[] {0}, true), DISTINCT);
        check(x -> Ops.min(x.get(0), new int[] {1}, false), DISTINCT);
        check(x -> Ops.min(x.get(0)), DISTINCT);
        check(x -> Ops.max(x.get(0), new int[] {0, 2}, false), DISTINCT.reshape(3, 2, 2));
    }

    @Test
    void tiesShareTheGradientOfMaxAndMin() {
        Variable x = new Variable("x", Tensor.of(new float[] {1, 3, 3, -2, -2}));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape(true)) {
            Tensor y = Ops.add(Ops.max(x), Ops.mul(Ops.min(x), 10f));
            g = tape.gradient(y, List.of(x));
        }
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 5, 5}, g.get(0).toFloatArray());
    }

    @Test
    void prod() {
        check(x -> Ops.prod(x.get(0), 1), random(30, 3, 4));
        check(x -> Ops.prod(x.get(0), new int[] {0, 2}, true), random(31, 2, 3, 2));
        check(x -> Ops.prod(x.get(0)), random(32, 5));
        // zeros: the product is a polynomial, so finite differences are exact here too
        check(x -> Ops.prod(x.get(0), 1), Tensor.of(new float[][] {{2, 0, 3}, {0, 4, 0}, {1, 5, 6}}));
    }

    @Test
    void prodGradientIsExactWithZeros() {
        Variable x = new Variable("x", Tensor.of(new float[][] {{2, 0, 3}, {0, 4, 0}, {1, 5, 6}}));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.prod(x, 1)), List.of(x)).get(0);
        }
        // one zero: only the zero gets the product of the others; two zeros: all 0; none: prod / x
        assertArrayEquals(new float[] {0, 6, 0, 0, 0, 0, 30, 6, 5}, g.toFloatArray());
    }

    @Test
    void varianceStdAndNorms() {
        check(x -> Ops.variance(x.get(0), 1), random(40, 3, 5));
        check(x -> Ops.variance(x.get(0), new int[] {0, 2}, true), random(41, 2, 3, 4));
        check(x -> Ops.std(x.get(0), 0), random(42, 4, 3));
        check(x -> Ops.norm(x.get(0)), random(43, 3, 4));
        check(x -> Ops.norm(x.get(0), new int[] {1}, true), random(44, 3, 4));
        check(x -> Ops.norm(x.get(0), 1, new int[] {1}, false), DISTINCT);
        check(x -> Ops.norm(x.get(0), Double.POSITIVE_INFINITY, new int[] {0}, false), DISTINCT);
        check(x -> Ops.norm(x.get(0), 3, new int[] {1}, false), DISTINCT);
        check(x -> Ops.norm(x.get(0), "fro", null, false), random(45, 3, 4));
        // matrix 1- and inf-norms: column / row sums of DISTINCT are more than 2h apart
        check(x -> Ops.norm(x.get(0), 1, null, false), DISTINCT);
        check(x -> Ops.norm(x.get(0), Double.POSITIVE_INFINITY, null, false), DISTINCT);
    }

    @Test
    void logSumExp() {
        check(x -> Ops.logSumExp(x.get(0)), random(50, 3, 4));
        check(x -> Ops.logSumExp(x.get(0), new int[] {1}, false), random(51, 3, 4));
        check(x -> Ops.logSumExp(x.get(0), new int[] {0, 2}, true), random(52, 2, 3, 4));
    }

    @Test
    void logSumExpGradientIsSoftmaxEvenForLargeValues() {
        Variable x = new Variable("x", Tensor.of(new float[] {1000, 1001, 1002}));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.logSumExp(x), List.of(x)).get(0);
        }
        double z = 1 + Math.E + Math.E * Math.E;
        assertArrayEquals(new float[] {(float) (1 / z), (float) (Math.E / z), (float) (Math.E * Math.E / z)}, g.toFloatArray(), 1e-6f);
    }

    @Test
    void cumsum() {
        check(x -> Ops.cumsum(x.get(0), 1), random(60, 3, 4));
        check(x -> Ops.cumsum(x.get(0), 0), random(61, 3, 2, 2));
        check(x -> Ops.cumsum(x.get(0)), random(62, 2, 3));
        check(x -> Ops.cumsum(Ops.transpose(x.get(0)), -1), random(63, 3, 4));
    }

    @Test
    void topKValues() {
        check(x -> Ops.topK(x.get(0), 2).values(), DISTINCT);
        check(x -> Ops.topK(x.get(0), 3).values(), DISTINCT.reshape(4, 3)); // k = n: a full sort
        Variable x = new Variable("x", Tensor.of(new float[] {1, 5, 3, 4}));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            TopK top = Ops.topK(x, 2);
            g = tape.gradient(Ops.sum(Ops.mul(top.values(), Tensor.of(new float[] {10, 1}))), List.of(x)).get(0);
        }
        assertArrayEquals(new float[] {0, 10, 0, 1}, g.toFloatArray());
    }
}
