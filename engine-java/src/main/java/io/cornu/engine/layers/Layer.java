package io.cornu.engine.layers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.constraints.Constraints;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.regularizers.Regularizers;
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
 *
 * <p>Losses beside the compiled loss, Keras' {@code layer.losses} ({@link #losses()}): the penalties
 * of the weights' regularizers ({@code kernel_regularizer}, ... given to {@link #addWeight}), those of
 * the {@link #activityRegularizer(Regularizer) activity regularizer} on the outputs of the latest
 * call, and any {@link #addLoss} of the latest call. The weights' constraints are applied by the
 * optimizer after each update.
 */
public abstract class Layer {
    /** The outermost layer of the eager call under way on this thread: it clears its layers' call losses first. */
    private static final ThreadLocal<Layer> CALL_ENTRY = new ThreadLocal<>();

    private final String name;
    private boolean trainable = true;
    private boolean built;
    private Shape buildInputShape;
    private final List<Variable> ownWeights = new ArrayList<>();
    private final List<Layer> trackedLayers = new ArrayList<>();
    private final List<Node> inboundNodes = new ArrayList<>();
    /** The sample shape given with {@link #inputShape}, Keras' {@code input_shape} argument; null if none. */
    private Shape declaredInputShape;
    /** Checked on every call once set (typically in {@link #build}). */
    protected InputSpec inputSpec;
    private Regularizer activityRegularizer;
    /** The weights' regularizers and constraints by argument ({@code "kernel"} for {@code kernel_regularizer}). */
    private final Map<String, Regularizer> regularizers = new LinkedHashMap<>();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    /** The losses added during the latest call ({@link #addLoss}, activity regularization). */
    private final List<Tensor> callLosses = new ArrayList<>();

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

    /**
     * Declares the shape of one input sample (without the batch axis), as Keras' {@code input_shape}
     * argument: a {@link io.cornu.engine.models.Sequential} starting with this layer builds at once.
     */
    public Layer inputShape(int... sampleShape) {
        this.declaredInputShape = Shape.of(sampleShape);
        return this;
    }

    /** The shape given with {@link #inputShape}, or null. */
    public Shape declaredInputShape() {
        return declaredInputShape;
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
        ensureBuilt(List.of(inputShape));
    }

    /** Builds the layer for its inputs' shapes unless already built. */
    public final void ensureBuilt(List<Shape> inputShapes) {
        if (built) return;
        if (inputShapes.size() == 1) build(inputShapes.get(0));
        else build(inputShapes);
        buildInputShape = inputShapes.get(0);
        built = true;
    }

    /** Creates the weights for inputs of {@code inputShape}. Called once, before the first call. */
    protected void build(Shape inputShape) {
    }

    /** Creates the weights of a layer with several inputs. Called once, before the first call. */
    protected void build(List<Shape> inputShapes) {
        throw new IllegalArgumentException("Layer \"" + name + "\" (" + className() + ") expects 1 input, but it received "
                + inputShapes.size() + " input tensors. Inputs received: " + inputShapes);
    }

    /**
     * Adds a weight, named {@code <layer>/<name>} and initialised from the global random seed.
     * Keras' {@code add_weight}.
     */
    protected Variable addWeight(String weightName, int[] shape, Initializer initializer, boolean trainable) {
        return addWeight(weightName, shape, initializer, trainable, null, null);
    }

    /**
     * Adds a weight with a regularizer, whose penalty joins {@link #losses()} while the weight is
     * trainable, and a constraint, applied by the optimizer after each update (either may be null).
     * Keras' {@code add_weight(..., regularizer, constraint)}.
     */
    protected Variable addWeight(String weightName, int[] shape, Initializer initializer, boolean trainable,
                                 Regularizer regularizer, Constraint constraint) {
        Variable v = new Variable(name + "/" + weightName, initializer.create(shape, RandomSeed.next()), trainable && this.trainable);
        v.setRegularizer(regularizer);
        v.setConstraint(constraint);
        ownWeights.add(v);
        return v;
    }

    /**
     * Makes an existing variable, typically another layer's, one of this layer's weights: a Dense
     * tied to the transposed embedding matrix. Shared variables are listed and counted once.
     */
    protected Variable trackWeight(Variable variable) {
        if (ownWeights.stream().noneMatch(v -> v == variable)) ownWeights.add(variable);
        return variable;
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

    /** The layers registered with {@link #trackLayer}, whatever a subclass reports as its tracked layers. */
    protected final List<Layer> registeredLayers() {
        return Collections.unmodifiableList(trackedLayers);
    }

    // ---- computing ---------------------------------------------------------------------------------

    /** The layer's computation on one input. Layers compute only with {@link io.cornu.engine.ops.Ops}. */
    protected Tensor call(Tensor inputs, boolean training) {
        throw new UnsupportedOperationException("Layer \"" + name + "\" (" + className() + ") takes several inputs: call it on a list");
    }

    /**
     * The layer's computation on its inputs, giving its outputs. Single-input, single-output layers
     * override {@link #call(Tensor, boolean)} instead; merge layers and layers with several
     * outputs (an LSTM returning its state) override this.
     */
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + className() + ") expects 1 input, but it received "
                    + inputs.size() + " input tensors.");
        }
        return List.of(call(inputs.get(0), training));
    }

    /**
     * The computation with the inputs' masks ({@code null} entries where an input has none). Layers
     * that use masks (recurrent layers, pooling over time) override this; others ignore masks.
     */
    protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        return call(inputs, training);
    }

    /**
     * True for layers whose {@link #call} already leaves the right masks on its outputs (models: their
     * inner layers computed them), so {@link #computeMask} is not applied on top.
     */
    protected boolean masksOwnOutputs() {
        return false;
    }

    /** True when the layer passes its input's mask on unchanged (Keras' {@code supports_masking}). */
    public boolean supportsMasking() {
        return false;
    }

    /**
     * The masks of the outputs, Keras' {@code compute_mask}: by default the first input's mask when
     * the layer {@link #supportsMasking()}, else none. Masking and embedding layers create masks;
     * recurrent layers drop them when they return only the last step.
     */
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor first = masks.isEmpty() ? null : masks.get(0);
        return java.util.Collections.singletonList(supportsMasking() ? first : null);
    }

    /** The output shape for an input shape ({@code None} dims allowed). */
    public Shape computeOutputShape(Shape inputShape) {
        throw new UnsupportedOperationException("Layer \"" + name + "\" (" + className() + ") takes several inputs");
    }

    /** The output shapes for the input shapes; single-input layers override {@link #computeOutputShape(Shape)}. */
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + className() + ") expects 1 input, but it received "
                    + inputShapes.size() + " input tensors.");
        }
        return List.of(computeOutputShape(inputShapes.get(0)));
    }

    /** Runs the layer on data in inference mode. */
    public Tensor apply(Tensor inputs) {
        return apply(inputs, false);
    }

    /** Runs the layer on data, building it first if needed. */
    public Tensor apply(Tensor inputs, boolean training) {
        return single(applyEager(List.of(inputs), training), "apply");
    }

    /**
     * Runs the layer on several inputs (or for several outputs), building it first if needed. The
     * outermost call (the model's, in training) first clears the call losses of the layer and of
     * every layer in it, as Keras' call context does, so that {@link #losses()} holds this call's.
     */
    public List<Tensor> applyEager(List<Tensor> inputs, boolean training) {
        boolean entry = CALL_ENTRY.get() == null;
        if (entry) {
            CALL_ENTRY.set(this);
            clearCallLosses();
        }
        try {
            return applyEagerInCall(inputs, training);
        } finally {
            if (entry) CALL_ENTRY.remove();
        }
    }

    private List<Tensor> applyEagerInCall(List<Tensor> inputs, boolean training) {
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : inputs) shapes.add(t.shape().with(0, Shape.NONE));
        ensureBuilt(shapes);
        checkInputs(inputs.stream().map(Tensor::shape).toList());
        List<Tensor> masks = new ArrayList<>(inputs.size());
        boolean anyMask = false;
        for (Tensor t : inputs) {
            masks.add(t.kerasMask());
            anyMask |= t.kerasMask() != null;
        }
        List<Tensor> outputs = new ArrayList<>(anyMask ? call(inputs, masks, training) : call(inputs, training));
        if (activityRegularizer != null) addActivityLosses(outputs);
        if (masksOwnOutputs()) return outputs;
        List<Tensor> outMasks = computeMask(inputs, masks);
        for (int i = 0; i < outputs.size(); i++) {
            Tensor m = i < outMasks.size() ? outMasks.get(i) : null;
            if (m != null || outputs.get(i).kerasMask() != null) {
                // never re-label a tensor another layer handed through unchanged with a different mask
                Tensor out = outputs.get(i);
                if (inputs.contains(out) && out.kerasMask() != m) out = Ops.reshape(out, out.dims());
                out.setKerasMask(m);
                outputs.set(i, out);
            }
        }
        return outputs;
    }

    /** Calls the layer on a symbolic tensor: builds it, checks the input, records a {@link Node}. */
    public KerasTensor apply(KerasTensor input) {
        return single(applyMulti(List.of(input)), "apply");
    }

    /** Calls the layer on several symbolic tensors (a merge), giving its one output. */
    public KerasTensor apply(List<KerasTensor> inputs) {
        return single(applyMulti(inputs), "apply");
    }

    /** Calls the layer on symbolic tensors, giving all its outputs; records one {@link Node}. */
    public List<KerasTensor> applyMulti(List<KerasTensor> inputs) {
        List<Shape> shapes = inputs.stream().map(KerasTensor::shape).toList();
        ensureBuilt(shapes);
        checkInputs(shapes);
        List<Shape> outShapes = computeOutputShapes(shapes);
        int nodeIndex = inboundNodes.size();
        List<KerasTensor> outputs = new ArrayList<>();
        for (int i = 0; i < outShapes.size(); i++) {
            outputs.add(new KerasTensor(outShapes.get(i), DType.FLOAT32, name, new KerasTensor.History(this, nodeIndex, i)));
        }
        inboundNodes.add(new Node(this, inputs, outputs));
        return outputs;
    }

    private void checkInputs(List<Shape> shapes) {
        if (inputSpec != null) {
            for (int i = 0; i < shapes.size(); i++) inputSpec.check(this, i, shapes.get(i));
        }
    }

    private <T> T single(List<T> outputs, String what) {
        if (outputs.size() != 1) {
            throw new IllegalStateException("Layer \"" + name + "\" has " + outputs.size() + " outputs; use "
                    + (what.equals("apply") ? "applyMulti/applyEager" : what) + " to get all of them");
        }
        return outputs.get(0);
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

    /** The input of call {@code index} (the first one, for a layer with several inputs). */
    public KerasTensor getInputAt(int index) {
        return node(index, "getInputAt").inputs().get(0);
    }

    /** The output of call {@code index} (the first one, for a layer with several outputs). */
    public KerasTensor getOutputAt(int index) {
        return node(index, "getOutputAt").outputs().get(0);
    }

    /** All inputs of call {@code index}. */
    public List<KerasTensor> getInputsAt(int index) {
        return node(index, "getInputsAt").inputs();
    }

    /** All outputs of call {@code index}. */
    public List<KerasTensor> getOutputsAt(int index) {
        return node(index, "getOutputsAt").outputs();
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

    /**
     * Keras' text for the layer's {@code output_shape}: {@code (None, 32)}; a list such as
     * {@code [(None, 32), (None, 32)]} for several outputs; {@code multiple} when calls differ.
     */
    public String outputShapeText() {
        if (inboundNodes.isEmpty()) return "multiple";
        String first = shapesText(inboundNodes.get(0).outputs());
        for (Node n : inboundNodes) if (!shapesText(n.outputs()).equals(first)) return "multiple";
        return first;
    }

    private static String shapesText(List<KerasTensor> outputs) {
        if (outputs.size() == 1) return outputs.get(0).shape().toString();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < outputs.size(); i++) sb.append(i > 0 ? ", " : "").append(outputs.get(i).shape());
        return sb.append(']').toString();
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

    /**
     * The losses the training loss adds to the compiled loss (Keras' {@code layer.losses}, by the name
     * the trainer uses): see {@link #losses()}.
     */
    public List<Tensor> regularizationLosses() {
        return losses();
    }

    /**
     * Keras' {@code layer.losses}: the losses added during the latest call by this layer and the
     * layers in it ({@link #addLoss}, activity regularization), then the penalties of the trainable
     * weights' regularizers, computed now from their current values (so under a
     * {@link io.cornu.engine.autodiff.GradientTape} they differentiate). Scalars, to be summed.
     */
    public List<Tensor> losses() {
        List<Tensor> out = new ArrayList<>();
        for (Layer l : flattenLayers()) out.addAll(l.callLosses);
        for (Variable v : trainableWeights()) {
            if (v.regularizer() != null) out.add(v.regularizer().apply(v));
        }
        return out;
    }

    /**
     * Adds a loss to {@link #losses()} during {@link #call}, Keras' {@code add_loss}: e.g.
     * {@code addLoss(Ops.mul(Ops.sum(x), 0.1f))}. It counts until the next outermost call.
     */
    public void addLoss(Tensor loss) {
        callLosses.add(loss);
    }

    /** Keras: each output's penalty, divided by the output's batch size (0 for an empty batch). */
    private void addActivityLosses(List<Tensor> outputs) {
        for (Tensor out : outputs) {
            if (out == null || out.dtype() != DType.FLOAT32) continue;
            Tensor loss = activityRegularizer.apply(out);
            if (out.rank() > 0) {
                int batch = out.dim(0);
                loss = batch == 0 ? Tensor.scalar(0f) : Ops.div(loss, Tensor.scalar(batch));
            }
            addLoss(loss);
        }
    }

    private void clearCallLosses() {
        for (Layer l : flattenLayers()) l.callLosses.clear();
    }

    /** This layer and every layer in it, each once. */
    private List<Layer> flattenLayers() {
        Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Layer> out = new ArrayList<>();
        java.util.ArrayDeque<Layer> todo = new java.util.ArrayDeque<>();
        todo.add(this);
        while (!todo.isEmpty()) {
            Layer l = todo.poll();
            if (!seen.add(l)) continue;
            out.add(l);
            todo.addAll(l.trackedLayers());
        }
        return out;
    }

    // ---- regularizers and constraints -------------------------------------------------------------------

    /**
     * The weight arguments this layer takes: the stems of Keras' {@code <stem>_regularizer} and
     * {@code <stem>_constraint} arguments, e.g. {@code ["kernel", "bias"]} for a Dense or
     * {@code ["kernel", "recurrent", "bias"]} for an LSTM. None by default.
     */
    protected List<String> weightArguments() {
        return List.of();
    }

    /** The regularizer given as {@code <argument>_regularizer} ({@code regularizer("kernel")}), or null. */
    public Regularizer regularizer(String argument) {
        checkWeightArgument(argument, "_regularizer");
        return regularizers.get(argument);
    }

    /**
     * Sets {@code <argument>_regularizer} ({@code regularizer("kernel", new L2(0.01))}); null for none.
     * Before the layer is built: the weights take their regularizers when they are made.
     */
    public Layer regularizer(String argument, Regularizer regularizer) {
        checkWeightArgument(argument, "_regularizer");
        checkNotBuilt(argument + "_regularizer");
        if (regularizer == null) regularizers.remove(argument);
        else regularizers.put(argument, regularizer);
        return this;
    }

    /** The constraint given as {@code <argument>_constraint} ({@code constraint("kernel")}), or null. */
    public Constraint constraint(String argument) {
        checkWeightArgument(argument, "_constraint");
        return constraints.get(argument);
    }

    /** Sets {@code <argument>_constraint} ({@code constraint("kernel", new MaxNorm())}); null for none. Before the layer is built. */
    public Layer constraint(String argument, Constraint constraint) {
        checkWeightArgument(argument, "_constraint");
        checkNotBuilt(argument + "_constraint");
        if (constraint == null) constraints.remove(argument);
        else constraints.put(argument, constraint);
        return this;
    }

    /** The penalty on the layer's outputs, Keras' {@code activity_regularizer}, or null. */
    public Regularizer activityRegularizer() {
        return activityRegularizer;
    }

    /**
     * Sets the penalty on the layer's outputs, Keras' {@code activity_regularizer}: each call adds
     * {@code regularizer(output) / batchSize} per output to {@link #losses()}. Null for none.
     */
    public Layer activityRegularizer(Regularizer regularizer) {
        this.activityRegularizer = regularizer;
        return this;
    }

    private void checkWeightArgument(String argument, String suffix) {
        if (!weightArguments().contains(argument)) {
            throw new IllegalArgumentException("Layer \"" + name + "\" (" + className() + ") has no argument `" + argument + suffix
                    + "`. Its weight arguments: " + (weightArguments().isEmpty() ? "none"
                    : String.join(", ", weightArguments().stream().map(a -> a + suffix).toList())));
        }
    }

    private void checkNotBuilt(String argument) {
        if (built) {
            throw new IllegalStateException("Layer \"" + name + "\": `" + argument + "` must be set before the layer is built");
        }
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
        if (activityRegularizer != null) c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
        for (String a : weightArguments()) c.put(a + "_regularizer", Regularizers.serialize(regularizers.get(a)));
        for (String a : weightArguments()) c.put(a + "_constraint", Constraints.serialize(constraints.get(a)));
        return c;
    }

    /**
     * Sets what a config says of the regularizers and constraints ({@code activity_regularizer},
     * {@code <argument>_regularizer}, {@code <argument>_constraint}, by name or as
     * {@code {"class_name", "config"}}), the inverse of that part of {@link #getConfig()}.
     * {@link io.cornu.engine.saving.LayerRegistry} calls it on every layer it makes; a config giving one to
     * a layer without that argument is an error.
     */
    public void setRegularizationConfig(Map<String, Object> config) {
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String key = e.getKey();
            if (e.getValue() == null || key.equals("activity_regularizer")) continue;
            if (key.endsWith("_regularizer")) {
                regularizer(key.substring(0, key.length() - "_regularizer".length()), Regularizers.get(e.getValue()));
            } else if (key.endsWith("_constraint")) {
                constraint(key.substring(0, key.length() - "_constraint".length()), Constraints.get(e.getValue()));
            }
        }
        activityRegularizer(Regularizers.get(config.get("activity_regularizer")));
    }

    @Override
    public String toString() {
        return className() + "(name=" + name + ")";
    }
}
