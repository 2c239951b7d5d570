package io.cornu.engine.ops;

import io.cornu.engine.tensor.Shape;

import java.util.Locale;

/**
 * The index arithmetic shared by convolutions and pooling, channels-last: a window of
 * {@code kh x kw} taps, {@code dh}/{@code dw} apart, slides over a {@code (batch, inH, inW, inC)}
 * input with strides {@code sh}/{@code sw}; output pixel {@code (oy, ox)} reads input rows
 * {@code oy * sh - padTop + ky * dh} and columns {@code ox * sw - padLeft + kx * dw}, taps outside
 * the input reading zero (or being skipped by pooling). One-dimensional ops use {@code inH = kh = 1}.
 *
 * <p>Output sizes and padding follow Keras and TensorFlow: {@code "valid"} gives
 * {@code floor((in - kEff) / stride) + 1} with {@code kEff = (k - 1) * dilation + 1} and no padding;
 * {@code "same"} gives {@code ceil(in / stride)} and pads {@code max((out - 1) * stride + kEff - in, 0)}
 * in total, the smaller half before; {@code "causal"} (1-D only) pads {@code kEff - 1} before.
 */
record ConvGeometry(int batch, int inH, int inW, int inC,
                    int kh, int kw, int sh, int sw, int dh, int dw,
                    int outH, int outW, int outC, int padTop, int padLeft) {

    /** Padding modes accepted by the conv and pooling ops. */
    enum PaddingMode {
        VALID, SAME, CAUSAL;

        String keras() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Case-insensitive, as Keras; {@code causal} only when allowed. */
        static PaddingMode parse(String op, String padding, boolean allowCausal) {
            String expected = allowCausal ? "\"valid\", \"same\", \"causal\"" : "\"valid\", \"same\"";
            if (padding != null) {
                switch (padding.toLowerCase(Locale.ROOT)) {
                    case "valid":
                        return VALID;
                    case "same":
                        return SAME;
                    case "causal":
                        if (allowCausal) return CAUSAL;
                        break;
                    default:
                        break;
                }
            }
            throw new IllegalArgumentException(op + ": invalid padding \"" + padding + "\". Expected one of "
                    + expected + ". Received: padding=" + padding);
        }
    }

    /** Rows of the patch matrix per image: output pixels. */
    int positions() {
        return outH * outW;
    }

    /** Columns of the patch matrix: {@code kh * kw * inC}, ordered as the kernel {@code (kh, kw, in)}. */
    int patch() {
        return kh * kw * inC;
    }

    int inSize() {
        return inH * inW * inC;
    }

    int outSize() {
        return outH * outW * outC;
    }

    /** A 1x1 window at stride 1 without padding: the patch matrix is the input itself. */
    boolean pointwise() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && padTop == 0 && padLeft == 0;
    }

    /** {@code (k - 1) * dilation + 1}: the span of a dilated window. */
    static int effective(int k, int dilation) {
        return (k - 1) * dilation + 1;
    }

    /**
     * Keras' output length of a convolution or pooling window (Keras {@code conv_output_length});
     * may be zero or negative when the window does not fit. {@link Shape#NONE} stays unknown.
     */
    static int outputLength(int in, int k, int stride, PaddingMode padding, int dilation) {
        if (in < 0) return Shape.NONE;
        int kEff = effective(k, dilation);
        return switch (padding) {
            case VALID -> Math.floorDiv(in - kEff + stride, stride);
            case SAME, CAUSAL -> (in + stride - 1) / stride;
        };
    }

    /** Padding before the first element for the given output length. */
    static int padBefore(int in, int out, int k, int stride, PaddingMode padding, int dilation) {
        int kEff = effective(k, dilation);
        return switch (padding) {
            case VALID -> 0;
            case SAME -> Math.max((out - 1) * stride + kEff - in, 0) / 2;
            case CAUSAL -> kEff - 1;
        };
    }

    /**
     * Output length of a transposed convolution, as Keras' {@code compute_conv_transpose_output_shape}
     * ({@code deconv_output_length}); {@code outputPadding < 0} means none was given.
     */
    static int transposeOutputLength(int in, int k, int stride, PaddingMode padding, int outputPadding, int dilation) {
        if (in < 0) return Shape.NONE;
        int kEff = effective(k, dilation);
        if (outputPadding < 0) {
            return padding == PaddingMode.VALID ? in * stride + Math.max(kEff - stride, 0) : in * stride;
        }
        int pad = padding == PaddingMode.VALID ? 0 : kEff / 2;
        return (in - 1) * stride + kEff - 2 * pad + outputPadding;
    }

    /**
     * The geometry of a convolution or pooling window over {@code (batch, inH, inW, inC)} with
     * {@code outC} output channels. Throws when the output would be empty.
     */
    static ConvGeometry of(String op, int batch, int inH, int inW, int inC, int kh, int kw,
                           int sh, int sw, int dh, int dw, PaddingMode padding, int outC, String received) {
        int outH = outputLength(inH, kh, sh, padding, dh);
        int outW = outputLength(inW, kw, sw, padding, dw);
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException(op + ": the output would be empty (size " + (inH == 1 && kh == 1 ? Math.max(outW, 0) : Math.max(outH, 0) + "x" + Math.max(outW, 0))
                    + "): the input is smaller than the " + (dh > 1 || dw > 1 ? "dilated " : "") + "window "
                    + (inH == 1 && kh == 1 ? effective(kw, dw) : effective(kh, dh) + "x" + effective(kw, dw))
                    + " with padding \"" + padding.keras() + "\". Received: " + received);
        }
        return new ConvGeometry(batch, inH, inW, inC, kh, kw, sh, sw, dh, dw, outH, outW, outC,
                padBefore(inH, outH, kh, sh, padding, dh), padBefore(inW, outW, kw, sw, padding, dw));
    }

    /** Checks that every value is positive: {@code conv2d: expected strides > 0. Received: strides=(0, 1)}. */
    static void requirePositive(String op, String name, int... values) {
        for (int v : values) {
            if (v <= 0) {
                throw new IllegalArgumentException(op + ": expected " + name + " > 0. Received: " + name + "=" + tuple(values));
            }
        }
    }

    /** Checks the number of spatial values given for an argument. */
    static void requireLength(String op, String name, int[] values, int length) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(op + ": expected " + name + " to have " + length + " value" + (length == 1 ? "" : "s")
                    + ". Received: " + name + "=" + (values == null ? "null" : tuple(values)));
        }
    }

    /** {@code (2, 3)}, or {@code 2} for a single value. */
    static String tuple(int... values) {
        if (values.length == 1) return Integer.toString(values[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(values[i]);
        return sb.append(')').toString();
    }
}
