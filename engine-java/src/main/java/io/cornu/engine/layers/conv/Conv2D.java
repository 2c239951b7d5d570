package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * 2-D convolution over images, as Keras' {@code Conv2D}: a kernel {@code (kh, kw, in, filters)}
 * slides over the height and width of a channels-last input,
 * {@code output = activation(conv2d(input, kernel) + bias)}.
 *
 * <p>Input shape: {@code (batch, height, width, channels)}. Output shape:
 * {@code (batch, newHeight, newWidth, filters)}, each new size {@code floor((size - kEff) / stride) + 1}
 * ("valid") or {@code ceil(size / stride)} ("same"), {@code kEff = (k - 1) * dilation + 1}; None
 * stays None.
 *
 * <pre>{@code new Conv2D(32, 3, "relu")   // 28x28x1 -> 26x26x32, 320 params}</pre>
 */
public class Conv2D extends BaseConv {

    /**
     * @param filters      output channels
     * @param kernelSize   {@code {kh, kw}}, or one value for both
     * @param strides      {@code {sh, sw}} or one value; null for 1
     * @param padding      {@code "valid"} or {@code "same"}
     * @param dilationRate {@code {dh, dw}} or one value; null for 1
     * @param groups       channel groups (1 for a plain convolution)
     * @param activation   null for none
     * @param useBias      whether to add a bias
     * @param kernelInitializer null for glorot_uniform
     * @param biasInitializer   null for zeros
     * @param name         null for a unique default ({@code conv2d}, {@code conv2d_1}, ...)
     */
    public Conv2D(int filters, int[] kernelSize, int[] strides, String padding, int[] dilationRate, int groups,
                  Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, String name) {
        super(2, filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias, kernelInitializer, biasInitializer, name);
    }

    /** A convolution with the given strides and padding, no dilation, a bias and glorot_uniform kernel. */
    public Conv2D(int filters, int[] kernelSize, int[] strides, String padding, String activation) {
        this(filters, kernelSize, strides, padding, null, 1, Activation.get(activation), true, null, null, null);
    }

    /** A square {@code kernelSize} window at stride 1, "valid": {@code new Conv2D(32, 3, "relu")}. */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(filters, new int[] {kernelSize}, null, "valid", activation);
    }

    public Conv2D(int filters, int kernelSize) {
        this(filters, kernelSize, null);
    }

    @Override
    protected Tensor convolutionOp(Tensor inputs, Tensor kernel) {
        return Ops.conv2d(inputs, kernel, strides(), padding(), dilationRate());
    }

    /** The inverse of {@link #getConfig()}. */
    public static Conv2D fromConfig(Map<String, Object> c) {
        Args a = Args.of("Conv2D", c);
        return new Conv2D(a.filters(), a.kernelSize(), a.strides(), a.padding(), a.dilationRate(), a.groups(), a.activation(),
                a.useBias(), a.kernelInitializer(), a.biasInitializer(), a.name());
    }
}
