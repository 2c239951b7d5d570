package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;

/**
 * Tape gradients of pooling against central finite differences (GradCheck: float32, step
 * {@code h = 1e-2}, tolerance 1e-2).
 *
 * <p>Max pooling is only differentiable away from ties: if two elements of a window were within
 * {@code h} of each other, the difference quotient would straddle a change of the arg-max and
 * measure neither side's derivative. Its inputs are therefore distinct multiples of 0.05 in random
 * order, so every perturbation of {@code ±h} keeps each window's maximum where it was.
 */
class PoolingGradientTest {

    /** A shuffled {@code 0.05 * [0, n)} in the given shape, centred near zero: no two values within 0.05. */
    static Tensor distinct(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) d[i] = 0.05f * (i - d.length / 2);
        Random r = new Random(seed);
        for (int i = d.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return t;
    }

    @Test
    void maxPool2d() {
        check(t -> Ops.maxPool2d(t.get(0), 2), distinct(1, 2, 4, 6, 3));
        check(t -> Ops.maxPool2d(t.get(0), new int[] {2, 2}, null, "same"), distinct(2, 2, 5, 5, 2));
        // overlapping windows: one input can be the maximum of several outputs
        check(t -> Ops.maxPool2d(t.get(0), new int[] {3, 3}, new int[] {2, 2}, "same"), distinct(3, 1, 7, 6, 2));
        check(t -> Ops.maxPool2d(t.get(0), new int[] {2, 3}, new int[] {1, 1}, "valid"), distinct(4, 2, 4, 5, 2));
    }

    @Test
    void maxPool1d() {
        check(t -> Ops.maxPool1d(t.get(0), 2), distinct(5, 2, 7, 3));
        check(t -> Ops.maxPool1d(t.get(0), 3, 1, "same"), distinct(6, 2, 6, 2));
    }

    @Test
    void avgPool2d() {
        check(t -> Ops.avgPool2d(t.get(0), 2), random(10, 2, 4, 6, 3));
        check(t -> Ops.avgPool2d(t.get(0), new int[] {2, 2}, null, "same"), random(11, 2, 5, 5, 2));
        check(t -> Ops.avgPool2d(t.get(0), new int[] {3, 3}, new int[] {2, 2}, "same"), random(12, 1, 7, 6, 2));
        check(t -> Ops.avgPool2d(t.get(0), new int[] {2, 3}, new int[] {1, 2}, "valid"), random(13, 2, 4, 7, 2));
    }

    @Test
    void avgPool1d() {
        check(t -> Ops.avgPool1d(t.get(0), 2), random(14, 2, 7, 3));
        check(t -> Ops.avgPool1d(t.get(0), 3, 2, "same"), random(15, 2, 8, 2));
    }
}
