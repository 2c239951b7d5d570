package io.cornu.engine.layers.core;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.RandomUniform;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns non-negative integer indices into dense vectors of fixed size, as Keras' {@code Embedding}:
 * {@code [[4], [20]] -> [[0.25, 0.1], [0.6, -0.2]]}. The {@code embeddings} weight has shape
 * {@code (inputDim, outputDim)}; row {@code i} is the vector of index {@code i}.
 *
 * <p>With {@code maskZero}, index 0 is padding: the output carries the mask {@code ids != 0}
 * (see {@link Tensor#kerasMask()}) for the mask-aware layers after it, so the vocabulary uses
 * indices {@code 1 .. inputDim - 1}.
 *
 * <p>Input shape: {@code (batch, ...)} of int32 or int64 indices (floats are truncated to int32).
 * Output shape: {@code (batch, ..., outputDim)}.
 *
 * <pre>{@code new Embedding(10000, 32)}</pre>
 */
public class Embedding extends Layer {
    private final int inputDim;
    private final int outputDim;
    private final Initializer embeddingsInitializer;
    private final boolean maskZero;
    private Variable embeddings;

    /**
     * @param inputDim              the vocabulary size, the largest index + 1
     * @param outputDim             the size of each vector
     * @param embeddingsInitializer null for Keras' {@code "uniform"}, {@link RandomUniform} in {@code [-0.05, 0.05)}
     * @param maskZero              whether index 0 is padding to be masked
     * @param name                  the layer's name, or null
     */
    public Embedding(int inputDim, int outputDim, Initializer embeddingsInitializer, boolean maskZero, String name) {
        super(name);
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("Both `input_dim` and `output_dim` should be positive. Received: input_dim="
                    + inputDim + ", output_dim=" + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.embeddingsInitializer = embeddingsInitializer == null ? new RandomUniform() : embeddingsInitializer;
        this.maskZero = maskZero;
    }

    public Embedding(int inputDim, int outputDim, boolean maskZero) {
        this(inputDim, outputDim, null, maskZero, null);
    }

    public Embedding(int inputDim, int outputDim) {
        this(inputDim, outputDim, null, false, null);
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    public boolean maskZero() {
        return maskZero;
    }

    /** The {@code (inputDim, outputDim)} table; null before the layer is built. */
    public Variable embeddings() {
        return embeddings;
    }

    /** Keras' {@code embeddings_regularizer}: a penalty on the whole table added to the loss; null for none. */
    public Embedding embeddingsRegularizer(Regularizer regularizer) {
        regularizer("embeddings", regularizer);
        return this;
    }

    /** Keras' {@code embeddings_constraint}: applied to the table after each optimizer update; null for none. */
    public Embedding embeddingsConstraint(Constraint constraint) {
        constraint("embeddings", constraint);
        return this;
    }

    @Override
    public Embedding activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("embeddings");
    }

    @Override
    protected void build(Shape inputShape) {
        embeddings = addWeight("embeddings", new int[] {inputDim, outputDim}, embeddingsInitializer, true,
                regularizer("embeddings"), constraint("embeddings"));
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor ids = inputs.dtype() == DType.INT32 || inputs.dtype() == DType.INT64 ? inputs : Ops.cast(inputs, DType.INT32);
        return Ops.take(embeddings, ids, 0);
    }

    /** The mask {@code ids != 0} when {@code maskZero}, else none (Keras' {@code compute_mask}). */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        if (!maskZero) return Collections.singletonList(null);
        return List.of(Ops.notEqual(inputs.get(0), Tensor.ofInts(0)));
    }

    @Override
    public boolean supportsMasking() {
        return maskZero;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] d = inputShape.dims();
        int[] out = java.util.Arrays.copyOf(d, d.length + 1);
        out[d.length] = outputDim;
        return Shape.of(out);
    }

    /** The inverse of {@link #getConfig()}. */
    public static Embedding fromConfig(Map<String, Object> c) {
        return new Embedding(ConfigValues.getInt(c, "input_dim", 0), ConfigValues.getInt(c, "output_dim", 0),
                ConfigValues.getInitializer(c, "embeddings_initializer", null),
                ConfigValues.getBoolean(c, "mask_zero", false), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("embeddings_initializer", Initializers.serialize(embeddingsInitializer));
        c.put("mask_zero", maskZero);
        return c;
    }
}
