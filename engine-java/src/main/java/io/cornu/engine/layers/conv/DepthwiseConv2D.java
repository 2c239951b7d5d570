package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Depthwise 2-D convolution, as Keras' {@code DepthwiseConv2D}: each input channel is convolved
 * with its own {@code depth_multiplier} filters of the kernel {@code (kh, kw, in, depth_multiplier)};
 * output channel {@code c * depth_multiplier + m}. Channels are not mixed (the first half of a
 * separable convolution).
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape:
 * {@code (batch, newHeight, newWidth, channels * depth_multiplier)}, sizes as {@link Conv2D}.
 *
 * <pre>{@code new DepthwiseConv2D(new int[] {3, 3}, null, "same", 1, null, "relu")}</pre>
 */
public class DepthwiseConv2D extends BaseDepthwiseConv {

    /**
     * @param kernelSize      {@code {kh, kw}} or one value for both
     * @param strides         {@code {sh, sw}} or one value; null for 1
     * @param padding         {@code "valid"} or {@code "same"}
     * @param depthMultiplier filters per input channel
     * @param dilationRate    {@code {dh, dw}} or one value; null for 1
     * @param activation      null for none
     * @param useBias         whether to add a bias
     * @param depthwiseInitializer null for glorot_uniform
     * @param biasInitializer      null for zeros
     * @param name            null for a unique default ({@code depthwise_conv2d}, ...)
     */
    public DepthwiseConv2D(int[] kernelSize, int[] strides, String padding, int depthMultiplier, int[] dilationRate,
                           Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer biasInitializer,
                           String name) {
        super(2, depthMultiplier, kernelSize, strides, padding, dilationRate, activation, useBias, depthwiseInitializer,
                biasInitializer, name);
    }

    /** With a bias and glorot_uniform kernel. */
    public DepthwiseConv2D(int[] kernelSize, int[] strides, String padding, int depthMultiplier, int[] dilationRate, String activation) {
        this(kernelSize, strides, padding, depthMultiplier, dilationRate, Activation.get(activation), true, null, null, null);
    }

    /** A square window at stride 1, "valid", depth multiplier 1. */
    public DepthwiseConv2D(int kernelSize) {
        this(new int[] {kernelSize}, null, "valid", 1, null, (String) null);
    }

    @Override
    protected Tensor depthwiseOp(Tensor inputs, Tensor kernel) {
        return Ops.depthwiseConv2d(inputs, kernel, strides(), padding(), dilationRate());
    }

    /** The inverse of {@link #getConfig()}. */
    public static DepthwiseConv2D fromConfig(Map<String, Object> c) {
        Args a = Args.of("DepthwiseConv2D", c);
        return new DepthwiseConv2D(a.kernelSize(), a.strides(), a.padding(), a.depthMultiplier(), a.dilationRate(), a.activation(),
                a.useBias(), a.depthwiseInitializer(), a.biasInitializer(), a.name());
    }
}
