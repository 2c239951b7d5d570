package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;

import java.util.Locale;

/**
 * Resizing of channels-last images {@code (batch, height, width, channels)}, as Keras'
 * {@code keras.ops.image.resize} without antialiasing: "nearest" and "bilinear", both with
 * half-pixel centres (output pixel {@code i} samples the input at {@code (i + 0.5) * in / out - 0.5}),
 * as TensorFlow's {@code resize} and PyTorch's {@code interpolate(..., align_corners=False)}.
 *
 * <p>Bilinear resizing is separable: along each axis the output is
 * {@code (1 - t) * x[lo] + t * x[hi]} with the two neighbours clamped to the edge, written with
 * {@link Ops#take} so it differentiates like any other op.
 */
final class ImageResize {
    private ImageResize() {
    }

    static Tensor resize(Tensor images, int height, int width, String interpolation) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("resize: expected images of rank 4 (batch, height, width, channels). Received: images.shape="
                    + images.shape());
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("resize: size must be positive. Received: size=(" + height + ", " + width + ")");
        }
        String method = interpolation == null ? "bilinear" : interpolation.toLowerCase(Locale.ROOT);
        return switch (method) {
            case "nearest" -> nearest(nearest(images, 1, height), 2, width);
            case "bilinear" -> linear(linear(images, 1, height), 2, width);
            default -> throw new IllegalArgumentException("resize: interpolation must be one of 'nearest', 'bilinear'. Received: interpolation="
                    + interpolation);
        };
    }

    /** Input coordinate sampled by output pixel {@code i}. */
    private static double source(int i, int in, int out) {
        return (i + 0.5) * in / out - 0.5;
    }

    private static Tensor nearest(Tensor x, int axis, int out) {
        int in = x.dim(axis);
        if (in == out) return x;
        int[] idx = new int[out];
        for (int i = 0; i < out; i++) idx[i] = Math.min(in - 1, (int) Math.floor((i + 0.5) * in / out));
        return Ops.take(x, Tensor.wrap(idx, out), axis);
    }

    private static Tensor linear(Tensor x, int axis, int out) {
        int in = x.dim(axis);
        if (in == out) return x;
        int[] lo = new int[out], hi = new int[out];
        float[] t = new float[out];
        for (int i = 0; i < out; i++) {
            double s = source(i, in, out);
            int f = (int) Math.floor(s);
            lo[i] = Math.max(0, Math.min(in - 1, f));
            hi[i] = Math.max(0, Math.min(in - 1, f + 1));
            t[i] = (float) (s - f);
        }
        Tensor a = Ops.take(x, Tensor.wrap(lo, out), axis);
        Tensor b = Ops.take(x, Tensor.wrap(hi, out), axis);
        int[] shape = {1, 1, 1, 1};
        shape[axis] = out;
        return Ops.add(a, Ops.mul(Ops.sub(b, a), Tensor.wrap(t, shape)));
    }
}
