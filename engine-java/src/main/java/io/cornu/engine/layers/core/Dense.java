package io.cornu.engine.layers.core;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.GlorotUniform;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.InputSpec;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * A densely connected layer: {@code output = activation(dot(input, kernel) + bias)}, as Keras'
 * {@code Dense}. The kernel has shape {@code (inputDim, units)}; inputs of rank above 2 are
 * multiplied along their last axis.
 *
 * <p>Input shape: {@code (batch, ..., inputDim)}. Output shape: {@code (batch, ..., units)}.
 *
 * <p>Regularizers and constraints are set before the layer is built:
 * <pre>{@code new Dense(32, "relu")}
 * {@code new Dense(16, "relu").kernelRegularizer(new L2(0.002))}</pre>
 */
public class Dense extends Layer {
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private Variable kernel;
    private Variable bias;

    public Dense(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                 Initializer biasInitializer, String name) {
        super(name);
        if (units <= 0) {
            throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. Received: units=" + units);
        }
        this.units = units;
        this.activation = activation == null ? Activation.LINEAR : activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer == null ? new GlorotUniform() : kernelInitializer;
        this.biasInitializer = biasInitializer == null ? new Zeros() : biasInitializer;
    }

    public Dense(int units, Activation activation, String name) {
        this(units, activation, true, null, null, name);
    }

    public Dense(int units, String activation) {
        this(units, Activation.get(activation), null);
    }

    public Dense(int units) {
        this(units, Activation.LINEAR, null);
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    /** The {@code (inputDim, units)} weight matrix; null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The {@code (units,)} bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code kernel_regularizer}: a penalty on the kernel added to the loss; null for none. */
    public Dense kernelRegularizer(Regularizer regularizer) {
        regularizer("kernel", regularizer);
        return this;
    }

    /** Keras' {@code bias_regularizer}. */
    public Dense biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return this;
    }

    /** Keras' {@code kernel_constraint}: applied to the kernel after each optimizer update; null for none. */
    public Dense kernelConstraint(Constraint constraint) {
        constraint("kernel", constraint);
        return this;
    }

    /** Keras' {@code bias_constraint}. */
    public Dense biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return this;
    }

    @Override
    public Dense activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("kernel", "bias");
    }

    @Override
    protected void build(Shape inputShape) {
        if (inputShape.rank() < 2 || !inputShape.isKnown(-1)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": the last dimension of the inputs to a Dense layer "
                    + "should be defined. Found None. Full input shape received: " + inputShape);
        }
        int inputDim = inputShape.get(-1);
        kernel = addWeight("kernel", new int[] {inputDim, units}, kernelInitializer, true, regularizer("kernel"), constraint("kernel"));
        if (useBias) bias = addWeight("bias", new int[] {units}, biasInitializer, true, regularizer("bias"), constraint("bias"));
        inputSpec = new InputSpec(2, Map.of(-1, inputDim));
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        int[] dims = inputs.dims();
        if (dims.length > 2) x = Ops.reshape(x, -1, dims[dims.length - 1]);
        Tensor y = Ops.matmul(x, kernel);
        if (useBias) y = Ops.add(y, bias);
        if (dims.length > 2) {
            int[] outDims = dims.clone();
            outDims[outDims.length - 1] = units;
            y = Ops.reshape(y, outDims);
        }
        return activation.apply(y);
    }

    /** Dense maps each timestep on its own, so a sequence's mask still applies to its output. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape.with(-1, units);
    }

    /** The inverse of {@link #getConfig()}. */
    public static Dense fromConfig(Map<String, Object> c) {
        return new Dense(((Number) c.get("units")).intValue(),
                Activation.get((String) c.getOrDefault("activation", "linear")),
                (Boolean) c.getOrDefault("use_bias", true),
                ConfigValues.getInitializer(c, "kernel_initializer", null),
                ConfigValues.getInitializer(c, "bias_initializer", null),
                (String) c.get("name"));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("units", units);
        c.put("activation", activation.name());
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        return c;
    }
}
