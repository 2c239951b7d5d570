package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Transposed 2-D convolution (sometimes called deconvolution), as Keras' {@code Conv2DTranspose}:
 * the gradient of a {@link Conv2D} with respect to its input, mapping each input pixel to a
 * {@code kh x kw} patch of the output; with strides above 1 it upsamples. Kernel
 * {@code (kh, kw, filters, in)}, bias {@code (filters,)}.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape:
 * {@code (batch, newHeight, newWidth, filters)}, e.g. {@code height * stride} with "same" padding.
 *
 * <pre>{@code new Conv2DTranspose(32, new int[] {3, 3}, new int[] {2, 2}, "same", "relu")  // 7x7 -> 14x14}</pre>
 */
public class Conv2DTranspose extends BaseConvTranspose {

    /**
     * @param filters       output channels
     * @param kernelSize    {@code {kh, kw}} or one value for both
     * @param strides       {@code {sh, sw}} or one value; null for 1
     * @param padding       {@code "valid"} or {@code "same"}
     * @param outputPadding extra rows and columns on one side, each below its stride; null to infer
     * @param dilationRate  {@code {dh, dw}} or one value; null for 1
     * @param activation    null for none
     * @param useBias       whether to add a bias
     * @param kernelInitializer null for glorot_uniform
     * @param biasInitializer   null for zeros
     * @param name          null for a unique default ({@code conv2d_transpose}, ...)
     */
    public Conv2DTranspose(int filters, int[] kernelSize, int[] strides, String padding, int[] outputPadding, int[] dilationRate,
                           Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, String name) {
        super(2, filters, kernelSize, strides, padding, outputPadding, dilationRate, activation, useBias, kernelInitializer,
                biasInitializer, name);
    }

    /** With a bias, glorot_uniform kernel, no output padding or dilation. */
    public Conv2DTranspose(int filters, int[] kernelSize, int[] strides, String padding, String activation) {
        this(filters, kernelSize, strides, padding, null, null, Activation.get(activation), true, null, null, null);
    }

    /** A square window at stride 1, "valid". */
    public Conv2DTranspose(int filters, int kernelSize) {
        this(filters, new int[] {kernelSize}, null, "valid", null);
    }

    @Override
    protected Tensor transposeOp(Tensor inputs, Tensor kernel) {
        return Ops.conv2dTranspose(inputs, kernel, strides(), padding(), outputPadding(), dilationRate());
    }

    /** The inverse of {@link #getConfig()}. */
    public static Conv2DTranspose fromConfig(Map<String, Object> c) {
        Args a = Args.of("Conv2DTranspose", c);
        return new Conv2DTranspose(a.filters(), a.kernelSize(), a.strides(), a.padding(), a.outputPadding(), a.dilationRate(),
                a.activation(), a.useBias(), a.kernelInitializer(), a.biasInitializer(), a.name());
    }
}
