package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Transposed 1-D convolution, as Keras' {@code Conv1DTranspose}: the gradient of a {@link Conv1D}
 * with respect to its input. Kernel {@code (k, filters, in)}, bias {@code (filters,)}. Computed as
 * a {@link Conv2DTranspose} over a height of 1.
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, newSteps, filters)},
 * e.g. {@code steps * stride} with "same" padding.
 */
public class Conv1DTranspose extends BaseConvTranspose {

    /**
     * @param filters       output channels
     * @param kernelSize    the window length
     * @param strides       the step between input positions in the output
     * @param padding       {@code "valid"} or {@code "same"}
     * @param outputPadding extra steps at the end, below the stride; null to infer
     * @param dilationRate  the spacing of the window's taps
     * @param activation    null for none
     * @param useBias       whether to add a bias
     * @param kernelInitializer null for glorot_uniform
     * @param biasInitializer   null for zeros
     * @param name          null for a unique default ({@code conv1d_transpose}, ...)
     */
    public Conv1DTranspose(int filters, int kernelSize, int strides, String padding, Integer outputPadding, int dilationRate,
                           Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, String name) {
        super(1, filters, new int[] {kernelSize}, new int[] {strides}, padding, outputPadding == null ? null : new int[] {outputPadding},
                new int[] {dilationRate}, activation, useBias, kernelInitializer, biasInitializer, name);
    }

    /** With a bias, glorot_uniform kernel, no output padding or dilation. */
    public Conv1DTranspose(int filters, int kernelSize, int strides, String padding, String activation) {
        this(filters, kernelSize, strides, padding, null, 1, Activation.get(activation), true, null, null, null);
    }

    @Override
    protected Tensor transposeOp(Tensor inputs, Tensor kernel) {
        int[] xs = inputs.dims(), ks = kernel.dims();
        int[] op = outputPadding();
        Tensor y = Ops.conv2dTranspose(Ops.reshape(inputs, xs[0], 1, xs[1], xs[2]), Ops.reshape(kernel, 1, ks[0], ks[1], ks[2]),
                new int[] {1, strides()[0]}, padding(), op == null ? null : new int[] {0, op[0]}, new int[] {1, dilationRate()[0]});
        int[] ys = y.dims();
        return Ops.reshape(y, ys[0], ys[2], ys[3]);
    }

    /** The inverse of {@link #getConfig()}. */
    public static Conv1DTranspose fromConfig(Map<String, Object> c) {
        Args a = Args.of("Conv1DTranspose", c);
        return new Conv1DTranspose(a.filters(), Conv1D.single(a.kernelSize(), "kernel_size"), Conv1D.single(a.strides(), "strides"),
                a.padding(), a.outputPadding() == null ? null : a.outputPadding()[0], Conv1D.single(a.dilationRate(), "dilation_rate"),
                a.activation(), a.useBias(), a.kernelInitializer(), a.biasInitializer(), a.name());
    }
}
