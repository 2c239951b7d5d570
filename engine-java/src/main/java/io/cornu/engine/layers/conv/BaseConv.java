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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The N-D convolution layer behind {@link Conv1D} and {@link Conv2D}, as Keras' {@code BaseConv}:
 * {@code output = activation(conv(input, kernel) + bias)}, channels last. The kernel has shape
 * {@code kernel_size + (in / groups, filters)}, the bias {@code (filters,)}.
 *
 * <p>With {@code groups > 1} the input channels are split into {@code groups} equal parts, each
 * convolved with its own {@code filters / groups} filters, and the results concatenated.
 */
public abstract class BaseConv extends Layer {
    private final int rank;
    private final int filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final String padding;
    private final int[] dilationRate;
    private final int groups;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private Variable kernel;
    private Variable bias;

    /**
     * @param rank         the number of spatial axes (1 or 2)
     * @param filters      the number of output channels
     * @param kernelSize   the window, one value per spatial axis or one for all
     * @param strides      the steps between windows, likewise (null for 1)
     * @param padding      {@code "valid"}, {@code "same"}, or {@code "causal"} (rank 1 only)
     * @param dilationRate the spacing of the window's taps, likewise (null for 1); not with strides above 1
     * @param groups       the number of channel groups; divides {@code filters} and the input channels
     * @param activation   applied to the output; null for none
     * @param useBias      whether to add a bias
     * @param kernelInitializer null for glorot_uniform
     * @param biasInitializer   null for zeros
     * @param name         the layer's name, or null
     */
    protected BaseConv(int rank, int filters, int[] kernelSize, int[] strides, String padding, int[] dilationRate, int groups,
                       Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, String name) {
        super(name);
        this.rank = rank;
        this.kernelSize = ConvArguments.tuple(kernelSize, rank, "kernel_size");
        this.strides = ConvArguments.tuple(strides == null ? new int[] {1} : strides, rank, "strides");
        this.dilationRate = ConvArguments.tuple(dilationRate == null ? new int[] {1} : dilationRate, rank, "dilation_rate");
        this.padding = ConvArguments.standardizePadding(padding == null ? "valid" : padding, rank == 1);
        ConvArguments.requirePositive("filters", filters);
        if (groups <= 0) {
            throw new IllegalArgumentException("The number of groups must be a positive integer. Received: groups=" + groups);
        }
        if (filters % groups != 0) {
            throw new IllegalArgumentException("The number of filters must be evenly divisible by the number of groups. Received: groups="
                    + groups + ", filters=" + filters);
        }
        ConvArguments.checkStridesAndDilation(this.strides, this.dilationRate);
        this.filters = filters;
        this.groups = groups;
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

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    public int groups() {
        return groups;
    }

    public Activation activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    /** The kernel {@code kernel_size + (in / groups, filters)}; null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The {@code (filters,)} bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code kernel_regularizer}: a penalty on the kernel added to the loss; null for none. Before building. */
    public BaseConv kernelRegularizer(Regularizer regularizer) {
        regularizer("kernel", regularizer);
        return this;
    }

    /** Keras' {@code bias_regularizer}: a penalty on the bias added to the loss; null for none. Before building. */
    public BaseConv biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return this;
    }

    /** Keras' {@code kernel_constraint}: applied to the kernel after each optimizer update; null for none. Before building. */
    public BaseConv kernelConstraint(Constraint constraint) {
        constraint("kernel", constraint);
        return this;
    }

    /** Keras' {@code bias_constraint}: applied to the bias after each optimizer update; null for none. Before building. */
    public BaseConv biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return this;
    }

    @Override
    public BaseConv activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("kernel", "bias");
    }

    private int[] kernelShape(int inputChannels) {
        int[] shape = Arrays.copyOf(kernelSize, rank + 2);
        shape[rank] = inputChannels / groups;
        shape[rank + 1] = filters;
        return shape;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int in = ConvArguments.inputChannels(this, inputShape);
        if (in % groups != 0) {
            throw new IllegalArgumentException("The number of input channels must be evenly divisible by the number of groups. Received groups="
                    + groups + ", but the input has " + in + " channels (full input shape is " + inputShape + ").");
        }
        computeOutputShape(inputShape);
        kernel = addWeight("kernel", kernelShape(in), kernelInitializer, true, regularizer("kernel"), constraint("kernel"));
        if (useBias) bias = addWeight("bias", new int[] {filters}, biasInitializer, true, regularizer("bias"), constraint("bias"));
        inputSpec = new InputSpec(rank + 2, Map.of(-1, in));
    }

    /** The convolution itself, {@code Ops.conv1d} or {@code Ops.conv2d}, on one channel group. */
    protected abstract Tensor convolutionOp(Tensor inputs, Tensor kernel);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y;
        if (groups == 1) {
            y = convolutionOp(inputs, kernel);
        } else {
            List<Tensor> xs = Ops.split(inputs, groups, rank + 1);
            List<Tensor> ks = Ops.split(kernel, groups, rank + 1);
            List<Tensor> ys = new ArrayList<>(groups);
            for (int g = 0; g < groups; g++) ys.add(convolutionOp(xs.get(g), ks.get(g)));
            y = Ops.concatenate(ys, rank + 1);
        }
        if (useBias) y = Ops.add(y, bias);
        return activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        int in = inputShape.get(-1);
        return ConvArguments.convOutputShape(inputShape, filters, kernelSize, strides, padding, dilationRate,
                kernelShape(in == Shape.NONE ? groups : in));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("filters", filters);
        c.put("kernel_size", ConfigValues.list(kernelSize));
        c.put("strides", ConfigValues.list(strides));
        c.put("padding", padding);
        c.put("data_format", "channels_last");
        c.put("dilation_rate", ConfigValues.list(dilationRate));
        c.put("groups", groups);
        c.put("activation", activation.name());
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        return c;
    }

    /** The constructor arguments of a {@link BaseConv} read from a config, for subclasses' {@code fromConfig}. */
    protected record Args(int filters, int[] kernelSize, int[] strides, String padding, int[] dilationRate, int groups,
                          Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
                          String name) {
        protected static Args of(String className, Map<String, Object> c) {
            ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
            return new Args(ConfigValues.getInt(c, "filters", 0), ConfigValues.getInts(c, "kernel_size"),
                    ConvArguments.ints(c, "strides", 1), ConfigValues.getString(c, "padding", "valid"),
                    ConvArguments.ints(c, "dilation_rate", 1), ConfigValues.getInt(c, "groups", 1),
                    Activation.get(ConfigValues.getString(c, "activation", "linear")), ConfigValues.getBoolean(c, "use_bias", true),
                    ConfigValues.getInitializer(c, "kernel_initializer", null), ConfigValues.getInitializer(c, "bias_initializer", null),
                    ConfigValues.name(c));
        }
    }
}
