package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.ops.ConvGeometry.PaddingMode;
import io.cornu.engine.tensor.Tensor;

/**
 * Channels-last convolutions as Keras computes them, and their gradients. Reached through
 * {@link Ops}.
 *
 * <p>Standard and transposed convolutions are GEMMs over the patch matrix ({@link Im2Col}): with the
 * kernel {@code (kh, kw, in, out)} read as a {@code (kh * kw * in, out)} matrix {@code W} and the
 * patch matrix {@code P} ({@code batch * outH * outW} rows),
 * <pre>
 *   Y  = P · W            forward
 *   dP = dY · Wᵀ          then scattered back onto dX (col2im)
 *   dW = Pᵀ · dY
 * </pre>
 * A transposed convolution is the adjoint of the convolution that maps its output back to its
 * input, so it runs the same three products in another order. The batch is processed in chunks
 * whose patch matrix stays under {@link #colsLimit} floats; patch building and scattering run in
 * parallel over images, the GEMMs on the kernel's own threads. A 1x1 convolution at stride 1 skips
 * the patch matrix: it is the input.
 *
 * <p>Depthwise convolutions have no reduction over channels to hand to GEMM, so they run direct
 * loops with the channel (and depth-multiplier) axis innermost, contiguous in every operand.
 */
final class Convolution {
    /**
     * Largest patch matrix (in floats; 16 MB by default) built at once: larger batches are processed
     * in chunks of images. Not final so that tests can run the chunked path on small inputs.
     */
    static volatile int colsLimit = Integer.getInteger("cornu.conv.colsLimit", 1 << 22);
    /** Multiply-adds per parallel chunk below which depthwise loops stay on one thread. */
    private static final int DIRECT_GRAIN = 1 << 16;
    /**
     * Per-thread buffer for patch matrices that do not outlive a call (inference, dX, rebuilt
     * patches), grown on demand up to {@link #colsLimit} floats and kept: no allocation and no
     * zeroing of megabytes per call.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private Convolution() {
    }

    // ---- ops --------------------------------------------------------------------------------------------

    static Tensor conv1d(Tensor x, Tensor kernel, int stride, String padding, int dilation) {
        String op = "conv1d";
        requireRanks(op, x, 3, "(batch, steps, channels)", kernel, 3, "(kernel_size, in_channels, out_channels)");
        ConvGeometry.requirePositive(op, "strides", stride);
        ConvGeometry.requirePositive(op, "dilation_rate", dilation);
        PaddingMode pad = PaddingMode.parse(op, padding, true);
        int[] xs = x.dims(), ks = kernel.dims();
        requireChannels(op, x, kernel, xs[2], ks[1]);
        ConvGeometry g = ConvGeometry.of(op, xs[0], 1, xs[1], xs[2], 1, ks[0], 1, stride, 1, dilation, pad, ks[2], received(x, kernel));
        return gemmConv(op, x, kernel, g, new int[] {xs[0], g.outW(), ks[2]});
    }

    static Tensor conv2d(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilation) {
        String op = "conv2d";
        requireRanks(op, x, 4, "(batch, height, width, channels)", kernel, 4, "(kernel_height, kernel_width, in_channels, out_channels)");
        checkSpatial(op, strides, dilation);
        PaddingMode pad = PaddingMode.parse(op, padding, false);
        int[] xs = x.dims(), ks = kernel.dims();
        requireChannels(op, x, kernel, xs[3], ks[2]);
        ConvGeometry g = ConvGeometry.of(op, xs[0], xs[1], xs[2], xs[3], ks[0], ks[1], strides[0], strides[1],
                dilation[0], dilation[1], pad, ks[3], received(x, kernel));
        return gemmConv(op, x, kernel, g, new int[] {xs[0], g.outH(), g.outW(), ks[3]});
    }

    static Tensor depthwiseConv1d(Tensor x, Tensor kernel, int stride, String padding, int dilation) {
        String op = "depthwise_conv1d";
        requireRanks(op, x, 3, "(batch, steps, channels)", kernel, 3, "(kernel_size, in_channels, depth_multiplier)");
        ConvGeometry.requirePositive(op, "strides", stride);
        ConvGeometry.requirePositive(op, "dilation_rate", dilation);
        PaddingMode pad = PaddingMode.parse(op, padding, true);
        int[] xs = x.dims(), ks = kernel.dims();
        requireChannels(op, x, kernel, xs[2], ks[1]);
        ConvGeometry g = ConvGeometry.of(op, xs[0], 1, xs[1], xs[2], 1, ks[0], 1, stride, 1, dilation, pad,
                xs[2] * ks[2], received(x, kernel));
        return depthwiseConv(op, x, kernel, g, ks[2], new int[] {xs[0], g.outW(), g.outC()});
    }

    static Tensor depthwiseConv2d(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilation) {
        String op = "depthwise_conv2d";
        requireRanks(op, x, 4, "(batch, height, width, channels)", kernel, 4, "(kernel_height, kernel_width, in_channels, depth_multiplier)");
        checkSpatial(op, strides, dilation);
        PaddingMode pad = PaddingMode.parse(op, padding, false);
        int[] xs = x.dims(), ks = kernel.dims();
        requireChannels(op, x, kernel, xs[3], ks[2]);
        ConvGeometry g = ConvGeometry.of(op, xs[0], xs[1], xs[2], xs[3], ks[0], ks[1], strides[0], strides[1],
                dilation[0], dilation[1], pad, xs[3] * ks[3], received(x, kernel));
        return depthwiseConv(op, x, kernel, g, ks[3], new int[] {xs[0], g.outH(), g.outW(), g.outC()});
    }

    /**
     * Transposed convolution of {@code x (batch, h, w, in)} with a Keras {@code Conv2DTranspose}
     * kernel {@code (kh, kw, out, in)}; {@code outputPadding} may be null (Keras' None).
     */
    static Tensor conv2dTranspose(Tensor x, Tensor kernel, int[] strides, String padding, int[] outputPadding, int[] dilation) {
        String op = "conv2d_transpose";
        requireRanks(op, x, 4, "(batch, height, width, channels)", kernel, 4, "(kernel_height, kernel_width, out_channels, in_channels)");
        checkSpatial(op, strides, dilation);
        PaddingMode pad = PaddingMode.parse(op, padding, false);
        if (outputPadding != null) {
            ConvGeometry.requireLength(op, "output_padding", outputPadding, 2);
            for (int i = 0; i < 2; i++) {
                if (outputPadding[i] < 0 || outputPadding[i] >= strides[i]) {
                    throw new IllegalArgumentException(op + ": expected 0 <= output_padding < strides. Received: output_padding="
                            + ConvGeometry.tuple(outputPadding) + ", strides=" + ConvGeometry.tuple(strides));
                }
            }
        }
        int[] xs = x.dims(), ks = kernel.dims();
        requireChannels(op, x, kernel, xs[3], ks[3]);
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            out[i] = ConvGeometry.transposeOutputLength(xs[1 + i], ks[i], strides[i], pad,
                    outputPadding == null ? -1 : outputPadding[i], dilation[i]);
        }
        if (out[0] <= 0 || out[1] <= 0) {
            throw new IllegalArgumentException(op + ": the output would be empty (size " + out[0] + "x" + out[1] + "). Received: "
                    + received(x, kernel));
        }
        // The convolution that maps the (out[0], out[1], kernel out) output back to x's shape.
        ConvGeometry g = new ConvGeometry(xs[0], out[0], out[1], ks[2], ks[0], ks[1], strides[0], strides[1],
                dilation[0], dilation[1], xs[1], xs[2], xs[3],
                ConvGeometry.padBefore(out[0], xs[1], ks[0], strides[0], pad, dilation[0]),
                ConvGeometry.padBefore(out[1], xs[2], ks[1], strides[1], pad, dilation[1]));
        float[] xd = dense(x), wd = dense(kernel);
        Tensor result = Tensor.wrap(backwardInput(xd, wd, g), xs[0], out[0], out[1], ks[2]);
        if (GradientTape.isRecording()) {
            GradientTape.record(result, op, new Tensor[] {x, kernel}, (gy, needed) -> {
                float[] dy = dense(gy);
                float[] dx = needed[0] ? new float[xs[0] * g.outSize()] : null;
                float[] cols = needed[0] ? forward(dy, wd, g, dx, needed[1]) : null;
                return new Tensor[] {
                        needed[0] ? Tensor.wrap(dx, xs) : null,
                        needed[1] ? Tensor.wrap(backwardKernel(xd, dy, g, cols), ks) : null};
            });
        }
        return result;
    }

    // ---- GEMM convolution ---------------------------------------------------------------------------------

    private static Tensor gemmConv(String op, Tensor x, Tensor kernel, ConvGeometry g, int[] outShape) {
        float[] xd = dense(x), wd = dense(kernel);
        float[] y = new float[g.batch() * g.outSize()];
        boolean recording = GradientTape.isRecording();
        float[] cols = forward(xd, wd, g, y, recording);
        Tensor out = Tensor.wrap(y, outShape);
        if (recording) {
            int[] xDims = x.dims(), kDims = kernel.dims();
            GradientTape.record(out, op, new Tensor[] {x, kernel}, (gy, needed) -> {
                float[] dy = dense(gy);
                return new Tensor[] {
                        needed[0] ? Tensor.wrap(backwardInput(dy, wd, g), xDims) : null,
                        needed[1] ? Tensor.wrap(backwardKernel(dy, xd, g, cols), kDims) : null};
            });
        }
        return out;
    }

    /** Images per chunk, so that a chunk's patch matrix holds at most {@link #colsLimit} floats. */
    private static int chunkImages(ConvGeometry g) {
        long perImage = Math.max(1L, (long) g.positions() * g.patch());
        return (int) Math.max(1, Math.min(Math.max(1, g.batch()), colsLimit / perImage));
    }

    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) holder[0] = new float[size];
        return holder[0];
    }

    /**
     * {@code y = conv(x, w)} with {@code w} as a {@code (patch, outC)} matrix. With {@code keep},
     * returns the patch matrix of the whole batch when it was built in one piece (the input itself
     * for a pointwise convolution), so that the kernel gradient can reuse it; otherwise null.
     */
    static float[] forward(float[] x, float[] w, ConvGeometry g, float[] y, boolean keep) {
        int k = g.patch(), n = g.outC(), p = g.positions();
        Kernels kernels = Kernels.get();
        if (g.pointwise()) {
            kernels.gemm(false, false, g.batch() * p, n, k, 1f, x, 0, k, w, 0, n, 0f, y, 0, n);
            return x;
        }
        int chunk = chunkImages(g);
        keep &= chunk >= g.batch();
        float[] cols = keep ? new float[chunk * p * k] : scratch(chunk * p * k);
        for (int b0 = 0; b0 < g.batch(); b0 += chunk) {
            int nb = Math.min(chunk, g.batch() - b0);
            Im2Col.im2col(x, g, b0, nb, cols);
            kernels.gemm(false, false, nb * p, n, k, 1f, cols, 0, k, w, 0, n, 0f, y, b0 * p * n, n);
        }
        return keep ? cols : null;
    }

    /** {@code dx = col2im(dy · wᵀ)}: the gradient of {@link #forward} with respect to its input. */
    static float[] backwardInput(float[] dy, float[] w, ConvGeometry g) {
        int k = g.patch(), n = g.outC(), p = g.positions();
        Kernels kernels = Kernels.get();
        float[] dx = new float[g.batch() * g.inSize()];
        if (g.pointwise()) {
            kernels.gemm(false, true, g.batch() * p, k, n, 1f, dy, 0, n, w, 0, n, 0f, dx, 0, k);
            return dx;
        }
        int chunk = chunkImages(g);
        float[] dcols = scratch(chunk * p * k);
        for (int b0 = 0; b0 < g.batch(); b0 += chunk) {
            int nb = Math.min(chunk, g.batch() - b0);
            kernels.gemm(false, true, nb * p, k, n, 1f, dy, b0 * p * n, n, w, 0, n, 0f, dcols, 0, k);
            Im2Col.col2imAdd(dcols, g, b0, nb, dx);
        }
        return dx;
    }

    /**
     * {@code dw = colsᵀ · dy}: the gradient of {@link #forward} with respect to its kernel. Uses
     * {@code cols} (the whole batch's patch matrix) when given, else rebuilds it chunk by chunk.
     */
    static float[] backwardKernel(float[] dy, float[] x, ConvGeometry g, float[] cols) {
        int k = g.patch(), n = g.outC(), p = g.positions();
        Kernels kernels = Kernels.get();
        float[] dw = new float[k * n];
        if (g.pointwise() || cols != null) {
            kernels.gemm(true, false, k, n, g.batch() * p, 1f, g.pointwise() ? x : cols, 0, k, dy, 0, n, 0f, dw, 0, n);
            return dw;
        }
        int chunk = chunkImages(g);
        float[] buf = scratch(chunk * p * k);
        for (int b0 = 0; b0 < g.batch(); b0 += chunk) {
            int nb = Math.min(chunk, g.batch() - b0);
            Im2Col.im2col(x, g, b0, nb, buf);
            kernels.gemm(true, false, k, n, nb * p, 1f, buf, 0, k, dy, b0 * p * n, n, b0 == 0 ? 0f : 1f, dw, 0, n);
        }
        return dw;
    }

    // ---- depthwise convolution -------------------------------------------------------------------------

    private static Tensor depthwiseConv(String op, Tensor x, Tensor kernel, ConvGeometry g, int dm, int[] outShape) {
        float[] xd = dense(x), wd = dense(kernel);
        float[] y = new float[g.batch() * g.outSize()];
        Parallelism.forRange(g.batch(), directGrain(g), (lo, hi) -> {
            for (int b = lo; b < hi; b++) depthwiseImage(xd, b * g.inSize(), wd, y, b * g.outSize(), g, dm);
        });
        Tensor out = Tensor.wrap(y, outShape);
        if (GradientTape.isRecording()) {
            int[] xDims = x.dims(), kDims = kernel.dims();
            GradientTape.record(out, op, new Tensor[] {x, kernel}, (gy, needed) -> {
                float[] dy = dense(gy);
                return new Tensor[] {
                        needed[0] ? Tensor.wrap(depthwiseBackwardInput(dy, wd, g, dm), xDims) : null,
                        needed[1] ? Tensor.wrap(depthwiseBackwardKernel(dy, xd, g, dm, wd.length), kDims) : null};
            });
        }
        return out;
    }

    /** Images per parallel chunk of a depthwise loop. */
    private static int directGrain(ConvGeometry g) {
        long perImage = Math.max(1L, (long) g.positions() * g.kh() * g.kw() * g.outC());
        return (int) Math.max(1, DIRECT_GRAIN / perImage);
    }

    private static float[] depthwiseBackwardInput(float[] dy, float[] w, ConvGeometry g, int dm) {
        float[] dx = new float[g.batch() * g.inSize()];
        Parallelism.forRange(g.batch(), directGrain(g), (lo, hi) -> {
            for (int b = lo; b < hi; b++) depthwiseImageBackInput(dy, b * g.outSize(), w, dx, b * g.inSize(), g, dm);
        });
        return dx;
    }

    private static float[] depthwiseBackwardKernel(float[] dy, float[] x, ConvGeometry g, int dm, int kernelSize) {
        float[] dw = new float[kernelSize];
        Parallelism.forRange(g.batch(), directGrain(g), (lo, hi) -> {
            float[] part = new float[kernelSize];
            for (int b = lo; b < hi; b++) depthwiseImageBackKernel(dy, b * g.outSize(), x, b * g.inSize(), part, g, dm);
            synchronized (dw) {
                for (int i = 0; i < kernelSize; i++) dw[i] += part[i];
            }
        });
        return dw;
    }

    /** {@code y[oy, ox, c * dm + m] = sum over taps of x[iy, ix, c] * w[ky, kx, c, m]} for one image. */
    private static void depthwiseImage(float[] x, int xOff, float[] w, float[] y, int yOff, ConvGeometry g, int dm) {
        final int c = g.inC(), cm = g.outC(), inH = g.inH(), inW = g.inW(), kw = g.kw();
        for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
                int yr = yOff + (oy * g.outW() + ox) * cm;
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.sh() - g.padTop() + ky * g.dh();
                    if (iy < 0 || iy >= inH) continue;
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ox * g.sw() - g.padLeft() + kx * g.dw();
                        if (ix < 0 || ix >= inW) continue;
                        int xr = xOff + (iy * inW + ix) * c, wr = (ky * kw + kx) * cm;
                        if (dm == 1) {
                            for (int i = 0; i < c; i++) y[yr + i] += x[xr + i] * w[wr + i];
                        } else {
                            for (int i = 0; i < c; i++) {
                                float xv = x[xr + i];
                                int o = i * dm;
                                for (int m = 0; m < dm; m++) y[yr + o + m] += xv * w[wr + o + m];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void depthwiseImageBackInput(float[] dy, int yOff, float[] w, float[] dx, int xOff, ConvGeometry g, int dm) {
        final int c = g.inC(), cm = g.outC(), inH = g.inH(), inW = g.inW(), kw = g.kw();
        for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
                int yr = yOff + (oy * g.outW() + ox) * cm;
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.sh() - g.padTop() + ky * g.dh();
                    if (iy < 0 || iy >= inH) continue;
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ox * g.sw() - g.padLeft() + kx * g.dw();
                        if (ix < 0 || ix >= inW) continue;
                        int xr = xOff + (iy * inW + ix) * c, wr = (ky * kw + kx) * cm;
                        if (dm == 1) {
                            for (int i = 0; i < c; i++) dx[xr + i] += dy[yr + i] * w[wr + i];
                        } else {
                            for (int i = 0; i < c; i++) {
                                int o = i * dm;
                                float s = 0f;
                                for (int m = 0; m < dm; m++) s += dy[yr + o + m] * w[wr + o + m];
                                dx[xr + i] += s;
                            }
                        }
                    }
                }
            }
        }
    }

    private static void depthwiseImageBackKernel(float[] dy, int yOff, float[] x, int xOff, float[] dw, ConvGeometry g, int dm) {
        final int c = g.inC(), cm = g.outC(), inH = g.inH(), inW = g.inW(), kw = g.kw();
        for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
                int yr = yOff + (oy * g.outW() + ox) * cm;
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.sh() - g.padTop() + ky * g.dh();
                    if (iy < 0 || iy >= inH) continue;
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ox * g.sw() - g.padLeft() + kx * g.dw();
                        if (ix < 0 || ix >= inW) continue;
                        int xr = xOff + (iy * inW + ix) * c, wr = (ky * kw + kx) * cm;
                        if (dm == 1) {
                            for (int i = 0; i < c; i++) dw[wr + i] += x[xr + i] * dy[yr + i];
                        } else {
                            for (int i = 0; i < c; i++) {
                                float xv = x[xr + i];
                                int o = i * dm;
                                for (int m = 0; m < dm; m++) dw[wr + o + m] += xv * dy[yr + o + m];
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- argument checks --------------------------------------------------------------------------------

    /** The elements of {@code t} in row-major order: its own buffer when that is exactly them. */
    static float[] dense(Tensor t) {
        float[] b = t.buffer();
        if (t.offset() == 0 && b.length == t.size() && t.isContiguous()) return b;
        return t.toFloatArray();
    }

    static String received(Tensor x, Tensor kernel) {
        return "input shape " + x.shape() + ", kernel shape " + kernel.shape();
    }

    private static void requireRanks(String op, Tensor x, int xRank, String xLayout, Tensor kernel, int kRank, String kLayout) {
        if (x.rank() != xRank) {
            throw new IllegalArgumentException(op + ": expected an input of rank " + xRank + " " + xLayout
                    + ". Received: " + received(x, kernel));
        }
        if (kernel.rank() != kRank) {
            throw new IllegalArgumentException(op + ": expected a kernel of rank " + kRank + " " + kLayout
                    + ". Received: " + received(x, kernel));
        }
    }

    private static void requireChannels(String op, Tensor x, Tensor kernel, int inputChannels, int kernelChannels) {
        if (inputChannels != kernelChannels) {
            throw new IllegalArgumentException(op + ": input has " + inputChannels + " channels but the kernel expects "
                    + kernelChannels + ". Received: " + received(x, kernel));
        }
    }

    private static void checkSpatial(String op, int[] strides, int[] dilation) {
        ConvGeometry.requireLength(op, "strides", strides, 2);
        ConvGeometry.requirePositive(op, "strides", strides);
        ConvGeometry.requireLength(op, "dilation_rate", dilation, 2);
        ConvGeometry.requirePositive(op, "dilation_rate", dilation);
    }
}
