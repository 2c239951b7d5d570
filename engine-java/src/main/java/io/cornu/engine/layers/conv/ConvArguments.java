package io.cornu.engine.layers.conv;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The argument checks and shape rules shared by the convolution and pooling layers, with Keras'
 * messages (Keras' {@code standardize_padding}, {@code standardize_data_format} and
 * {@code compute_conv_output_shape}).
 */
public final class ConvArguments {
    private ConvArguments() {
    }

    /**
     * {@code padding} lower-cased, as Keras' {@code standardize_padding}: {@code "valid"},
     * {@code "same"}, or {@code "causal"} where allowed (1-D convolutions).
     */
    public static String standardizePadding(String padding, boolean allowCausal) {
        String p = padding == null ? null : padding.toLowerCase(Locale.ROOT);
        boolean ok = "valid".equals(p) || "same".equals(p) || (allowCausal && "causal".equals(p));
        if (!ok) {
            throw new IllegalArgumentException("The `padding` argument must be one of "
                    + (allowCausal ? "{'valid', 'same', 'causal'}" : "{'valid', 'same'}") + ". Received: padding=" + padding);
        }
        return p;
    }

    /** Only {@code "channels_last"} (or null, Keras' default) is supported. */
    public static void requireChannelsLast(String layerClass, String dataFormat) {
        if (dataFormat != null && !dataFormat.equals("channels_last")) {
            throw new IllegalArgumentException(layerClass + ": only data_format='channels_last' is supported. Received: data_format=" + dataFormat);
        }
    }

    /** {@code value} as {@code n} positive ints (one value is repeated), Keras' {@code standardize_tuple}. */
    public static int[] tuple(int[] value, int n, String name) {
        return ArgumentValidation.standardizeTuple(value, n, name, false);
    }

    /** Keras' check that strides and dilation are not both above 1. */
    public static void checkStridesAndDilation(int[] strides, int[] dilationRate) {
        if (Arrays.stream(strides).max().orElse(1) > 1 && Arrays.stream(dilationRate).max().orElse(1) > 1) {
            throw new IllegalArgumentException("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides="
                    + ArgumentValidation.pythonTupleLiteral(strides) + " and dilation_rate=" + ArgumentValidation.pythonTupleLiteral(dilationRate));
        }
    }

    /** A positive count argument: {@code Invalid value for argument `filters`. ... Received: filters=-3}. */
    public static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + name + "`. Expected a strictly positive value. Received: "
                    + name + "=" + value);
        }
    }

    /**
     * The channel count of a channels-last input, which must be known to build the layer's weights.
     */
    public static int inputChannels(Layer layer, Shape inputShape) {
        if (!inputShape.isKnown(inputShape.rank() - 1)) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\": the channel dimension of the inputs should be defined. "
                    + "Found `None`. Full input shape received: " + inputShape);
        }
        return inputShape.get(inputShape.rank() - 1);
    }

    /**
     * Keras' {@code compute_conv_output_shape}, channels last: each spatial axis by
     * {@link Ops#convOutputLength}, None staying None, the last axis {@code channels}. An empty
     * output is an error naming the input and kernel shapes.
     *
     * @param kernelShape the kernel's shape, shown in the error
     */
    public static Shape convOutputShape(Shape inputShape, int channels, int[] kernelSize, int[] strides, String padding,
                                        int[] dilationRate, int[] kernelShape) {
        int rank = kernelSize.length;
        int[] out = new int[rank + 2];
        out[0] = inputShape.get(0);
        boolean empty = false;
        for (int i = 0; i < rank; i++) {
            int len = Ops.convOutputLength(inputShape.get(i + 1), kernelSize[i], strides[i], padding, dilationRate[i]);
            empty |= len != Shape.NONE && len <= 0;
            out[i + 1] = len;
        }
        if (empty) {
            throw new IllegalArgumentException("Computed output size would be negative. Received `inputs shape=" + inputShape
                    + "`, `kernel shape=" + ArgumentValidation.pythonTupleLiteral(kernelShape) + "`, `dilation_rate="
                    + numpyList(dilationRate) + "`.");
        }
        out[rank + 1] = channels;
        return Shape.of(out);
    }

    /** Keras' pooling output shape: as {@link #convOutputShape} without dilation, channels unchanged. */
    public static Shape poolOutputShape(Shape inputShape, int[] poolSize, int[] strides, String padding) {
        int rank = poolSize.length;
        int[] out = inputShape.dims();
        boolean empty = false;
        for (int i = 0; i < rank; i++) {
            int len = Ops.convOutputLength(inputShape.get(i + 1), poolSize[i], strides[i], padding, 1);
            empty |= len != Shape.NONE && len <= 0;
            out[i + 1] = len;
        }
        if (empty) {
            throw new IllegalArgumentException("Computed output size would be negative. Received: `inputs.shape=" + inputShape
                    + "` and `pool_size=" + numpyList(poolSize) + "`.");
        }
        return Shape.of(out);
    }

    /** NumPy's text for an int array, as Keras' messages show it: {@code [1 1]}. */
    static String numpyList(int[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? " " : "").append(values[i]);
        return sb.append(']').toString();
    }

    /** Ints of a config entry, or {@code defaultValue} when absent. */
    public static int[] ints(Map<String, Object> c, String key, int... defaultValue) {
        int[] v = ConfigValues.getInts(c, key);
        return v == null ? defaultValue : v;
    }
}
