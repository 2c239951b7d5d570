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
 * The depthwise convolution behind {@link DepthwiseConv1D} and {@link DepthwiseConv2D}, as Keras'
 * {@code BaseDepthwiseConv}: each input channel {@code c} is convolved with its own
 * {@code depth_multiplier} filters, giving output channels {@code c * depth_multiplier + m}; no
 * mixing across channels. The kernel, named {@code kernel} as in Keras 3, has shape
 * {@code kernel_size + (in, depth_multiplier)}, the bias {@code (in * depth_multiplier,)}.
 */
public abstract class BaseDepthwiseConv extends Layer {
    private final int rank;
    private final int depthMultiplier;
    private final int[] kernelSize;
    private final int[] strides;
    private final String padding;
    private final int[] dilationRate;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer depthwiseInitializer;
    private final Initializer biasInitializer;
    private Variable kernel;
    private Variable bias;

    protected BaseDepthwiseConv(int rank, int depthMultiplier, int[] kernelSize, int[] strides, String padding, int[] dilationRate,
                                Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer biasInitializer,
                                String name) {
        super(name);
        this.rank = rank;
        this.kernelSize = ConvArguments.tuple(kernelSize, rank, "kernel_size");
        this.strides = ConvArguments.tuple(strides == null ? new int[] {1} : strides, rank, "strides");
        this.dilationRate = ConvArguments.tuple(dilationRate == null ? new int[] {1} : dilationRate, rank, "dilation_rate");
        this.padding = ConvArguments.standardizePadding(padding == null ? "valid" : padding, false);
        ConvArguments.requirePositive("depth_multiplier", depthMultiplier);
        ConvArguments.checkStridesAndDilation(this.strides, this.dilationRate);
        this.depthMultiplier = depthMultiplier;
        this.activation = activation == null ? Activation.LINEAR : activation;
        this.useBias = useBias;
        this.depthwiseInitializer = depthwiseInitializer == null ? new GlorotUniform() : depthwiseInitializer;
        this.biasInitializer = biasInitializer == null ? new Zeros() : biasInitializer;
    }

    public int depthMultiplier() {
        return depthMultiplier;
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

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** The depthwise kernel {@code kernel_size + (in, depth_multiplier)}; null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The {@code (in * depth_multiplier,)} bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code depthwise_regularizer}: a penalty on the depthwise kernel added to the loss; null for none. Before building. */
    public BaseDepthwiseConv depthwiseRegularizer(Regularizer regularizer) {
        regularizer("depthwise", regularizer);
        return this;
    }

    /** Keras' {@code bias_regularizer}: a penalty on the bias added to the loss; null for none. Before building. */
    public BaseDepthwiseConv biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return this;
    }

    /** Keras' {@code depthwise_constraint}: applied to the depthwise kernel after each optimizer update; null for none. Before building. */
    public BaseDepthwiseConv depthwiseConstraint(Constraint constraint) {
        constraint("depthwise", constraint);
        return this;
    }

    /** Keras' {@code bias_constraint}: applied to the bias after each optimizer update; null for none. Before building. */
    public BaseDepthwiseConv biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return this;
    }

    @Override
    public BaseDepthwiseConv activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("depthwise", "bias");
    }

    private int[] kernelShape(int in) {
        int[] shape = Arrays.copyOf(kernelSize, rank + 2);
        shape[rank] = in;
        shape[rank + 1] = depthMultiplier;
        return shape;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int in = ConvArguments.inputChannels(this, inputShape);
        computeOutputShape(inputShape);
        kernel = addWeight("kernel", kernelShape(in), depthwiseInitializer, true, regularizer("depthwise"), constraint("depthwise"));
        if (useBias) bias = addWeight("bias", new int[] {in * depthMultiplier}, biasInitializer, true, regularizer("bias"), constraint("bias"));
        inputSpec = new InputSpec(rank + 2, Map.of(-1, in));
    }

    /** {@code Ops.depthwiseConv1d} or {@code Ops.depthwiseConv2d}. */
    protected abstract Tensor depthwiseOp(Tensor inputs, Tensor kernel);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y = depthwiseOp(inputs, kernel);
        if (useBias) y = Ops.add(y, bias);
        return activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int in = inputShape.get(-1);
        return ConvArguments.convOutputShape(inputShape, in == Shape.NONE ? Shape.NONE : in * depthMultiplier, kernelSize, strides,
                padding, dilationRate, kernelShape(in));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("depth_multiplier", depthMultiplier);
        c.put("kernel_size", ConfigValues.list(kernelSize));
        c.put("strides", ConfigValues.list(strides));
        c.put("padding", padding);
        c.put("data_format", "channels_last");
        c.put("dilation_rate", ConfigValues.list(dilationRate));
        c.put("activation", activation.name());
        c.put("use_bias", useBias);
        c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        return c;
    }

    /** The constructor arguments read from a config, for subclasses' {@code fromConfig}. */
    protected record Args(int depthMultiplier, int[] kernelSize, int[] strides, String padding, int[] dilationRate,
                          Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer biasInitializer,
                          String name) {
        protected static Args of(String className, Map<String, Object> c) {
            ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
            return new Args(ConfigValues.getInt(c, "depth_multiplier", 1), ConfigValues.getInts(c, "kernel_size"),
                    ConvArguments.ints(c, "strides", 1), ConfigValues.getString(c, "padding", "valid"),
                    ConvArguments.ints(c, "dilation_rate", 1), Activation.get(ConfigValues.getString(c, "activation", "linear")),
                    ConfigValues.getBoolean(c, "use_bias", true), ConfigValues.getInitializer(c, "depthwise_initializer", null),
                    ConfigValues.getInitializer(c, "bias_initializer", null), ConfigValues.name(c));
        }
    }
}
