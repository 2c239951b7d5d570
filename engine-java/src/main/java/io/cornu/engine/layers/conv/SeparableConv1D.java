package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Depthwise separable 1-D convolution, as Keras' {@code SeparableConv1D}: a depthwise step (kernel
 * {@code (k, in, depth_multiplier)}) then a pointwise step (kernel {@code (1, in * depth_multiplier, filters)}),
 * bias and activation.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, newSteps, filters)},
 * steps as {@link Conv1D} ("valid" or "same").
 */
public class SeparableConv1D extends BaseSeparableConv {

    /**
     * @param filters         output channels of the pointwise step
     * @param kernelSize      the window length
     * @param strides         the step between windows
     * @param padding         {@code "valid"} or {@code "same"}
     * @param dilationRate    the spacing of the window's taps
     * @param depthMultiplier depthwise filters per input channel
     * @param activation      null for none
     * @param useBias         whether to add a bias
     * @param depthwiseInitializer null for glorot_uniform
     * @param pointwiseInitializer null for glorot_uniform
     * @param biasInitializer      null for zeros
     * @param name            null for a unique default ({@code separable_conv1d}, ...)
     */
    public SeparableConv1D(int filters, int kernelSize, int strides, String padding, int dilationRate, int depthMultiplier,
                           Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                           Initializer biasInitializer, String name) {
        super(1, depthMultiplier, filters, new int[] {kernelSize}, new int[] {strides}, padding, new int[] {dilationRate}, activation,
                useBias, depthwiseInitializer, pointwiseInitializer, biasInitializer, name);
    }

    /** Stride 1, "valid", depth multiplier 1. */
    public SeparableConv1D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize, 1, "valid", 1, 1, Activation.get(activation), true, null, null, null, null);
    }

    public SeparableConv1D(int filters, int kernelSize) {
        this(filters, kernelSize, null);
    }

    @Override
    protected Tensor depthwiseOp(Tensor inputs, Tensor depthwiseKernel) {
        return Ops.depthwiseConv1d(inputs, depthwiseKernel, strides()[0], padding(), dilationRate()[0]);
    }

    @Override
    protected Tensor pointwiseOp(Tensor inputs, Tensor pointwiseKernel) {
        return Ops.conv1d(inputs, pointwiseKernel);
    }

    /** The inverse of {@link #getConfig()}. */
    public static SeparableConv1D fromConfig(Map<String, Object> c) {
        Args a = Args.of("SeparableConv1D", c);
        return new SeparableConv1D(a.filters(), Conv1D.single(a.kernelSize(), "kernel_size"), Conv1D.single(a.strides(), "strides"),
                a.padding(), Conv1D.single(a.dilationRate(), "dilation_rate"), a.depthMultiplier(), a.activation(), a.useBias(),
                a.depthwiseInitializer(), a.pointwiseInitializer(), a.biasInitializer(), a.name());
    }
}
