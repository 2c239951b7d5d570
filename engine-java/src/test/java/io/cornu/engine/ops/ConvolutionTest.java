package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forward values and shapes of the convolution ops against direct reference loops written here in
 * double precision (over output pixels, taps and channels, sharing nothing with the im2col + GEMM
 * code), with output sizes and "same" padding from Keras' formulas.
 */
class ConvolutionTest {

    // ---- reference ------------------------------------------------------------------------------------

    /** Keras' {@code conv_output_length}. */
    static int outLength(int in, int k, int stride, String padding, int dilation) {
        int kEff = (k - 1) * dilation + 1;
        return padding.equals("valid") ? (in - kEff) / stride + 1 : (in + stride - 1) / stride;
    }

    /** Padding before the first element, as TensorFlow. */
    static int padBefore(int in, int out, int k, int stride, String padding, int dilation) {
        int kEff = (k - 1) * dilation + 1;
        return switch (padding) {
            case "same" -> Math.max((out - 1) * stride + kEff - in, 0) / 2;
            case "causal" -> kEff - 1;
            default -> 0;
        };
    }

    /**
     * Direct 2-D convolution, channels-last, kernel (kh, kw, in, out), explicit output size and
     * leading padding; taps outside the input count as zero.
     */
    static double[] naiveConv2d(Tensor xt, Tensor wt, int sh, int sw, int dh, int dw, int oh, int ow, int pt, int pl) {
        int[] xs = xt.dims(), ws = wt.dims();
        int b = xs[0], h = xs[1], w = xs[2], cin = xs[3], kh = ws[0], kw = ws[1], cout = ws[3];
        float[] x = xt.toFloatArray(), k = wt.toFloatArray();
        double[] y = new double[b * oh * ow * cout];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int o = 0; o < cout; o++) {
                        double s = 0;
                        for (int ky = 0; ky < kh; ky++) {
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * sh - pt + ky * dh, ix = ox * sw - pl + kx * dw;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                for (int c = 0; c < cin; c++) {
                                    s += (double) x[((n * h + iy) * w + ix) * cin + c] * k[((ky * kw + kx) * cin + c) * cout + o];
                                }
                            }
                        }
                        y[((n * oh + oy) * ow + ox) * cout + o] = s;
                    }
                }
            }
        }
        return y;
    }

    /** Direct depthwise 2-D convolution, kernel (kh, kw, in, multiplier), output channel c * multiplier + m. */
    static double[] naiveDepthwise2d(Tensor xt, Tensor wt, int sh, int sw, int dh, int dw, int oh, int ow, int pt, int pl) {
        int[] xs = xt.dims(), ws = wt.dims();
        int b = xs[0], h = xs[1], w = xs[2], cin = xs[3], kh = ws[0], kw = ws[1], dm = ws[3];
        float[] x = xt.toFloatArray(), k = wt.toFloatArray();
        double[] y = new double[b * oh * ow * cin * dm];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int c = 0; c < cin; c++) {
                        for (int m = 0; m < dm; m++) {
                            double s = 0;
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * sh - pt + ky * dh, ix = ox * sw - pl + kx * dw;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                    s += (double) x[((n * h + iy) * w + ix) * cin + c] * k[((ky * kw + kx) * cin + c) * dm + m];
                                }
                            }
                            y[(((n * oh + oy) * ow + ox) * cin + c) * dm + m] = s;
                        }
                    }
                }
            }
        }
        return y;
    }

    /**
     * Direct transposed convolution as a scatter: input pixel (i, j) adds {@code x * kernel[u, v, o, c]}
     * to output pixel {@code (i * sh - pt + u * dh, j * sw - pl + v * dw)}; kernel (kh, kw, out, in).
     */
    static double[] naiveConv2dTranspose(Tensor xt, Tensor wt, int sh, int sw, int dh, int dw, int oh, int ow, int pt, int pl) {
        int[] xs = xt.dims(), ws = wt.dims();
        int b = xs[0], h = xs[1], w = xs[2], cin = xs[3], kh = ws[0], kw = ws[1], cout = ws[2];
        float[] x = xt.toFloatArray(), k = wt.toFloatArray();
        double[] y = new double[b * oh * ow * cout];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            int oy = i * sh - pt + u * dh, ox = j * sw - pl + v * dw;
                            if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) continue;
                            for (int o = 0; o < cout; o++) {
                                for (int c = 0; c < cin; c++) {
                                    y[((n * oh + oy) * ow + ox) * cout + o] +=
                                            (double) x[((n * h + i) * w + j) * cin + c] * k[((u * kw + v) * cout + o) * cin + c];
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    static void assertClose(double[] expected, Tensor actual, String what) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, what + ": size");
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], 1e-4 * (1 + Math.abs(expected[i])), what + ": element " + i);
        }
    }

    // ---- conv2d -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x({0},{1},{2},{3}) k({4},{5},{3},{6}) s=({7},{8}) d=({9},{10}) {11}")
    @CsvSource({
            // b, h, w, cin, kh, kw, cout, sh, sw, dh, dw, padding
            "2, 7, 6, 3, 3, 3, 4, 1, 1, 1, 1, valid",
            "2, 7, 6, 3, 3, 2, 5, 2, 1, 1, 1, same",
            "3, 9, 8, 2, 3, 3, 4, 1, 1, 2, 2, same",
            "2, 9, 11, 2, 3, 3, 3, 1, 1, 2, 1, valid",
            "1, 10, 11, 4, 2, 3, 3, 2, 3, 1, 1, valid",
            "2, 8, 8, 3, 4, 4, 2, 2, 2, 1, 1, same",
            "2, 5, 5, 3, 1, 1, 6, 1, 1, 1, 1, valid",
            "2, 6, 7, 3, 1, 1, 2, 2, 2, 1, 1, same",
            "1, 4, 4, 2, 5, 5, 3, 1, 1, 1, 1, same",
            "2, 11, 9, 3, 3, 3, 2, 2, 2, 2, 2, valid",
            "2, 11, 9, 3, 3, 3, 2, 2, 2, 2, 2, same",
            "8, 16, 16, 8, 3, 3, 16, 1, 1, 1, 1, same",
            "3, 13, 13, 5, 3, 3, 7, 1, 1, 1, 1, valid",
    })
    void conv2dMatchesDirectLoops(int b, int h, int w, int cin, int kh, int kw, int cout,
                                  int sh, int sw, int dh, int dw, String padding) {
        Tensor x = random(h * 31 + w, b, h, w, cin);
        Tensor k = random(kh * 7 + cout, kh, kw, cin, cout);
        int oh = outLength(h, kh, sh, padding, dh), ow = outLength(w, kw, sw, padding, dw);
        double[] expected = naiveConv2d(x, k, sh, sw, dh, dw, oh, ow,
                padBefore(h, oh, kh, sh, padding, dh), padBefore(w, ow, kw, sw, padding, dw));
        Tensor y = Ops.conv2d(x, k, new int[] {sh, sw}, padding, new int[] {dh, dw});
        assertArrayEquals(new int[] {b, oh, ow, cout}, y.dims());
        assertClose(expected, y, "conv2d");

        // The same in chunks of one or two images (patch matrices built piecewise).
        int saved = Convolution.colsLimit;
        try {
            Convolution.colsLimit = 2 * oh * ow * kh * kw * cin - 1;
            assertClose(expected, Ops.conv2d(x, k, new int[] {sh, sw}, padding, new int[] {dh, dw}), "conv2d in chunks");
        } finally {
            Convolution.colsLimit = saved;
        }
    }

    @Test
    void conv2dHandComputed() {
        // 3x3 input 1..9, 2x2 kernel [[1, 0], [0, -1]]: y = x[i, j] - x[i+1, j+1] = -4 everywhere.
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        Tensor k = Tensor.wrap(new float[] {1, 0, 0, -1}, 2, 2, 1, 1);
        assertArrayEquals(new float[] {-4, -4, -4, -4}, Ops.conv2d(x, k).toFloatArray());
        // "same" with a 2x2 kernel pads one row and column after (TensorFlow's split): the last
        // row/column see zeros below/right.
        assertArrayEquals(new float[] {-4, -4, 3, -4, -4, 6, 7, 8, 9}, Ops.conv2d(x, k, 1, "same").toFloatArray());
    }

    @Test
    void conv2dOnNonContiguousViews() {
        Tensor base = random(5, 2, 3, 6, 5); // (b, c, h, w) -> permuted to channels-last
        Tensor x = base.permute(0, 2, 3, 1);
        Tensor k = random(6, 4, 3, 3, 3).permute(1, 2, 3, 0); // (3, 3, 3, 4) view
        Tensor y = Ops.conv2d(x, k, 1, "same");
        assertClose(naiveConv2d(x.copy(), k.copy(), 1, 1, 1, 1, 6, 5, 1, 1), y, "conv2d on views");
    }

    @Test
    void outputShapesFollowKeras() {
        // The book's convnet: 28x28x1 -> 26x26x32 -> (pool) 13 -> 11x11x64 -> (pool) 5 -> 3x3x128
        assertArrayEquals(new int[] {1, 26, 26, 32}, Ops.conv2d(Tensor.zeros(1, 28, 28, 1), Tensor.zeros(3, 3, 1, 32)).dims());
        assertArrayEquals(new int[] {1, 11, 11, 64}, Ops.conv2d(Tensor.zeros(1, 13, 13, 32), Tensor.zeros(3, 3, 32, 64)).dims());
        assertArrayEquals(new int[] {1, 3, 3, 128}, Ops.conv2d(Tensor.zeros(1, 5, 5, 64), Tensor.zeros(3, 3, 64, 128)).dims());
        assertArrayEquals(new int[] {2, 4, 3, 8}, Ops.conv2d(Tensor.zeros(2, 7, 5, 3), Tensor.zeros(3, 3, 3, 8), 2, "same").dims());
        assertEquals(3, Ops.convOutputLength(7, 3, 2, "valid", 1));
        assertEquals(4, Ops.convOutputLength(7, 3, 2, "same", 1));
        assertEquals(3, Ops.convOutputLength(7, 3, 1, "valid", 2));
        assertEquals(7, Ops.convOutputLength(7, 3, 1, "causal", 2));
        assertEquals(Shape.NONE, Ops.convOutputLength(Shape.NONE, 3, 1, "valid", 1));
        assertEquals(14, Ops.convTransposeOutputLength(7, 3, 2, "same", null, 1));
        assertEquals(15, Ops.convTransposeOutputLength(7, 3, 2, "valid", null, 1));
        assertEquals(16, Ops.convTransposeOutputLength(7, 4, 2, "valid", null, 1));
        assertEquals(14, Ops.convTransposeOutputLength(7, 3, 2, "same", 1, 1));
        assertEquals(13, Ops.convTransposeOutputLength(7, 3, 2, "same", 0, 1));
        assertEquals(16, Ops.convTransposeOutputLength(7, 3, 2, "valid", 1, 1));
    }

    // ---- conv1d ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x({0},{1},{2}) k({3},{2},{4}) s={5} d={6} {7}")
    @CsvSource({
            "2, 9, 3, 3, 4, 1, 1, valid",
            "2, 9, 3, 3, 4, 2, 1, same",
            "3, 10, 2, 4, 3, 1, 1, same",
            "2, 9, 3, 3, 2, 1, 1, causal",
            "2, 12, 3, 3, 2, 1, 2, causal",
            "2, 11, 2, 2, 3, 2, 1, causal",
            "1, 13, 3, 3, 5, 2, 3, valid",
            "2, 7, 4, 1, 5, 1, 1, valid",
    })
    void conv1dMatchesDirectLoops(int b, int w, int cin, int kw, int cout, int s, int d, String padding) {
        Tensor x = random(w * 3 + cin, b, w, cin);
        Tensor k = random(kw * 5 + cout, kw, cin, cout);
        int ow = outLength(w, kw, s, padding, d);
        double[] expected = naiveConv2d(x.reshape(b, 1, w, cin), k.reshape(1, kw, cin, cout), 1, s, 1, d, 1, ow,
                0, padBefore(w, ow, kw, s, padding, d));
        Tensor y = Ops.conv1d(x, k, s, padding, d);
        assertArrayEquals(new int[] {b, ow, cout}, y.dims());
        assertClose(expected, y, "conv1d");
    }

    @Test
    void causalConv1dSeesOnlyThePast() {
        // kernel [1, 10, 100] over x = 1..4: y[t] = 100 x[t] + 10 x[t-1] + x[t-2]
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4}, 1, 4, 1);
        Tensor k = Tensor.wrap(new float[] {1, 10, 100}, 3, 1, 1);
        assertArrayEquals(new float[] {100, 210, 321, 432}, Ops.conv1d(x, k, 1, "causal", 1).toFloatArray());
        // dilation 2: y[t] = 100 x[t] + 10 x[t-2] + x[t-4]
        assertArrayEquals(new float[] {100, 200, 310, 420}, Ops.conv1d(x, k, 1, "CAUSAL", 2).toFloatArray());
    }

    // ---- depthwise --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x({0},{1},{2},{3}) k({4},{5},{3},{6}) s=({7},{8}) d=({9},{10}) {11}")
    @CsvSource({
            "2, 7, 6, 3, 3, 3, 1, 1, 1, 1, 1, valid",
            "2, 7, 6, 3, 3, 3, 2, 2, 2, 1, 1, same",
            "1, 9, 8, 4, 3, 2, 3, 1, 2, 2, 1, same",
            "2, 8, 8, 2, 4, 4, 1, 2, 2, 1, 1, same",
            "3, 6, 5, 5, 1, 1, 2, 1, 1, 1, 1, valid",
            "8, 16, 16, 8, 3, 3, 1, 1, 1, 1, 1, same",
    })
    void depthwiseConv2dMatchesDirectLoops(int b, int h, int w, int cin, int kh, int kw, int dm,
                                           int sh, int sw, int dh, int dw, String padding) {
        Tensor x = random(h * 13 + cin, b, h, w, cin);
        Tensor k = random(kh * 3 + dm, kh, kw, cin, dm);
        int oh = outLength(h, kh, sh, padding, dh), ow = outLength(w, kw, sw, padding, dw);
        double[] expected = naiveDepthwise2d(x, k, sh, sw, dh, dw, oh, ow,
                padBefore(h, oh, kh, sh, padding, dh), padBefore(w, ow, kw, sw, padding, dw));
        Tensor y = Ops.depthwiseConv2d(x, k, new int[] {sh, sw}, padding, new int[] {dh, dw});
        assertArrayEquals(new int[] {b, oh, ow, cin * dm}, y.dims());
        assertClose(expected, y, "depthwise_conv2d");
    }

    @Test
    void depthwiseConv1dMatchesDirectLoops() {
        Tensor x = random(70, 2, 9, 3);
        Tensor k = random(71, 3, 3, 2);
        for (String padding : new String[] {"valid", "same", "causal"}) {
            int ow = outLength(9, 3, 2, padding, 2);
            double[] expected = naiveDepthwise2d(x.reshape(2, 1, 9, 3), k.reshape(1, 3, 3, 2), 1, 2, 1, 2, 1, ow,
                    0, padBefore(9, ow, 3, 2, padding, 2));
            Tensor y = Ops.depthwiseConv1d(x, k, 2, padding, 2);
            assertArrayEquals(new int[] {2, ow, 6}, y.dims(), padding);
            assertClose(expected, y, "depthwise_conv1d " + padding);
        }
    }

    @Test
    void separableConvIsDepthwiseThenPointwise() {
        // What SeparableConv2D computes, against a full conv2d with the combined kernel
        // K[u, v, c, o] = sum_m depthwise[u, v, c, m] * pointwise[0, 0, c * dm + m, o].
        Tensor x = random(80, 2, 6, 6, 3);
        Tensor dwk = random(81, 3, 3, 3, 2);
        Tensor pwk = random(82, 1, 1, 6, 4);
        Tensor y = Ops.conv2d(Ops.depthwiseConv2d(x, dwk, 1, "same"), pwk);
        float[] d = dwk.toFloatArray(), p = pwk.toFloatArray();
        float[] full = new float[3 * 3 * 3 * 4];
        for (int uv = 0; uv < 9; uv++) {
            for (int c = 0; c < 3; c++) {
                for (int o = 0; o < 4; o++) {
                    double s = 0;
                    for (int m = 0; m < 2; m++) s += (double) d[(uv * 3 + c) * 2 + m] * p[(c * 2 + m) * 4 + o];
                    full[(uv * 3 + c) * 4 + o] = (float) s;
                }
            }
        }
        assertClose(naiveConv2d(x, Tensor.wrap(full, 3, 3, 3, 4), 1, 1, 1, 1, 6, 6, 1, 1), y, "separable");
    }

    // ---- transposed -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x({0},{1},{2},{3}) k({4},{5},{6},{3}) s=({7},{8}) {9} op={10} d={11}")
    @CsvSource({
            // b, h, w, cin, kh, kw, cout, sh, sw, padding, outputPadding (-1 = none), dilation
            "2, 4, 5, 3, 3, 3, 2, 2, 2, same, -1, 1",
            "2, 4, 5, 3, 3, 3, 2, 2, 2, valid, -1, 1",
            "1, 3, 3, 2, 4, 4, 3, 2, 2, same, -1, 1",
            "1, 3, 3, 2, 4, 4, 3, 2, 2, valid, -1, 1",
            "2, 5, 4, 2, 3, 2, 3, 1, 1, same, -1, 1",
            "2, 3, 4, 2, 2, 2, 3, 3, 3, valid, -1, 1",
            "2, 4, 4, 3, 3, 3, 2, 2, 2, same, 1, 1",
            "2, 4, 4, 3, 3, 3, 2, 2, 2, same, 0, 1",
            "2, 4, 4, 3, 3, 3, 2, 2, 2, valid, 1, 1",
            "1, 4, 4, 2, 3, 3, 2, 1, 1, same, -1, 2",
            "1, 4, 3, 2, 3, 3, 2, 2, 2, valid, -1, 2",
            "3, 5, 5, 4, 1, 1, 3, 1, 1, valid, -1, 1",
    })
    void conv2dTransposeIsTheAdjointOfConv2d(int b, int h, int w, int cin, int kh, int kw, int cout,
                                             int sh, int sw, String padding, int outputPadding, int d) {
        Tensor x = random(h * 17 + cin, b, h, w, cin);
        Tensor k = random(kh * 11 + cout, kh, kw, cout, cin);
        int[] op = outputPadding < 0 ? null : new int[] {outputPadding, outputPadding};
        Tensor y = Ops.conv2dTranspose(x, k, new int[] {sh, sw}, padding, op, new int[] {d, d});

        // Keras' deconv_output_length, written out.
        int ke = (kh - 1) * d + 1, kwe = (kw - 1) * d + 1;
        int oh, ow;
        if (op == null) {
            oh = padding.equals("valid") ? h * sh + Math.max(ke - sh, 0) : h * sh;
            ow = padding.equals("valid") ? w * sw + Math.max(kwe - sw, 0) : w * sw;
        } else {
            oh = (h - 1) * sh + ke - 2 * (padding.equals("same") ? ke / 2 : 0) + outputPadding;
            ow = (w - 1) * sw + kwe - 2 * (padding.equals("same") ? kwe / 2 : 0) + outputPadding;
        }
        assertArrayEquals(new int[] {b, oh, ow, cout}, y.dims());

        // Padding as TensorFlow: that of the forward convolution from (oh, ow) back to (h, w).
        int pt = padding.equals("same") ? Math.max((h - 1) * sh + ke - oh, 0) / 2 : 0;
        int pl = padding.equals("same") ? Math.max((w - 1) * sw + kwe - ow, 0) / 2 : 0;
        assertClose(naiveConv2dTranspose(x, k, sh, sw, d, d, oh, ow, pt, pl), y, "conv2d_transpose");

        // <convT(x), z> = <x, conv(z)> for the convolution with the same kernel (kh, kw, cout, cin),
        // which maps (oh, ow) back to (h, w) when no output padding changes the geometry.
        if (op == null) {
            Tensor z = random(5, b, oh, ow, cout);
            Tensor cz = Ops.conv2d(z, k, new int[] {sh, sw}, padding, new int[] {d, d});
            assertArrayEquals(x.dims(), cz.dims());
            assertEquals(dot(z, y), dot(x, cz), 1e-4 * (1 + Math.abs(dot(z, y))));
        }
    }

    private static double dot(Tensor a, Tensor b) {
        float[] x = a.toFloatArray(), y = b.toFloatArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
        return s;
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    @Test
    void badInputNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 4, 8)));
        assertEquals("conv2d: input has 3 channels but the kernel expects 4. Received: input shape (1, 5, 5, 3), kernel shape (3, 3, 4, 8)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv2d(Tensor.zeros(5, 5, 3), Tensor.zeros(3, 3, 3, 8)));
        assertEquals("conv2d: expected an input of rank 4 (batch, height, width, channels). Received: input shape (5, 5, 3), kernel shape (3, 3, 3, 8)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3)));
        assertEquals("conv2d: expected a kernel of rank 4 (kernel_height, kernel_width, in_channels, out_channels). "
                + "Received: input shape (1, 5, 5, 3), kernel shape (3, 3, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8), 1, "full"));
        assertEquals("conv2d: invalid padding \"full\". Expected one of \"valid\", \"same\". Received: padding=full", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8), 1, "causal"));
        assertEquals("conv2d: invalid padding \"causal\". Expected one of \"valid\", \"same\". Received: padding=causal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8), new int[] {0, 1}, "valid", new int[] {1, 1}));
        assertEquals("conv2d: expected strides > 0. Received: strides=(0, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8), new int[] {1, 1}, "valid", new int[] {1, -2}));
        assertEquals("conv2d: expected dilation_rate > 0. Received: dilation_rate=(1, -2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8), new int[] {1}, "valid", new int[] {1, 1}));
        assertEquals("conv2d: expected strides to have 2 values. Received: strides=1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv2d(Tensor.zeros(1, 2, 4, 3), Tensor.zeros(3, 3, 3, 8)));
        assertEquals("conv2d: the output would be empty (size 0x2): the input is smaller than the window 3x3 with padding \"valid\". "
                + "Received: input shape (1, 2, 4, 3), kernel shape (3, 3, 3, 8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv1d(Tensor.zeros(1, 5, 2), Tensor.zeros(3, 2, 4), 1, "valid", 3));
        assertEquals("conv1d: the output would be empty (size 0): the input is smaller than the dilated window 7 with padding \"valid\". "
                + "Received: input shape (1, 5, 2), kernel shape (3, 2, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.conv1d(Tensor.zeros(1, 5, 2), Tensor.zeros(3, 3, 4)));
        assertEquals("conv1d: input has 2 channels but the kernel expects 3. Received: input shape (1, 5, 2), kernel shape (3, 3, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.depthwiseConv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 2, 1), 1, "same"));
        assertEquals("depthwise_conv2d: input has 3 channels but the kernel expects 2. Received: input shape (1, 5, 5, 3), kernel shape (3, 3, 2, 1)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2dTranspose(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 8, 4), new int[] {2, 2}, "same"));
        assertEquals("conv2d_transpose: input has 3 channels but the kernel expects 4. Received: input shape (1, 5, 5, 3), kernel shape (3, 3, 8, 4)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2dTranspose(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 8, 3), new int[] {2, 2}, "same", new int[] {2, 0}, new int[] {1, 1}));
        assertEquals("conv2d_transpose: expected 0 <= output_padding < strides. Received: output_padding=(2, 0), strides=(2, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2d(Tensor.zeros(DType.INT32, 1, 5, 5, 3), Tensor.zeros(3, 3, 3, 8)));
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
    }
}
