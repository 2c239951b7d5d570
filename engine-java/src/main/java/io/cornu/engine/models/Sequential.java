package io.cornu.engine.models;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A plain stack of layers, each with one input and one output, as Keras' {@code Sequential}.
 * With an {@link InputLayer} first, every added layer is built at once and {@link #summary()}
 * works before training; without one, layers are built on the first batch.
 *
 * <pre>{@code
 * Sequential model = new Sequential();
 * model.add(new InputLayer(784));
 * model.add(new Dense(512, "relu"));
 * model.add(new Dense(10, "softmax"));
 * }</pre>
 */
public class Sequential extends Model {
    private InputLayer inputLayer;
    private final List<Layer> layers = new ArrayList<>();
    /** The symbolic output of the last layer, when the input shape is known. */
    private KerasTensor output;

    public Sequential(String name) {
        super(name);
    }

    public Sequential() {
        this((String) null);
    }

    public Sequential(List<Layer> layers) {
        this((String) null);
        for (Layer l : layers) add(l);
    }

    /** Appends a layer; an {@link InputLayer} fixes the input shape (only as the first layer). */
    public Sequential add(Layer layer) {
        if (layer instanceof InputLayer in) {
            if (inputLayer != null || !layers.isEmpty()) {
                throw new IllegalArgumentException("Sequential model \"" + name() + "\": an InputLayer can only be added first. Received: "
                        + in.name() + " after " + (inputLayer != null ? inputLayer.name() : layers.get(layers.size() - 1).name()));
            }
            inputLayer = in;
            output = in.output();
            return this;
        }
        for (Layer l : layers) {
            if (l.name().equals(layer.name())) {
                throw new IllegalArgumentException("All layers added to a Sequential model should have unique names. Name \""
                        + layer.name() + "\" is already the name of a layer in this model. Update the `name` argument to pass a unique name.");
            }
        }
        if (inputLayer == null && layers.isEmpty() && layer.declaredInputShape() != null) {
            inputLayer = new InputLayer(layer.declaredInputShape(), layer.name() + "_input");
            output = inputLayer.output();
        }
        if (output != null) output = layer.apply(output);
        layers.add(layer);
        return this;
    }

    /** Appends the input layer behind a symbolic tensor from {@link io.cornu.engine.layers.Input#of}. */
    public Sequential add(KerasTensor input) {
        if (!(input.history().layer() instanceof InputLayer in)) {
            throw new IllegalArgumentException("Sequential.add: only the output of Input can be added, received " + input);
        }
        return add(in);
    }

    /** Removes the last layer. */
    public Layer pop() {
        if (layers.isEmpty()) throw new IllegalStateException("There are no layers in the model \"" + name() + "\".");
        Layer removed = layers.remove(layers.size() - 1);
        output = inputLayer == null ? null : layers.isEmpty() ? inputLayer.output() : layers.get(layers.size() - 1).getOutputAt(layers.get(layers.size() - 1).inboundNodes().size() - 1);
        return removed;
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public List<String> inputNames() {
        return List.of(inputLayer != null ? inputLayer.name() : layers.isEmpty() ? "input_1" : layers.get(0).name() + "_input");
    }

    @Override
    public List<String> outputNames() {
        return List.of(layers.isEmpty() ? "output_1" : layers.get(layers.size() - 1).name());
    }

    /** The input layer, or null when the input shape is deferred. */
    public InputLayer inputLayer() {
        return inputLayer;
    }

    /** A deferred build: an input named after the first layer, as Keras' {@code dense_input}, then every layer on it. */
    @Override
    protected void build(Shape inputShape) {
        if (inputLayer != null || layers.isEmpty()) return;
        inputLayer = new InputLayer(inputShape.withoutBatch(), layers.get(0).name() + "_input");
        output = inputLayer.output();
        for (Layer l : layers) output = l.apply(output);
    }

    @Override
    public boolean isBuilt() {
        return super.isBuilt() || output != null;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        for (Layer l : layers) x = l.apply(x, training);
        return x;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        Shape s = inputShape;
        for (Layer l : layers) s = l.computeOutputShape(s);
        return s;
    }
}
