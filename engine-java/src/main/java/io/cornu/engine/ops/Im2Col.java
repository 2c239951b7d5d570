package io.cornu.engine.ops;

import io.cornu.engine.kernels.Parallelism;

import java.util.Arrays;

/**
 * The patch matrix of a channels-last convolution and its adjoint. Row {@code oy * outW + ox} of an
 * image's block holds the {@code kh * kw * inC} input values under output pixel {@code (oy, ox)}, in
 * the kernel's {@code (kh, kw, in)} order (zeros for padding taps), so that a convolution is one
 * GEMM with the kernel reshaped to {@code (kh * kw * in, out)}.
 *
 * <p>Channels-last makes the {@code inC} values of a tap contiguous, and at dilation 1 the
 * {@code kw * inC} values of a whole kernel row too: rows are moved with {@code arraycopy}.
 */
final class Im2Col {
    /** Floats of patch matrix per parallel chunk below which the work stays on one thread. */
    private static final int PARALLEL_GRAIN = 1 << 15;
    /** Runs shorter than this are copied by a loop rather than {@code System.arraycopy}. */
    private static final int SHORT_RUN = 16;

    private Im2Col() {
    }

    /** Images per parallel chunk, so that a chunk moves about {@link #PARALLEL_GRAIN} floats. */
    static int grain(ConvGeometry g) {
        long perImage = (long) g.positions() * g.patch();
        return (int) Math.max(1, PARALLEL_GRAIN / Math.max(1, perImage));
    }

    /**
     * Writes the patch matrices of images {@code [b0, b0 + nb)} of {@code x} into {@code cols}
     * ({@code nb * positions} rows of {@code patch} floats, from index 0), in parallel over images.
     */
    static void im2col(float[] x, ConvGeometry g, int b0, int nb, float[] cols) {
        int inSize = g.inSize(), block = g.positions() * g.patch();
        Parallelism.forRange(nb, grain(g), (lo, hi) -> {
            for (int i = lo; i < hi; i++) image(x, (b0 + i) * inSize, g, cols, i * block);
        });
    }

    /**
     * Adds the patch matrices in {@code cols} back onto images {@code [b0, b0 + nb)} of {@code dx}:
     * the adjoint of {@link #im2col}. Parallel over images, whose regions of {@code dx} are disjoint.
     */
    static void col2imAdd(float[] cols, ConvGeometry g, int b0, int nb, float[] dx) {
        int inSize = g.inSize(), block = g.positions() * g.patch();
        Parallelism.forRange(nb, grain(g), (lo, hi) -> {
            for (int i = lo; i < hi; i++) imageAdd(cols, i * block, g, dx, (b0 + i) * inSize);
        });
    }

    private static void image(float[] x, int xOff, ConvGeometry g, float[] cols, int cOff) {
        final int c = g.inC(), inH = g.inH(), inW = g.inW(), kh = g.kh(), kw = g.kw();
        final int dh = g.dh(), dw = g.dw(), span = kw * c, rowStride = inW * c;
        int p = cOff;
        for (int oy = 0; oy < g.outH(); oy++) {
            int iy0 = oy * g.sh() - g.padTop();
            for (int ox = 0; ox < g.outW(); ox++) {
                int ix0 = ox * g.sw() - g.padLeft();
                boolean rowInside = dw == 1 && ix0 >= 0 && ix0 + kw <= inW;
                for (int ky = 0; ky < kh; ky++, p += span) {
                    int iy = iy0 + ky * dh;
                    if (iy < 0 || iy >= inH) {
                        Arrays.fill(cols, p, p + span, 0f);
                        continue;
                    }
                    int row = xOff + iy * rowStride;
                    if (rowInside) {
                        copy(x, row + ix0 * c, cols, p, span);
                        continue;
                    }
                    for (int kx = 0, q = p; kx < kw; kx++, q += c) {
                        int ix = ix0 + kx * dw;
                        if (ix < 0 || ix >= inW) Arrays.fill(cols, q, q + c, 0f);
                        else copy(x, row + ix * c, cols, q, c);
                    }
                }
            }
        }
    }

    private static void imageAdd(float[] cols, int cOff, ConvGeometry g, float[] dx, int xOff) {
        final int c = g.inC(), inH = g.inH(), inW = g.inW(), kh = g.kh(), kw = g.kw();
        final int dh = g.dh(), dw = g.dw(), span = kw * c, rowStride = inW * c;
        int p = cOff;
        for (int oy = 0; oy < g.outH(); oy++) {
            int iy0 = oy * g.sh() - g.padTop();
            for (int ox = 0; ox < g.outW(); ox++) {
                int ix0 = ox * g.sw() - g.padLeft();
                boolean rowInside = dw == 1 && ix0 >= 0 && ix0 + kw <= inW;
                for (int ky = 0; ky < kh; ky++, p += span) {
                    int iy = iy0 + ky * dh;
                    if (iy < 0 || iy >= inH) continue;
                    int row = xOff + iy * rowStride;
                    if (rowInside) {
                        addInto(cols, p, dx, row + ix0 * c, span);
                        continue;
                    }
                    for (int kx = 0, q = p; kx < kw; kx++, q += c) {
                        int ix = ix0 + kx * dw;
                        if (ix >= 0 && ix < inW) addInto(cols, q, dx, row + ix * c, c);
                    }
                }
            }
        }
    }

    /** {@code arraycopy}, with a plain loop for the short runs of few-channel inputs (a call costs more). */
    private static void copy(float[] src, int sOff, float[] dst, int dOff, int n) {
        if (n >= SHORT_RUN) {
            System.arraycopy(src, sOff, dst, dOff, n);
        } else {
            for (int i = 0; i < n; i++) dst[dOff + i] = src[sOff + i];
        }
    }

    /** {@code dst[dOff + i] += src[sOff + i]} for {@code i < n}. */
    private static void addInto(float[] src, int sOff, float[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) dst[dOff + i] += src[sOff + i];
    }
}
