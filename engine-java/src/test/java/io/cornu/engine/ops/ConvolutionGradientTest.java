package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiFunction;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tape gradients of the convolutions with respect to input and kernel against central finite
 * differences ({@link io.cornu.engine.testing.GradCheck}, float32, step 1e-2, tolerance 1e-2). Every
 * op is linear in each argument, so the difference quotient is exact up to rounding.
 */
class ConvolutionGradientTest {

    private static int[] two(int v) {
        return new int[] {v, v};
    }

    @Test
    void conv2d() {
        check(t -> Ops.conv2d(t.get(0), t.get(1)), random(1, 2, 5, 5, 2), random(2, 3, 3, 2, 3));
        check(t -> Ops.conv2d(t.get(0), t.get(1), 2, "same"), random(3, 2, 6, 5, 2), random(4, 3, 3, 2, 2));
        check(t -> Ops.conv2d(t.get(0), t.get(1), two(1), "same", two(2)), random(5, 1, 6, 6, 2), random(6, 3, 3, 2, 2));
        check(t -> Ops.conv2d(t.get(0), t.get(1), new int[] {2, 1}, "valid", new int[] {1, 2}), random(7, 2, 7, 6, 2), random(8, 2, 3, 2, 2));
        check(t -> Ops.conv2d(t.get(0), t.get(1), 1, "same"), random(9, 1, 5, 5, 2), random(10, 2, 2, 2, 3));
    }

    @Test
    void pointwiseConv2d() {
        check(t -> Ops.conv2d(t.get(0), t.get(1)), random(11, 2, 3, 3, 4), random(12, 1, 1, 4, 3));
        check(t -> Ops.conv2d(t.get(0), t.get(1), 2, "same"), random(13, 2, 3, 4, 3), random(14, 1, 1, 3, 2));
    }

    @Test
    void conv2dInChunks() {
        // Patch matrices of one image at a time: the kernel gradient rebuilds them chunk by chunk.
        int saved = Convolution.colsLimit;
        try {
            Convolution.colsLimit = 4 * 4 * 9 * 2;
            check(t -> Ops.conv2d(t.get(0), t.get(1), 1, "same"), random(15, 3, 4, 4, 2), random(16, 3, 3, 2, 2));
        } finally {
            Convolution.colsLimit = saved;
        }
    }

    @Test
    void conv1d() {
        check(t -> Ops.conv1d(t.get(0), t.get(1)), random(20, 2, 7, 2), random(21, 3, 2, 3));
        check(t -> Ops.conv1d(t.get(0), t.get(1), 2, "same", 1), random(22, 2, 8, 3), random(23, 3, 3, 2));
        check(t -> Ops.conv1d(t.get(0), t.get(1), 1, "causal", 2), random(24, 2, 8, 2), random(25, 3, 2, 2));
    }

    @Test
    void depthwiseConv() {
        check(t -> Ops.depthwiseConv2d(t.get(0), t.get(1), 2, "same"), random(30, 2, 5, 6, 3), random(31, 3, 3, 3, 1));
        check(t -> Ops.depthwiseConv2d(t.get(0), t.get(1), two(1), "valid", two(2)), random(32, 1, 6, 6, 2), random(33, 2, 3, 2, 2));
        check(t -> Ops.depthwiseConv1d(t.get(0), t.get(1), 1, "causal", 2), random(34, 2, 7, 2), random(35, 3, 2, 3));
    }

    @Test
    void conv2dTranspose() {
        check(t -> Ops.conv2dTranspose(t.get(0), t.get(1), two(2), "same"), random(40, 2, 3, 3, 2), random(41, 3, 3, 3, 2));
        check(t -> Ops.conv2dTranspose(t.get(0), t.get(1), two(2), "valid", two(1), two(1)), random(42, 1, 3, 4, 2), random(43, 3, 3, 2, 2));
        check(t -> Ops.conv2dTranspose(t.get(0), t.get(1), two(1), "same", null, two(2)), random(44, 1, 4, 4, 2), random(45, 3, 3, 2, 2));
        check(t -> Ops.conv2dTranspose(t.get(0), t.get(1), two(2), "same"), random(46, 1, 3, 3, 3), random(47, 4, 4, 2, 3));
        check(t -> Ops.conv2dTranspose(t.get(0), t.get(1), two(1), "valid"), random(48, 2, 3, 3, 3), random(49, 1, 1, 2, 3));
    }

    @Test
    void onlyTheNeededGradientIsComputed() {
        Tensor x = random(50, 2, 5, 5, 2);
        Variable k = new Variable("kernel", random(51, 3, 3, 2, 3));
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = Ops.sum(Ops.conv2d(x, k));
            List<Tensor> g = tape.gradient(loss, List.of(x, k));
            assertNull(g.get(0), "x is data: no gradient");
            assertNotNull(g.get(1));
            assertArrayEquals(k.dims(), g.get(1).dims());
        }
        Tensor k2 = random(52, 3, 3, 2, 3);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor loss = Ops.sum(Ops.conv2dTranspose(Ops.conv2d(x, k2), k2, two(1), "valid"));
            List<Tensor> g = tape.gradient(loss, List.of(x, k2));
            assertNotNull(g.get(0));
            assertNull(g.get(1), "kernel not watched: no gradient");
        }
    }

    @Test
    void broadcastOutputGradient() {
        // sum's gradient reaches the conv as a stride-0 broadcast view; it must read like ones.
        Tensor x = random(60, 2, 4, 4, 2), k = random(61, 3, 3, 2, 2);
        List<Tensor> viaSum, viaOnes;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            tape.watch(k);
            viaSum = tape.gradient(Ops.sum(Ops.conv2d(x, k, 1, "same")), List.of(x, k));
        }
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            tape.watch(k);
            viaOnes = tape.gradient(Ops.sum(Ops.mul(Ops.conv2d(x, k, 1, "same"), Tensor.ones(2, 4, 4, 2))), List.of(x, k));
        }
        for (int i = 0; i < 2; i++) {
            float[] a = viaSum.get(i).toFloatArray(), b = viaOnes.get(i).toFloatArray();
            for (int j = 0; j < a.length; j++) assertEquals(b[j], a[j], 1e-5);
        }
    }

    // ---- larger sizes, where the parallel and chunked paths run, against direct loops --------------

    /** Input and kernel gradients of {@code sum(f(x, k) * gy)} from the tape. */
    private static List<Tensor> tapeGradients(BiFunction<Tensor, Tensor, Tensor> f, Tensor x, Tensor k, long seed) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            tape.watch(k);
            Tensor y = f.apply(x, k);
            Tensor gy = random(seed, y.dims());
            List<Tensor> g = tape.gradient(Ops.sum(Ops.mul(y, gy)), List.of(x, k));
            return List.of(g.get(0), g.get(1), gy);
        }
    }

    /**
     * Direct gradients of {@code sum(conv(x, k) * gy)} for a 2-D convolution ({@code depthwise}
     * false: kernel (kh, kw, in, out)) or a depthwise one (kernel (kh, kw, in, multiplier)):
     * every (output pixel, tap) pair adds {@code gy * k} to dX and {@code gy * x} to dK.
     */
    private static double[][] directGradients(Tensor xt, Tensor kt, Tensor gyt, boolean depthwise, int s, String padding) {
        int[] xs = xt.dims(), ks = kt.dims(), ys = gyt.dims();
        int b = xs[0], h = xs[1], w = xs[2], cin = xs[3], kh = ks[0], kw = ks[1], oh = ys[1], ow = ys[2], cy = ys[3];
        int pt = ConvolutionTest.padBefore(h, oh, kh, s, padding, 1), pl = ConvolutionTest.padBefore(w, ow, kw, s, padding, 1);
        float[] x = xt.toFloatArray(), k = kt.toFloatArray(), gy = gyt.toFloatArray();
        double[] dx = new double[x.length], dk = new double[k.length];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            int iy = oy * s - pt + u, ix = ox * s - pl + v;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            int xi = ((n * h + iy) * w + ix) * cin, yi = ((n * oh + oy) * ow + ox) * cy, ki = (u * kw + v) * cin;
                            for (int c = 0; c < cin; c++) {
                                if (depthwise) {
                                    int dm = ks[3];
                                    for (int m = 0; m < dm; m++) {
                                        double g = gy[yi + c * dm + m];
                                        dx[xi + c] += g * k[(ki + c) * dm + m];
                                        dk[(ki + c) * dm + m] += g * x[xi + c];
                                    }
                                } else {
                                    for (int o = 0; o < cy; o++) {
                                        double g = gy[yi + o];
                                        dx[xi + c] += g * k[(ki + c) * cy + o];
                                        dk[(ki + c) * cy + o] += g * x[xi + c];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, dk};
    }

    @Test
    void gradientsAtLargerSizesMatchDirectLoops() {
        int savedThreads = Parallelism.threads(), savedLimit = Convolution.colsLimit;
        try {
            for (int threads : new int[] {1, 2}) {
                Parallelism.setThreads(threads);
                for (int limit : new int[] {savedLimit, 16 * 16 * 9 * 8 * 3}) { // whole batch, or chunks of 3 images
                    Convolution.colsLimit = limit;
                    for (String padding : new String[] {"same", "valid"}) {
                        for (int s : new int[] {1, 2}) {
                            String what = "threads=" + threads + " limit=" + limit + " " + padding + " s=" + s;
                            Tensor x = random(70, 8, 16, 15, 8), k = random(71, 3, 3, 8, 12);
                            List<Tensor> g = tapeGradients((a, b) -> Ops.conv2d(a, b, s, padding), x, k, 72);
                            double[][] d = directGradients(x, k, g.get(2), false, s, padding);
                            ConvolutionTest.assertClose(d[0], g.get(0), "conv2d dX " + what);
                            ConvolutionTest.assertClose(d[1], g.get(1), "conv2d dK " + what);

                            Tensor dk = random(73, 3, 3, 8, 2);
                            g = tapeGradients((a, b) -> Ops.depthwiseConv2d(a, b, s, padding), x, dk, 74);
                            d = directGradients(x, dk, g.get(2), true, s, padding);
                            ConvolutionTest.assertClose(d[0], g.get(0), "depthwise dX " + what);
                            ConvolutionTest.assertClose(d[1], g.get(1), "depthwise dK " + what);
                        }
                    }
                }
            }
        } finally {
            Parallelism.setThreads(savedThreads);
            Convolution.colsLimit = savedLimit;
        }
    }
}
