package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.GlorotUniform;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.InputSpec;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The transposed convolution behind {@link Conv1DTranspose} and {@link Conv2DTranspose}, as Keras'
 * {@code BaseConvTranspose}: the gradient of a convolution with respect to its input, used to
 * upsample. The kernel has Keras' transposed layout {@code kernel_size + (filters, in)}, the bias
 * {@code (filters,)}.
 *
 * <p>Each spatial size becomes {@code size * stride} ("same") or
 * {@code size * stride + max(kEff - stride, 0)} ("valid"); with {@code output_padding} given,
 * {@code (size - 1) * stride + kEff - 2 * pad + output_padding} ({@code pad = kEff / 2} for "same", else 0).
 */
public abstract class BaseConvTranspose extends Layer {
    private final int rank;
    private final int filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final String padding;
    private final int[] outputPadding;
    private final int[] dilationRate;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private Variable kernel;
    private Variable bias;

    protected BaseConvTranspose(int rank, int filters, int[] kernelSize, int[] strides, String padding, int[] outputPadding,
                                int[] dilationRate, Activation activation, boolean useBias, Initializer kernelInitializer,
                                Initializer biasInitializer, String name) {
        super(name);
        this.rank = rank;
        this.kernelSize = ConvArguments.tuple(kernelSize, rank, "kernel_size");
        this.strides = ConvArguments.tuple(strides == null ? new int[] {1} : strides, rank, "strides");
        this.dilationRate = ConvArguments.tuple(dilationRate == null ? new int[] {1} : dilationRate, rank, "dilation_rate");
        this.padding = ConvArguments.standardizePadding(padding == null ? "valid" : padding, false);
        this.outputPadding = outputPadding == null ? null : ArgumentValidation.standardizeTuple(outputPadding, rank, "output_padding", true);
        ConvArguments.requirePositive("filters", filters);
        if (this.outputPadding != null) {
            for (int i = 0; i < rank; i++) {
                if (this.outputPadding[i] >= this.strides[i]) {
                    throw new IllegalArgumentException("`output_padding` must be < `strides`. Received: output_padding="
                            + ArgumentValidation.pythonTupleLiteral(this.outputPadding) + ", strides="
                            + ArgumentValidation.pythonTupleLiteral(this.strides));
                }
            }
        }
        ConvArguments.checkStridesAndDilation(this.strides, this.dilationRate);
        this.filters = filters;
        this.activation = activation == null ? Activation.LINEAR : activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer == null ? new GlorotUniform() : kernelInitializer;
        this.biasInitializer = biasInitializer == null ? new Zeros() : biasInitializer;
    }

    public int filters() {
        return filters;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public String padding() {
        return padding;
    }

    /** The output padding per axis, or null (Keras' None: inferred). */
    public int[] outputPadding() {
        return outputPadding == null ? null : outputPadding.clone();
    }

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** The kernel {@code kernel_size + (filters, in)}; null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The {@code (filters,)} bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code kernel_regularizer}: a penalty on the kernel added to the loss; null for none. Before building. */
    public BaseConvTranspose kernelRegularizer(Regularizer regularizer) {
        regularizer("kernel", regularizer);
        return this;
    }

    /** Keras' {@code bias_regularizer}: a penalty on the bias added to the loss; null for none. Before building. */
    public BaseConvTranspose biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return this;
    }

    /** Keras' {@code kernel_constraint}: applied to the kernel after each optimizer update; null for none. Before building. */
    public BaseConvTranspose kernelConstraint(Constraint constraint) {
        constraint("kernel", constraint);
        return this;
    }

    /** Keras' {@code bias_constraint}: applied to the bias after each optimizer update; null for none. Before building. */
    public BaseConvTranspose biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return this;
    }

    @Override
    public BaseConvTranspose activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("kernel", "bias");
    }

    private int[] kernelShape(int in) {
        int[] shape = Arrays.copyOf(kernelSize, rank + 2);
        shape[rank] = filters;
        shape[rank + 1] = in;
        return shape;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int in = ConvArguments.inputChannels(this, inputShape);
        computeOutputShape(inputShape);
        kernel = addWeight("kernel", kernelShape(in), kernelInitializer, true, regularizer("kernel"), constraint("kernel"));
        if (useBias) bias = addWeight("bias", new int[] {filters}, biasInitializer, true, regularizer("bias"), constraint("bias"));
        inputSpec = new InputSpec(rank + 2, Map.of(-1, in));
    }

    /** The transposed convolution ({@code Ops.conv2dTranspose}, or its 1-D form). */
    protected abstract Tensor transposeOp(Tensor inputs, Tensor kernel);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y = transposeOp(inputs, kernel);
        if (useBias) y = Ops.add(y, bias);
        return activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int[] out = inputShape.dims();
        for (int i = 0; i < rank; i++) {
            int len = Ops.convTransposeOutputLength(inputShape.get(i + 1), kernelSize[i], strides[i], padding,
                    outputPadding == null ? null : outputPadding[i], dilationRate[i]);
            if (len != Shape.NONE && len <= 0) {
                throw new IllegalArgumentException("Computed output size would be negative. Received `inputs shape=" + inputShape
                        + "`, `kernel shape=" + ArgumentValidation.pythonTupleLiteral(kernelShape(inputShape.get(-1)))
                        + "`, `dilation_rate=" + ConvArguments.numpyList(dilationRate) + "`.");
            }
            out[i + 1] = len;
        }
        out[rank + 1] = filters;
        return Shape.of(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("filters", filters);
        c.put("kernel_size", ConfigValues.list(kernelSize));
        c.put("strides", ConfigValues.list(strides));
        c.put("padding", padding);
        c.put("output_padding", outputPadding == null ? null : ConfigValues.list(outputPadding));
        c.put("data_format", "channels_last");
        c.put("dilation_rate", ConfigValues.list(dilationRate));
        c.put("activation", activation.name());
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        return c;
    }

    /** The constructor arguments read from a config, for subclasses' {@code fromConfig}. */
    protected record Args(int filters, int[] kernelSize, int[] strides, String padding, int[] outputPadding, int[] dilationRate,
                          Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
                          String name) {
        protected static Args of(String className, Map<String, Object> c) {
            ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
            return new Args(ConfigValues.getInt(c, "filters", 0), ConfigValues.getInts(c, "kernel_size"),
                    ConvArguments.ints(c, "strides", 1), ConfigValues.getString(c, "padding", "valid"),
                    ConfigValues.getInts(c, "output_padding"), ConvArguments.ints(c, "dilation_rate", 1),
                    Activation.get(ConfigValues.getString(c, "activation", "linear")), ConfigValues.getBoolean(c, "use_bias", true),
                    ConfigValues.getInitializer(c, "kernel_initializer", null), ConfigValues.getInitializer(c, "bias_initializer", null),
                    ConfigValues.name(c));
        }
    }
}
