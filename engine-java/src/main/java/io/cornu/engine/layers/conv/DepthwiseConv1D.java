package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Depthwise 1-D convolution, as Keras' {@code DepthwiseConv1D}: each input channel is convolved
 * with its own {@code depth_multiplier} filters of the kernel {@code (k, in, depth_multiplier)};
 * output channel {@code c * depth_multiplier + m}.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape:
 * {@code (batch, newSteps, channels * depth_multiplier)}, steps as {@link Conv1D}.
 */
public class DepthwiseConv1D extends BaseDepthwiseConv {

    /**
     * @param kernelSize      the window length
     * @param strides         the step between windows
     * @param padding         {@code "valid"} or {@code "same"}
     * @param depthMultiplier filters per input channel
     * @param dilationRate    the spacing of the window's taps
     * @param activation      null for none
     * @param useBias         whether to add a bias
     * @param depthwiseInitializer null for glorot_uniform
     * @param biasInitializer      null for zeros
     * @param name            null for a unique default ({@code depthwise_conv1d}, ...)
     */
    public DepthwiseConv1D(int kernelSize, int strides, String padding, int depthMultiplier, int dilationRate,
                           Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer biasInitializer,
                           String name) {
        super(1, depthMultiplier, new int[] {kernelSize}, new int[] {strides}, padding, new int[] {dilationRate}, activation, useBias,
                depthwiseInitializer, biasInitializer, name);
    }

    /** Stride 1, "valid", depth multiplier 1. */
    public DepthwiseConv1D(int kernelSize) {
        this(kernelSize, 1, "valid", 1, 1, null, true, null, null, null);
    }

    @Override
    protected Tensor depthwiseOp(Tensor inputs, Tensor kernel) {
        return Ops.depthwiseConv1d(inputs, kernel, strides()[0], padding(), dilationRate()[0]);
    }

    /** The inverse of {@link #getConfig()}. */
    public static DepthwiseConv1D fromConfig(Map<String, Object> c) {
        Args a = Args.of("DepthwiseConv1D", c);
        return new DepthwiseConv1D(Conv1D.single(a.kernelSize(), "kernel_size"), Conv1D.single(a.strides(), "strides"), a.padding(),
                a.depthMultiplier(), Conv1D.single(a.dilationRate(), "dilation_rate"), a.activation(), a.useBias(),
                a.depthwiseInitializer(), a.biasInitializer(), a.name());
    }
}
