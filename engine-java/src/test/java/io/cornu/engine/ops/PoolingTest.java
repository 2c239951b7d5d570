package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Max and average pooling against direct loops written here (Keras output sizes, TensorFlow's
 * "same" split; padded taps are skipped by the max and not counted by the mean).
 */
class PoolingTest {

    /** Direct pooling; {@code max} or mean over the in-bounds taps of each window. */
    static double[] naivePool(Tensor xt, int ph, int pw, int sh, int sw, String padding, boolean max) {
        int[] s = xt.dims();
        int b = s[0], h = s[1], w = s[2], c = s[3];
        int oh = ConvolutionTest.outLength(h, ph, sh, padding, 1), ow = ConvolutionTest.outLength(w, pw, sw, padding, 1);
        int pt = ConvolutionTest.padBefore(h, oh, ph, sh, padding, 1), pl = ConvolutionTest.padBefore(w, ow, pw, sw, padding, 1);
        float[] x = xt.toFloatArray();
        double[] y = new double[b * oh * ow * c];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int ch = 0; ch < c; ch++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int u = 0; u < ph; u++) {
                            for (int v = 0; v < pw; v++) {
                                int iy = oy * sh - pt + u, ix = ox * sw - pl + v;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                double val = x[((n * h + iy) * w + ix) * c + ch];
                                acc = max ? Math.max(acc, val) : acc + val;
                                count++;
                            }
                        }
                        y[((n * oh + oy) * ow + ox) * c + ch] = max ? acc : acc / count;
                    }
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "x({0},{1},{2},{3}) pool({4},{5}) s=({6},{7}) {8}")
    @CsvSource({
            // b, h, w, c, ph, pw, sh, sw, padding
            "2, 6, 6, 3, 2, 2, 2, 2, valid",
            "2, 7, 5, 3, 2, 2, 2, 2, valid",
            "2, 7, 5, 3, 2, 2, 2, 2, same",
            "1, 7, 7, 2, 3, 3, 2, 2, same",
            "2, 6, 7, 4, 3, 2, 1, 1, same",
            "3, 9, 8, 2, 3, 3, 3, 2, valid",
            "1, 5, 5, 1, 2, 2, 3, 3, same",
            "2, 8, 8, 5, 4, 4, 1, 1, same",
            "16, 26, 26, 32, 2, 2, 2, 2, valid",
    })
    void poolingMatchesDirectLoops(int b, int h, int w, int c, int ph, int pw, int sh, int sw, String padding) {
        Tensor x = random(h * 7 + c, b, h, w, c);
        int oh = ConvolutionTest.outLength(h, ph, sh, padding, 1), ow = ConvolutionTest.outLength(w, pw, sw, padding, 1);
        Tensor max = Ops.maxPool2d(x, new int[] {ph, pw}, new int[] {sh, sw}, padding);
        Tensor avg = Ops.avgPool2d(x, new int[] {ph, pw}, new int[] {sh, sw}, padding);
        assertArrayEquals(new int[] {b, oh, ow, c}, max.dims());
        assertArrayEquals(new int[] {b, oh, ow, c}, avg.dims());
        ConvolutionTest.assertClose(naivePool(x, ph, pw, sh, sw, padding, true), max, "max_pool2d");
        ConvolutionTest.assertClose(naivePool(x, ph, pw, sh, sw, padding, false), avg, "average_pool2d");
    }

    @Test
    void pooling1dMatchesDirectLoops() {
        Tensor x = random(3, 2, 11, 3);
        for (String padding : new String[] {"valid", "same"}) {
            for (int[] ps : new int[][] {{2, 2}, {3, 2}, {3, 1}, {2, 3}}) {
                int ow = ConvolutionTest.outLength(11, ps[0], ps[1], padding, 1);
                Tensor max = Ops.maxPool1d(x, ps[0], ps[1], padding);
                Tensor avg = Ops.avgPool1d(x, ps[0], ps[1], padding);
                assertArrayEquals(new int[] {2, ow, 3}, max.dims());
                ConvolutionTest.assertClose(naivePool(x.reshape(2, 1, 11, 3), 1, ps[0], 1, ps[1], padding, true), max, "max_pool1d");
                ConvolutionTest.assertClose(naivePool(x.reshape(2, 1, 11, 3), 1, ps[0], 1, ps[1], padding, false), avg, "average_pool1d");
            }
        }
    }

    @Test
    void sameAveragePoolingDividesByTheValidCount() {
        // 3x3 input 1..9, 2x2 windows at stride 2, "same": one row/column of padding after.
        // TensorFlow/Keras: [[mean(1,2,4,5), mean(3,6)], [mean(7,8), mean(9)]] = [[3, 4.5], [7.5, 9]].
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, Ops.avgPool2d(x, new int[] {2, 2}, null, "same").toFloatArray());
        assertArrayEquals(new float[] {5, 6, 8, 9}, Ops.maxPool2d(x, new int[] {2, 2}, null, "same").toFloatArray());
        // Negative values: padding never wins a max.
        Tensor neg = Ops.neg(x);
        assertArrayEquals(new float[] {-1, -3, -7, -9}, Ops.maxPool2d(neg, new int[] {2, 2}, null, "same").toFloatArray());
        assertArrayEquals(new float[] {1.5f, 3.5f}, Ops.avgPool1d(Tensor.wrap(new float[] {1, 2, 3, 4, 5}, 1, 5, 1), 2, 2, "valid").toFloatArray());
        assertArrayEquals(new float[] {1.5f, 3.5f, 5}, Ops.avgPool1d(Tensor.wrap(new float[] {1, 2, 3, 4, 5}, 1, 5, 1), 2, 2, "same").toFloatArray());
    }

    @Test
    void defaultsAndShapesFollowKeras() {
        // MaxPooling2D(2) in the book's convnet: 26 -> 13, 11 -> 5 (floor).
        assertArrayEquals(new int[] {4, 13, 13, 32}, Ops.maxPool2d(Tensor.zeros(4, 26, 26, 32), 2).dims());
        assertArrayEquals(new int[] {4, 5, 5, 64}, Ops.maxPool2d(Tensor.zeros(4, 11, 11, 64), 2).dims());
        assertArrayEquals(new int[] {1, 6, 6, 1}, Ops.avgPool2d(Tensor.zeros(1, 11, 11, 1), new int[] {2, 2}, null, "same").dims());
        assertArrayEquals(new int[] {2, 3, 4}, Ops.maxPool1d(Tensor.zeros(2, 7, 4), 2).dims());
        assertArrayEquals(new int[] {2, 4, 4}, Ops.avgPool1d(Tensor.zeros(2, 7, 4), 2, 2, "same").dims());
        assertEquals(5, Ops.convOutputLength(11, 2, 2, "valid", 1));
    }

    @Test
    void poolingOnNonContiguousViews() {
        Tensor x = random(9, 2, 3, 6, 5).permute(0, 2, 3, 1); // (2, 6, 5, 3)
        ConvolutionTest.assertClose(naivePool(x.copy(), 2, 2, 2, 2, "same", true), Ops.maxPool2d(x, new int[] {2, 2}, null, "same"), "max on view");
        ConvolutionTest.assertClose(naivePool(x.copy(), 3, 3, 1, 1, "same", false), Ops.avgPool2d(x, new int[] {3, 3}, new int[] {1, 1}, "same"), "avg on view");
    }

    @Test
    void maxPoolingTiesPickTheFirstElement() {
        // Gradient goes to exactly one element of a tied window: the first in row-major order.
        Tensor x = Tensor.wrap(new float[] {1, 1, 1, 1}, 1, 2, 2, 1);
        try (io.cornu.engine.autodiff.GradientTape tape = new io.cornu.engine.autodiff.GradientTape()) {
            tape.watch(x);
            Tensor g = tape.gradient(Ops.sum(Ops.maxPool2d(x, 2)), java.util.List.of(x)).get(0);
            assertArrayEquals(new float[] {1, 0, 0, 0}, g.toFloatArray());
        }
    }

    @Test
    void badInputNamesTheOpAndArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool2d(Tensor.zeros(5, 5, 3), 2));
        assertEquals("max_pool2d: expected an input of rank 4 (batch, height, width, channels). Received: input shape (5, 5, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.avgPool2d(Tensor.zeros(1, 5, 5, 3), new int[] {2, 2}, null, "causal"));
        assertEquals("average_pool2d: invalid padding \"causal\". Expected one of \"valid\", \"same\". Received: padding=causal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool2d(Tensor.zeros(1, 5, 5, 3), new int[] {2, 0}, null, "valid"));
        assertEquals("max_pool2d: expected pool_size > 0. Received: pool_size=(2, 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool1d(Tensor.zeros(1, 5, 3), 2, 0, "valid"));
        assertEquals("max_pool1d: expected strides > 0. Received: strides=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool2d(Tensor.zeros(1, 1, 5, 3), 2));
        assertEquals("max_pool2d: the output would be empty (size 0x2): the input is smaller than the window 2x2 with padding \"valid\". "
                + "Received: input shape (1, 1, 5, 3), pool_size=(2, 2), strides=(2, 2)", e.getMessage());
    }
}
