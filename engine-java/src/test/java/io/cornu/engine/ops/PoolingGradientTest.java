package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    /**
     * At sizes where pooling runs in parallel (random normal inputs: no ties), the input gradient of
     * {@code sum(pool(x) * gy)} against direct loops: the max routes each {@code gy} to its window's
     * (first) maximum, the mean spreads it evenly over the window's input elements.
     */
    @Test
    void largerSizesMatchDirectLoops() {
        int saved = Parallelism.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Parallelism.setThreads(threads);
                for (String padding : new String[] {"valid", "same"}) {
                    for (int[] ps : new int[][] {{2, 2}, {3, 2}, {3, 1}}) {
                        Tensor x = random(80, 16, 13, 11, 32);
                        for (boolean max : new boolean[] {true, false}) {
                            int[] pool = {ps[0], ps[0]}, st = {ps[1], ps[1]};
                            Tensor gx, gy;
                            try (GradientTape tape = new GradientTape()) {
                                tape.watch(x);
                                Tensor y = max ? Ops.maxPool2d(x, pool, st, padding) : Ops.avgPool2d(x, pool, st, padding);
                                gy = random(81, y.dims());
                                gx = tape.gradient(Ops.sum(Ops.mul(y, gy)), List.of(x)).get(0);
                            }
                            ConvolutionTest.assertClose(directGradient(x, gy, ps[0], ps[1], padding, max), gx,
                                    (max ? "max" : "avg") + " threads=" + threads + " " + padding + " pool=" + ps[0] + " s=" + ps[1]);
                        }
                    }
                }
            }
        } finally {
            Parallelism.setThreads(saved);
        }
    }

    private static double[] directGradient(Tensor xt, Tensor gyt, int p, int s, String padding, boolean max) {
        int[] xs = xt.dims(), ys = gyt.dims();
        int b = xs[0], h = xs[1], w = xs[2], c = xs[3], oh = ys[1], ow = ys[2];
        int pt = ConvolutionTest.padBefore(h, oh, p, s, padding, 1), pl = ConvolutionTest.padBefore(w, ow, p, s, padding, 1);
        float[] x = xt.toFloatArray(), gy = gyt.toFloatArray();
        double[] dx = new double[x.length];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int ch = 0; ch < c; ch++) {
                        double g = gy[((n * oh + oy) * ow + ox) * c + ch];
                        int best = -1, count = 0;
                        for (int u = 0; u < p; u++) {
                            for (int v = 0; v < p; v++) {
                                int iy = oy * s - pt + u, ix = ox * s - pl + v;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                int i = ((n * h + iy) * w + ix) * c + ch;
                                if (best < 0 || x[i] > x[best]) best = i;
                                count++;
                            }
                        }
                        if (max) {
                            dx[best] += g;
                        } else {
                            for (int u = 0; u < p; u++) {
                                for (int v = 0; v < p; v++) {
                                    int iy = oy * s - pt + u, ix = ox * s - pl + v;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) dx[((n * h + iy) * w + ix) * c + ch] += g / count;
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }
}
