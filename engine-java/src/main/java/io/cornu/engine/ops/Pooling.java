package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.ops.ConvGeometry.PaddingMode;
import io.cornu.engine.tensor.Tensor;

/**
 * Channels-last max and average pooling as Keras computes them, and their gradients. Reached
 * through {@link Ops}.
 *
 * <p>Windows are read directly, channels innermost. With {@code "same"} padding, padded taps take
 * no part: a max ignores them (as TensorFlow's {@code -inf} padding) and an average divides by the
 * number of input elements under the window, as TensorFlow and Keras do. Max pooling keeps the
 * index of each output's maximum (the first one on ties) so that its gradient is a scatter.
 */
final class Pooling {
    /** Window reads per parallel chunk below which pooling stays on one thread. */
    private static final int PARALLEL_GRAIN = 1 << 15;

    private Pooling() {
    }

    static Tensor maxPool1d(Tensor x, int poolSize, int stride, String padding) {
        ConvGeometry g = geometry1d("max_pool1d", x, poolSize, stride, padding);
        return maxPool("max_pool1d", x, g, new int[] {g.batch(), g.outW(), g.outC()});
    }

    static Tensor maxPool2d(Tensor x, int[] poolSize, int[] strides, String padding) {
        ConvGeometry g = geometry2d("max_pool2d", x, poolSize, strides, padding);
        return maxPool("max_pool2d", x, g, new int[] {g.batch(), g.outH(), g.outW(), g.outC()});
    }

    static Tensor avgPool1d(Tensor x, int poolSize, int stride, String padding) {
        ConvGeometry g = geometry1d("average_pool1d", x, poolSize, stride, padding);
        return avgPool("average_pool1d", x, g, new int[] {g.batch(), g.outW(), g.outC()});
    }

    static Tensor avgPool2d(Tensor x, int[] poolSize, int[] strides, String padding) {
        ConvGeometry g = geometry2d("average_pool2d", x, poolSize, strides, padding);
        return avgPool("average_pool2d", x, g, new int[] {g.batch(), g.outH(), g.outW(), g.outC()});
    }

    // ---- geometry -----------------------------------------------------------------------------------------

    private static ConvGeometry geometry1d(String op, Tensor x, int poolSize, int stride, String padding) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException(op + ": expected an input of rank 3 (batch, steps, channels). Received: input shape " + x.shape());
        }
        ConvGeometry.requirePositive(op, "pool_size", poolSize);
        ConvGeometry.requirePositive(op, "strides", stride);
        PaddingMode pad = PaddingMode.parse(op, padding, false);
        int[] s = x.dims();
        return ConvGeometry.of(op, s[0], 1, s[1], s[2], 1, poolSize, 1, stride, 1, 1, pad, s[2],
                "input shape " + x.shape() + ", pool_size=" + poolSize + ", strides=" + stride);
    }

    private static ConvGeometry geometry2d(String op, Tensor x, int[] poolSize, int[] strides, String padding) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": expected an input of rank 4 (batch, height, width, channels). Received: input shape " + x.shape());
        }
        ConvGeometry.requireLength(op, "pool_size", poolSize, 2);
        ConvGeometry.requirePositive(op, "pool_size", poolSize);
        int[] st = strides == null ? poolSize : strides;
        ConvGeometry.requireLength(op, "strides", st, 2);
        ConvGeometry.requirePositive(op, "strides", st);
        PaddingMode pad = PaddingMode.parse(op, padding, false);
        int[] s = x.dims();
        return ConvGeometry.of(op, s[0], s[1], s[2], s[3], poolSize[0], poolSize[1], st[0], st[1], 1, 1, pad, s[3],
                "input shape " + x.shape() + ", pool_size=" + ConvGeometry.tuple(poolSize) + ", strides=" + ConvGeometry.tuple(st));
    }

    /** Output rows (image, oy) per parallel chunk. */
    private static int rowGrain(ConvGeometry g) {
        long perRow = Math.max(1L, (long) g.outW() * g.kh() * g.kw() * g.inC());
        return (int) Math.max(1, PARALLEL_GRAIN / perRow);
    }

    /** Images per parallel chunk. */
    private static int imageGrain(ConvGeometry g) {
        long perImage = Math.max(1L, (long) g.outH() * g.outW() * g.kh() * g.kw() * g.inC());
        return (int) Math.max(1, PARALLEL_GRAIN / perImage);
    }

    // ---- max ------------------------------------------------------------------------------------------------

    private static Tensor maxPool(String op, Tensor x, ConvGeometry g, int[] outShape) {
        float[] xd = Convolution.dense(x);
        int n = g.batch() * g.outSize();
        float[] y = new float[n];
        boolean recording = GradientTape.isRecording();
        int[] arg = recording ? new int[n] : null;
        int rows = g.batch() * g.outH();
        Parallelism.forRange(rows, rowGrain(g), (lo, hi) -> {
            for (int r = lo; r < hi; r++) maxRow(xd, g, r / g.outH(), r % g.outH(), y, arg);
        });
        Tensor out = Tensor.wrap(y, outShape);
        if (recording) {
            int[] xDims = x.dims();
            GradientTape.record(out, op, new Tensor[] {x}, (gy, needed) -> {
                if (!needed[0]) return new Tensor[] {null};
                float[] dy = Convolution.dense(gy);
                float[] dx = new float[g.batch() * g.inSize()];
                int perImage = g.outSize();
                // Scatter by image: maxima of one image all lie in that image's part of dx.
                Parallelism.forRange(g.batch(), Math.max(1, PARALLEL_GRAIN / Math.max(1, perImage)), (lo, hi) -> {
                    for (int j = lo * perImage; j < hi * perImage; j++) dx[arg[j]] += dy[j];
                });
                return new Tensor[] {Tensor.wrap(dx, xDims)};
            });
        }
        return out;
    }

    /**
     * Output row {@code oy} of image {@code b}: maxima, and their flat input indices when
     * {@code arg} is not null. Both loops are branch-free (selects), as the comparisons of random
     * data would mispredict half of the time.
     */
    private static void maxRow(float[] x, ConvGeometry g, int b, int oy, float[] y, int[] arg) {
        final int c = g.inC(), inW = g.inW(), kw = g.kw();
        int xImg = b * g.inSize();
        int yr = ((b * g.outH() + oy) * g.outW()) * c;
        int iy0 = oy * g.sh() - g.padTop();
        int ky0 = Math.max(0, -iy0), ky1 = Math.min(g.kh(), g.inH() - iy0);
        for (int ox = 0; ox < g.outW(); ox++, yr += c) {
            int ix0 = ox * g.sw() - g.padLeft();
            int kx0 = Math.max(0, -ix0), kx1 = Math.min(kw, inW - ix0);
            boolean first = true;
            for (int ky = ky0; ky < ky1; ky++) {
                for (int kx = kx0; kx < kx1; kx++) {
                    int xr = xImg + ((iy0 + ky) * inW + ix0 + kx) * c;
                    if (first) {
                        System.arraycopy(x, xr, y, yr, c);
                        if (arg != null) for (int i = 0; i < c; i++) arg[yr + i] = xr + i;
                        first = false;
                    } else if (arg == null) {
                        for (int i = 0; i < c; i++) y[yr + i] = Math.max(y[yr + i], x[xr + i]);
                    } else {
                        for (int i = 0; i < c; i++) {
                            float v = x[xr + i], cur = y[yr + i];
                            arg[yr + i] = v > cur ? xr + i : arg[yr + i];
                            y[yr + i] = Math.max(cur, v);
                        }
                    }
                }
            }
        }
    }

    // ---- average --------------------------------------------------------------------------------------------

    private static Tensor avgPool(String op, Tensor x, ConvGeometry g, int[] outShape) {
        float[] xd = Convolution.dense(x);
        float[] y = new float[g.batch() * g.outSize()];
        int rows = g.batch() * g.outH();
        Parallelism.forRange(rows, rowGrain(g), (lo, hi) -> {
            for (int r = lo; r < hi; r++) avgRow(xd, g, r / g.outH(), r % g.outH(), y);
        });
        Tensor out = Tensor.wrap(y, outShape);
        if (GradientTape.isRecording()) {
            int[] xDims = x.dims();
            GradientTape.record(out, op, new Tensor[] {x}, (gy, needed) -> {
                if (!needed[0]) return new Tensor[] {null};
                float[] dy = Convolution.dense(gy);
                float[] dx = new float[g.batch() * g.inSize()];
                // By image: windows of one image overlap, those of different images never do.
                Parallelism.forRange(g.batch(), imageGrain(g), (lo, hi) -> {
                    for (int b = lo; b < hi; b++) {
                        for (int oy = 0; oy < g.outH(); oy++) avgRowBackward(dy, g, b, oy, dx);
                    }
                });
                return new Tensor[] {Tensor.wrap(dx, xDims)};
            });
        }
        return out;
    }

    /** Output row {@code oy} of image {@code b}: means over the input elements under each window. */
    private static void avgRow(float[] x, ConvGeometry g, int b, int oy, float[] y) {
        final int c = g.inC(), inW = g.inW(), kw = g.kw();
        int xImg = b * g.inSize();
        int yr = ((b * g.outH() + oy) * g.outW()) * c;
        int iy0 = oy * g.sh() - g.padTop();
        int ky0 = Math.max(0, -iy0), ky1 = Math.min(g.kh(), g.inH() - iy0);
        for (int ox = 0; ox < g.outW(); ox++, yr += c) {
            int ix0 = ox * g.sw() - g.padLeft();
            int kx0 = Math.max(0, -ix0), kx1 = Math.min(kw, inW - ix0);
            for (int ky = ky0; ky < ky1; ky++) {
                for (int kx = kx0; kx < kx1; kx++) {
                    int xr = xImg + ((iy0 + ky) * inW + ix0 + kx) * c;
                    for (int i = 0; i < c; i++) y[yr + i] += x[xr + i];
                }
            }
            float scale = 1f / ((ky1 - ky0) * (kx1 - kx0));
            for (int i = 0; i < c; i++) y[yr + i] *= scale;
        }
    }

    private static void avgRowBackward(float[] dy, ConvGeometry g, int b, int oy, float[] dx) {
        final int c = g.inC(), inW = g.inW(), kw = g.kw();
        int xImg = b * g.inSize();
        int yr = ((b * g.outH() + oy) * g.outW()) * c;
        int iy0 = oy * g.sh() - g.padTop();
        int ky0 = Math.max(0, -iy0), ky1 = Math.min(g.kh(), g.inH() - iy0);
        for (int ox = 0; ox < g.outW(); ox++, yr += c) {
            int ix0 = ox * g.sw() - g.padLeft();
            int kx0 = Math.max(0, -ix0), kx1 = Math.min(kw, inW - ix0);
            float scale = 1f / ((ky1 - ky0) * (kx1 - kx0));
            for (int ky = ky0; ky < ky1; ky++) {
                for (int kx = kx0; kx < kx1; kx++) {
                    int xr = xImg + ((iy0 + ky) * inW + ix0 + kx) * c;
                    for (int i = 0; i < c; i++) dx[xr + i] += dy[yr + i] * scale;
                }
            }
        }
    }
}
