package io.cornu.engine.layers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every layer, as Keras' {@code Layer}: built lazily from the first input shape
 * ({@link #build}), computes with {@link #call}, infers shapes with {@link #computeOutputShape},
 * describes itself with {@link #getConfig}, and owns weights made by {@link #addWeight}.
 *
 * <p>{@link #apply(Tensor)} runs a layer on data; {@link #apply(KerasTensor)} on a symbolic tensor
 * records a {@link Node}, one per call, so a layer called twice shares its weights and keeps both
 * calls ({@link #getInputAt}, {@link #getOutputAt}).
 */
public abstract class Layer {
    private final String name;
    private boolean trainable = true;
    private boolean built;
    private Shape buildInputShape;
    private final List<Variable> ownWeights = new ArrayList<>();
    private final List<Layer> trackedLayers = new ArrayList<>();
    private final List<Node> inboundNodes = new ArrayList<>();
    /** Checked on every call once set (typically in {@link #build}). */
    protected InputSpec inputSpec;

    /** @param name the layer's name; null for a unique default from the class name ({@code dense_1}) */
    protected Layer(String name) {
        this.name = name != null ? name : Names.unique(defaultNameBase());
    }

    /** The stem of default names: the snake-cased class name, {@code Dense} to {@code dense}. */
    protected String defaultNameBase() {
        return Names.toSnakeCase(className());
    }

    public String name() {
        return name;
    }

    /** The Keras class name shown in summaries and configs, e.g. {@code "Dense"}. */
    public String className() {
        return getClass().getSimpleName();
    }

    // ---- building ------------------------------------------------------------------------------

    public boolean isBuilt() {
        return built;
    }

    /** The input shape the layer was built for, or null before. */
    public Shape buildInputShape() {
        return buildInputShape;
    }

    /** Builds the layer for {@code inputShape} unless already built. */
    public final void ensureBuilt(Shape inputShape) {
        if (built) return;
        build(inputShape);
        buildInputShape = inputShape;
        built = true;
    }

    /** Creates the weights for inputs of {@code inputShape}. Called once, before the first call. */
    protected void build(Shape inputShape) {
    }

    /**
     * Adds a weight, named {@code <layer>/<name>} and initialised from the global random seed.
     * Keras' {@code add_weight}.
     */
    protected Variable addWeight(String weightName, int[] shape, Initializer initializer, boolean trainable) {
        Variable v = new Variable(name + "/" + weightName, initializer.create(shape, RandomSeed.next()), trainable && this.trainable);
        ownWeights.add(v);
        return v;
    }

    /** Makes {@code layer}'s weights part of this layer's (for layers built from layers). */
    protected <L extends Layer> L trackLayer(L layer) {
        trackedLayers.add(layer);
        return layer;
    }

    /** The layers this layer is made of, for weight collection and summaries. */
    protected List<Layer> trackedLayers() {
        return Collections.unmodifiableList(trackedLayers);
    }

    // ---- computing ---------------------------------------------------------------------------------

    /** The layer's computation on data. Layers compute only with {@link io.cornu.engine.ops.Ops}. */
    protected abstract Tensor call(Tensor inputs, boolean training);

    /** The output shape for an input shape ({@code None} dims allowed). */
    public abstract Shape computeOutputShape(Shape inputShape);

    /** Runs the layer on data in inference mode. */
    public Tensor apply(Tensor inputs) {
        return apply(inputs, false);
    }

    /** Runs the layer on data, building it first if needed. */
    public Tensor apply(Tensor inputs, boolean training) {
        Shape shape = inputs.shape();
        ensureBuilt(shape.with(0, Shape.NONE));
        if (inputSpec != null) inputSpec.check(this, 0, shape);
        return call(inputs, training);
    }

    /** Calls the layer on a symbolic tensor: builds it, checks the input, records a {@link Node}. */
    public KerasTensor apply(KerasTensor input) {
        ensureBuilt(input.shape());
        if (inputSpec != null) inputSpec.check(this, 0, input.shape());
        Shape out = computeOutputShape(input.shape());
        KerasTensor output = new KerasTensor(out, DType.FLOAT32, name,
                new KerasTensor.History(this, inboundNodes.size(), 0));
        inboundNodes.add(new Node(this, List.of(input), List.of(output)));
        return output;
    }

    // ---- graph ---------------------------------------------------------------------------------------

    /** One node per symbolic call, in call order. */
    public List<Node> inboundNodes() {
        return Collections.unmodifiableList(inboundNodes);
    }

    /** For subclasses that build nodes themselves (input layers, models). */
    protected void addInboundNode(Node node) {
        inboundNodes.add(node);
    }

    /** The input of call {@code index}. */
    public KerasTensor getInputAt(int index) {
        return node(index, "getInputAt").inputs().get(0);
    }

    /** The output of call {@code index}. */
    public KerasTensor getOutputAt(int index) {
        return node(index, "getOutputAt").outputs().get(0);
    }

    /** The input of the layer's only call; an error when it has none or several. */
    public KerasTensor input() {
        return singleNode("input").inputs().get(0);
    }

    /** The output of the layer's only call; an error when it has none or several. */
    public KerasTensor output() {
        return singleNode("output").outputs().get(0);
    }

    private Node node(int index, String what) {
        if (index < 0 || index >= inboundNodes.size()) {
            throw new IllegalArgumentException(what + ": layer \"" + name + "\" has " + inboundNodes.size()
                    + " inbound nodes. Received: index=" + index);
        }
        return inboundNodes.get(index);
    }

    private Node singleNode(String what) {
        if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("The layer \"" + name + "\" has never been called and thus has no defined " + what + ".");
        }
        if (inboundNodes.size() > 1) {
            throw new IllegalStateException("The layer \"" + name + "\" has multiple inbound nodes, with different "
                    + what + " shapes. Hence the notion of \"" + what + "\" is ill-defined for the layer. Use `get"
                    + Character.toUpperCase(what.charAt(0)) + what.substring(1) + "At(nodeIndex)` instead.");
        }
        return inboundNodes.get(0);
    }

    /** The output shape of the layer's calls, Keras' {@code output_shape}; "multiple" if they differ. */
    public String outputShapeText() {
        if (inboundNodes.isEmpty()) return "?";
        Shape first = inboundNodes.get(0).outputs().get(0).shape();
        for (Node n : inboundNodes) if (!n.outputs().get(0).shape().equals(first)) return "multiple";
        return first.toString();
    }

    // ---- weights ---------------------------------------------------------------------------------------

    /** All weights, this layer's and its tracked layers', each once: trainable first, as Keras lists them. */
    public List<Variable> weights() {
        List<Variable> all = new ArrayList<>(trainableWeights());
        all.addAll(nonTrainableWeights());
        return all;
    }

    public List<Variable> trainableWeights() {
        return collect(true);
    }

    public List<Variable> nonTrainableWeights() {
        return collect(false);
    }

    private List<Variable> collect(boolean trainableOnes) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Variable> out = new ArrayList<>();
        collectInto(trainableOnes, seen, out);
        return out;
    }

    void collectInto(boolean trainableOnes, Set<Variable> seen, List<Variable> out) {
        for (Variable v : ownWeights) {
            if (v.trainable() == trainableOnes && seen.add(v)) out.add(v);
        }
        for (Layer l : trackedLayers()) l.collectInto(trainableOnes, seen, out);
    }

    /** Number of scalars in all weights (shared ones counted once). */
    public long countParams() {
        long n = 0;
        for (Variable v : weights()) n += v.size();
        return n;
    }

    /** Copies of the weights' values, in {@link #weights()} order (Keras' {@code get_weights}). */
    public List<Tensor> getWeights() {
        List<Tensor> out = new ArrayList<>();
        for (Variable v : weights()) out.add(v.value());
        return out;
    }

    /** Sets the weights from values in {@link #weights()} order (Keras' {@code set_weights}). */
    public void setWeights(List<Tensor> values) {
        List<Variable> ws = weights();
        if (values.size() != ws.size()) {
            throw new IllegalArgumentException("Layer \"" + name + "\": setWeights expected " + ws.size()
                    + " weights, but received " + values.size());
        }
        for (int i = 0; i < ws.size(); i++) {
            if (!ws.get(i).shape().equals(values.get(i).shape())) {
                throw new IllegalArgumentException("Layer \"" + name + "\": weight " + ws.get(i).name() + " has shape "
                        + ws.get(i).shape() + ", but the value given has shape " + values.get(i).shape());
            }
        }
        for (int i = 0; i < ws.size(); i++) ws.get(i).assign(values.get(i));
    }

    public boolean trainable() {
        return trainable;
    }

    /** Freezes ({@code false}) or unfreezes the layer and every weight it owns or tracks. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (Variable v : ownWeights) v.setTrainable(trainable);
        for (Layer l : trackedLayers()) l.setTrainable(trainable);
    }

    // ---- config ---------------------------------------------------------------------------------------

    /** The constructor arguments, Keras' {@code get_config}: subclasses add theirs to this map. */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", trainable);
        c.put("dtype", "float32");
        return c;
    }

    @Override
    public String toString() {
        return className() + "(name=" + name + ")";
    }
}
