package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * 1-D convolution over sequences, as Keras' {@code Conv1D}: a kernel {@code (k, in, filters)}
 * slides over the steps of a channels-last input, {@code output = activation(conv1d(input, kernel) + bias)}.
 * {@code "causal"} padding pads {@code (k - 1) * dilation} steps before the sequence, so that
 * output {@code t} depends on no input after {@code t} (WaveNet).
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: {@code (batch, newSteps, filters)},
 * {@code newSteps = floor((steps - kEff) / stride) + 1} ("valid") or {@code ceil(steps / stride)}
 * ("same", "causal"); None steps stay None.
 *
 * <pre>{@code new Conv1D(32, 7, "relu")}</pre>
 */
public class Conv1D extends BaseConv {

    /**
     * @param filters      output channels
     * @param kernelSize   the window length
     * @param strides      the step between windows
     * @param padding      {@code "valid"}, {@code "same"} or {@code "causal"}
     * @param dilationRate the spacing of the window's taps; not with strides above 1
     * @param groups       channel groups (1 for a plain convolution)
     * @param activation   null for none
     * @param useBias      whether to add a bias
     * @param kernelInitializer null for glorot_uniform
     * @param biasInitializer   null for zeros
     * @param name         null for a unique default ({@code conv1d}, ...)
     */
    public Conv1D(int filters, int kernelSize, int strides, String padding, int dilationRate, int groups,
                  Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, String name) {
        super(1, filters, new int[] {kernelSize}, new int[] {strides}, padding, new int[] {dilationRate}, groups, activation, useBias,
                kernelInitializer, biasInitializer, name);
    }

    /** A convolution with the given stride and padding, no dilation, a bias and glorot_uniform kernel. */
    public Conv1D(int filters, int kernelSize, int strides, String padding, String activation) {
        this(filters, kernelSize, strides, padding, 1, 1, Activation.get(activation), true, null, null, null);
    }

    /** Stride 1, "valid": {@code new Conv1D(32, 7, "relu")}. */
    public Conv1D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize, 1, "valid", activation);
    }

    public Conv1D(int filters, int kernelSize) {
        this(filters, kernelSize, null);
    }

    @Override
    protected Tensor convolutionOp(Tensor inputs, Tensor kernel) {
        return Ops.conv1d(inputs, kernel, strides()[0], padding(), dilationRate()[0]);
    }

    /** The inverse of {@link #getConfig()}. */
    public static Conv1D fromConfig(Map<String, Object> c) {
        Args a = Args.of("Conv1D", c);
        return new Conv1D(a.filters(), single(a.kernelSize(), "kernel_size"), single(a.strides(), "strides"), a.padding(),
                single(a.dilationRate(), "dilation_rate"), a.groups(), a.activation(), a.useBias(), a.kernelInitializer(),
                a.biasInitializer(), a.name());
    }

    static int single(int[] values, String name) {
        return ConvArguments.tuple(values, 1, name)[0];
    }
}
