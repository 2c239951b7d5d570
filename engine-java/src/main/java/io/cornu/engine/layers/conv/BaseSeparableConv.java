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
 * The separable convolution behind {@link SeparableConv1D} and {@link SeparableConv2D}, as Keras'
 * {@code BaseSeparableConv}: a depthwise convolution (each channel on its own, {@code depth_multiplier}
 * filters per channel) followed by a pointwise 1x1 convolution mixing the channels, then bias and
 * activation. Weights, in Keras' order: {@code depthwise_kernel} {@code kernel_size + (in, depth_multiplier)},
 * {@code pointwise_kernel} {@code (1, ..., in * depth_multiplier, filters)}, {@code bias (filters,)}.
 */
public abstract class BaseSeparableConv extends Layer {
    private final int rank;
    private final int depthMultiplier;
    private final int filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final String padding;
    private final int[] dilationRate;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer depthwiseInitializer;
    private final Initializer pointwiseInitializer;
    private final Initializer biasInitializer;
    private Variable depthwiseKernel;
    private Variable pointwiseKernel;
    private Variable bias;

    protected BaseSeparableConv(int rank, int depthMultiplier, int filters, int[] kernelSize, int[] strides, String padding,
                                int[] dilationRate, Activation activation, boolean useBias, Initializer depthwiseInitializer,
                                Initializer pointwiseInitializer, Initializer biasInitializer, String name) {
        super(name);
        this.rank = rank;
        this.kernelSize = ConvArguments.tuple(kernelSize, rank, "kernel_size");
        this.strides = ConvArguments.tuple(strides == null ? new int[] {1} : strides, rank, "strides");
        this.dilationRate = ConvArguments.tuple(dilationRate == null ? new int[] {1} : dilationRate, rank, "dilation_rate");
        this.padding = ConvArguments.standardizePadding(padding == null ? "valid" : padding, false);
        ConvArguments.requirePositive("depth_multiplier", depthMultiplier);
        ConvArguments.requirePositive("filters", filters);
        ConvArguments.checkStridesAndDilation(this.strides, this.dilationRate);
        this.depthMultiplier = depthMultiplier;
        this.filters = filters;
        this.activation = activation == null ? Activation.LINEAR : activation;
        this.useBias = useBias;
        this.depthwiseInitializer = depthwiseInitializer == null ? new GlorotUniform() : depthwiseInitializer;
        this.pointwiseInitializer = pointwiseInitializer == null ? new GlorotUniform() : pointwiseInitializer;
        this.biasInitializer = biasInitializer == null ? new Zeros() : biasInitializer;
    }

    public int filters() {
        return filters;
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

    /** {@code kernel_size + (in, depth_multiplier)}; null before the layer is built. */
    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    /** {@code (1, ..., in * depth_multiplier, filters)}; null before the layer is built. */
    public Variable pointwiseKernel() {
        return pointwiseKernel;
    }

    /** {@code (filters,)}; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code depthwise_regularizer}: a penalty on the depthwise kernel added to the loss; null for none. Before building. */
    public BaseSeparableConv depthwiseRegularizer(Regularizer regularizer) {
        regularizer("depthwise", regularizer);
        return this;
    }

    /** Keras' {@code pointwise_regularizer}: a penalty on the pointwise kernel added to the loss; null for none. Before building. */
    public BaseSeparableConv pointwiseRegularizer(Regularizer regularizer) {
        regularizer("pointwise", regularizer);
        return this;
    }

    /** Keras' {@code bias_regularizer}: a penalty on the bias added to the loss; null for none. Before building. */
    public BaseSeparableConv biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return this;
    }

    /** Keras' {@code depthwise_constraint}: applied to the depthwise kernel after each optimizer update; null for none. Before building. */
    public BaseSeparableConv depthwiseConstraint(Constraint constraint) {
        constraint("depthwise", constraint);
        return this;
    }

    /** Keras' {@code pointwise_constraint}: applied to the pointwise kernel after each optimizer update; null for none. Before building. */
    public BaseSeparableConv pointwiseConstraint(Constraint constraint) {
        constraint("pointwise", constraint);
        return this;
    }

    /** Keras' {@code bias_constraint}: applied to the bias after each optimizer update; null for none. Before building. */
    public BaseSeparableConv biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return this;
    }

    @Override
    public BaseSeparableConv activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("depthwise", "pointwise", "bias");
    }

    private int[] depthwiseShape(int in) {
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
        int[] pointwiseShape = new int[rank + 2];
        Arrays.fill(pointwiseShape, 1);
        pointwiseShape[rank] = in * depthMultiplier;
        pointwiseShape[rank + 1] = filters;
        depthwiseKernel = addWeight("depthwise_kernel", depthwiseShape(in), depthwiseInitializer, true, regularizer("depthwise"), constraint("depthwise"));
        pointwiseKernel = addWeight("pointwise_kernel", pointwiseShape, pointwiseInitializer, true, regularizer("pointwise"), constraint("pointwise"));
        if (useBias) bias = addWeight("bias", new int[] {filters}, biasInitializer, true, regularizer("bias"), constraint("bias"));
        inputSpec = new InputSpec(rank + 2, Map.of(-1, in));
    }

    /** The depthwise convolution ({@code Ops.depthwiseConv1d/2d}) at the layer's strides, padding and dilation. */
    protected abstract Tensor depthwiseOp(Tensor inputs, Tensor depthwiseKernel);

    /** The 1x1 convolution at stride 1 ({@code Ops.conv1d/2d}). */
    protected abstract Tensor pointwiseOp(Tensor inputs, Tensor pointwiseKernel);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y = pointwiseOp(depthwiseOp(inputs, depthwiseKernel), pointwiseKernel);
        if (useBias) y = Ops.add(y, bias);
        return activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        return ConvArguments.convOutputShape(inputShape, filters, kernelSize, strides, padding, dilationRate,
                depthwiseShape(inputShape.get(-1)));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("depth_multiplier", depthMultiplier);
        c.put("filters", filters);
        c.put("kernel_size", ConfigValues.list(kernelSize));
        c.put("strides", ConfigValues.list(strides));
        c.put("padding", padding);
        c.put("data_format", "channels_last");
        c.put("dilation_rate", ConfigValues.list(dilationRate));
        c.put("activation", activation.name());
        c.put("use_bias", useBias);
        c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
        c.put("pointwise_initializer", Initializers.serialize(pointwiseInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        return c;
    }

    /** The constructor arguments read from a config, for subclasses' {@code fromConfig}. */
    protected record Args(int depthMultiplier, int filters, int[] kernelSize, int[] strides, String padding, int[] dilationRate,
                          Activation activation, boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                          Initializer biasInitializer, String name) {
        protected static Args of(String className, Map<String, Object> c) {
            ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
            return new Args(ConfigValues.getInt(c, "depth_multiplier", 1), ConfigValues.getInt(c, "filters", 0),
                    ConfigValues.getInts(c, "kernel_size"), ConvArguments.ints(c, "strides", 1), ConfigValues.getString(c, "padding", "valid"),
                    ConvArguments.ints(c, "dilation_rate", 1), Activation.get(ConfigValues.getString(c, "activation", "linear")),
                    ConfigValues.getBoolean(c, "use_bias", true), ConfigValues.getInitializer(c, "depthwise_initializer", null),
                    ConfigValues.getInitializer(c, "pointwise_initializer", null), ConfigValues.getInitializer(c, "bias_initializer", null),
                    ConfigValues.name(c));
        }
    }
}
