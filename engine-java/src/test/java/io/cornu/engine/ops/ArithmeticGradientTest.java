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
 * Tape gradients of the arithmetic and math ops against central finite differences
 * ({@link io.cornu.engine.testing.GradCheck}, step 1e-2). Where a function has a kink or a
 * singularity, the inputs stay more than the step away from it, so that no difference quotient
 * straddles it; each such case says why.
 */
class ArithmeticGradientTest {

    /** {@code |x| + 0.5}: inputs for log, sqrt, rsqrt and fractional powers, away from the singularity at 0. */
    private static Tensor positive(long seed, int... shape) {
        return Ops.add(Ops.abs(random(seed, shape)), 0.5f);
    }

    @Test
    void binaryOpsWithBroadcasting() {
        check(x -> Ops.add(x.get(0), x.get(1)), random(1, 3, 4), random(2, 4));
        check(x -> Ops.sub(x.get(0), x.get(1)), random(3, 2, 1, 3), random(4, 5, 1));
        check(x -> Ops.mul(x.get(0), x.get(1)), random(5, 3, 4), random(6, 3, 1));
        Tensor denom = Ops.add(Ops.square(random(8, 1, 4)), 1f);
        check(x -> Ops.div(x.get(0), x.get(1)), random(7, 3, 4), denom);
    }

    @Test
    void broadcastingBothWays() {
        // (3, 1, 4) with (5, 1) -> (3, 5, 4): each input's gradient sums over the axes it was repeated along
        check(x -> Ops.add(x.get(0), x.get(1)), random(9, 3, 1, 4), random(10, 5, 1));
        check(x -> Ops.sub(x.get(0), x.get(1)), random(11, 3, 1, 4), random(12, 5, 1));
        check(x -> Ops.mul(x.get(0), x.get(1)), random(13, 3, 1, 4), random(14, 5, 1));
        check(x -> Ops.div(x.get(0), x.get(1)), random(15, 3, 1, 4), positive(16, 5, 1));
        check(x -> Ops.pow(x.get(0), x.get(1)), positive(17, 3, 1, 4), random(18, 5, 1));
        // a scalar against a matrix
        check(x -> Ops.mul(x.get(0), x.get(1)), random(19), random(20, 2, 3));
    }

    @Test
    void broadcastGradientHasTheInputShapeAndSums() {
        Variable a = new Variable("a", Tensor.ones(3, 1, 4));
        Variable b = new Variable("b", Tensor.ones(5, 1));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.mul(a, Ops.mul(b, 2f))), List.of(a, b));
        }
        assertArrayEquals(new int[] {3, 1, 4}, g.get(0).dims());
        assertArrayEquals(new int[] {5, 1}, g.get(1).dims());
        for (float v : g.get(0).toFloatArray()) assertEquals(10f, v); // 5 repeats * 2
        for (float v : g.get(1).toFloatArray()) assertEquals(24f, v); // 3 * 4 repeats * 2
    }

    @Test
    void unaryMath() {
        check(x -> Ops.exp(x.get(0)), random(30, 2, 5));
        check(x -> Ops.expm1(x.get(0)), random(31, 2, 5));
        check(x -> Ops.log(x.get(0)), positive(32, 7));
        check(x -> Ops.log1p(x.get(0)), positive(33, 7));
        check(x -> Ops.sqrt(x.get(0)), positive(34, 7));
        check(x -> Ops.rsqrt(x.get(0)), positive(35, 7));
        check(x -> Ops.square(x.get(0)), random(36, 3, 3));
        check(x -> Ops.erf(x.get(0)), random(37, 3, 4));
        check(x -> Ops.mul(x.get(0), 3f), random(38, 4));
        check(x -> Ops.add(x.get(0), -2f), random(39, 4));
        check(x -> Ops.neg(x.get(0)), random(40, 4));
    }

    @Test
    void powers() {
        check(x -> Ops.pow(x.get(0), 3f), random(41, 6));      // integer power: any sign of base
        check(x -> Ops.pow(x.get(0), -2f), positive(42, 6));
        check(x -> Ops.pow(x.get(0), 0.5f), positive(43, 6));
        check(x -> Ops.pow(x.get(0), 2.7f), positive(44, 6));
        check(x -> Ops.pow(x.get(0), 0f), random(45, 4));      // constant: zero gradient
        // tensor exponent: both gradients, base > 0 so that log(base) exists
        check(x -> Ops.pow(x.get(0), x.get(1)), positive(46, 2, 3), random(47, 2, 3));
    }

    @Test
    void powExponentGradientIsZeroForNonPositiveBase() {
        Variable base = new Variable("base", Tensor.of(new float[] {-2f, 0f, 2f}));
        Variable e = new Variable("e", Tensor.of(new float[] {2f, 2f, 2f}));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.pow(base, e)), List.of(base, e));
        }
        assertArrayEquals(new float[] {-4f, 0f, 4f}, g.get(0).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0f, 0f, (float) (4 * Math.log(2))}, g.get(1).toFloatArray(), 1e-6f);
    }

    @Test
    void absAndSignAwayFromZero() {
        // abs has a kink at 0: |x| >= 0.05 keeps x +- h on one side
        Tensor x = Tensor.of(new float[] {-1.3f, -0.4f, -0.05f, 0.05f, 0.7f, 2f});
        check(v -> Ops.abs(v.get(0)), x);
        check(v -> Ops.sign(v.get(0)), x);
    }

    @Test
    void maximumAndMinimumWithBroadcasting() {
        // operands differ by more than 2h everywhere so that the finite difference never swaps them
        Tensor a = Tensor.of(new float[][] {{0.5f, -1f, 2f}, {-0.3f, 1.2f, 0.1f}});
        Tensor b = Tensor.of(new float[] {0.2f, 0.4f, -0.5f});
        check(x -> Ops.maximum(x.get(0), x.get(1)), a, b);
        check(x -> Ops.minimum(x.get(0), x.get(1)), a, b);
    }

    @Test
    void maximumTiesSendTheGradientToTheFirstOperand() {
        Variable a = new Variable("a", Tensor.of(new float[] {1f, 2f}));
        Variable b = new Variable("b", Tensor.of(new float[] {1f, 3f}));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.maximum(a, b)), List.of(a, b));
        }
        assertArrayEquals(new float[] {1f, 0f}, g.get(0).toFloatArray());
        assertArrayEquals(new float[] {0f, 1f}, g.get(1).toFloatArray());
    }

    @Test
    void clipAwayFromItsBounds() {
        // points more than h from -0.5 and 0.5, so the differences do not straddle the kinks
        check(x -> Ops.clip(x.get(0), -0.5f, 0.5f), Tensor.of(new float[] {-1.2f, -0.3f, 0.1f, 0.45f - 0.1f, 0.9f}));
    }

    @Test
    void largeTensorGradientOnTheParallelPath() {
        int n = 2 * Elementwise.PARALLEL_ELEMENTS + 3;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) Math.cos(i * 0.01) * 3;
        Variable x = new Variable("x", Tensor.wrap(v, n));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.sqrt(Ops.add(Ops.square(x), 1f))), List.of(x)).get(0);
        }
        float[] gd = g.toFloatArray();
        for (int i = 0; i < n; i += 997) assertEquals(v[i] / Math.sqrt(v[i] * v[i] + 1), gd[i], 1e-6);
    }
}
