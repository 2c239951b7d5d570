package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Depthwise separable 2-D convolution, as Keras' {@code SeparableConv2D}: a {@link DepthwiseConv2D}
 * step (kernel {@code (kh, kw, in, depth_multiplier)}) then a 1x1 convolution (kernel
 * {@code (1, 1, in * depth_multiplier, filters)}), bias and activation. Far fewer weights than a
 * {@link Conv2D} of the same window.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape:
 * {@code (batch, newHeight, newWidth, filters)}, sizes as {@link Conv2D}.
 *
 * <pre>{@code new SeparableConv2D(64, 3, "relu")}</pre>
 */
public class SeparableConv2D extends BaseSeparableConv {

    /**
     * @param filters         output channels of the pointwise step
     * @param kernelSize      {@code {kh, kw}} or one value for both
     * @param strides         {@code {sh, sw}} or one value; null for 1
     * @param padding         {@code "valid"} or {@code "same"}
     * @param dilationRate    {@code {dh, dw}} or one value; null for 1
     * @param depthMultiplier depthwise filters per input channel
     * @param activation      null for none
     * @param useBias         whether to add a bias
     * @param depthwiseInitializer null for glorot_uniform
     * @param pointwiseInitializer null for glorot_uniform
     * @param biasInitializer      null for zeros
     * @param name            null for a unique default ({@code separable_conv2d}, ...)
     */
    public SeparableConv2D(int filters, int[] kernelSize, int[] strides, String padding, int[] dilationRate, int depthMultiplier,
                           Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                           Initializer biasInitializer, String name) {
        super(2, depthMultiplier, filters, kernelSize, strides, padding, dilationRate, activation, useBias, depthwiseInitializer,
                pointwiseInitializer, biasInitializer, name);
    }

    /** A square window at stride 1, "valid", depth multiplier 1. */
    public SeparableConv2D(int filters, int kernelSize, String activation) {
        this(filters, new int[] {kernelSize}, null, "valid", null, 1, Activation.get(activation), true, null, null, null, null);
    }

    public SeparableConv2D(int filters, int kernelSize) {
        this(filters, kernelSize, null);
    }

    @Override
    protected Tensor depthwiseOp(Tensor inputs, Tensor depthwiseKernel) {
        return Ops.depthwiseConv2d(inputs, depthwiseKernel, strides(), padding(), dilationRate());
    }

    @Override
    protected Tensor pointwiseOp(Tensor inputs, Tensor pointwiseKernel) {
        return Ops.conv2d(inputs, pointwiseKernel);
    }

    /** The inverse of {@link #getConfig()}. */
    public static SeparableConv2D fromConfig(Map<String, Object> c) {
        Args a = Args.of("SeparableConv2D", c);
        return new SeparableConv2D(a.filters(), a.kernelSize(), a.strides(), a.padding(), a.dilationRate(), a.depthMultiplier(),
                a.activation(), a.useBias(), a.depthwiseInitializer(), a.pointwiseInitializer(), a.biasInitializer(), a.name());
    }
}
