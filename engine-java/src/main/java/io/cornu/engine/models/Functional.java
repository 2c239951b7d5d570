package io.cornu.engine.models;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.Node;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model defined by its graph, as Keras' functional API: the layers called between some
 * {@link io.cornu.engine.layers.Input}s and some outputs, in any DAG (branches, merges, shared
 * layers, nested models).
 *
 * <pre>{@code
 * KerasTensor in = Input.of(64);
 * KerasTensor h = new Dense(32, "relu").apply(in);
 * Functional model = new Functional(List.of(in), List.of(new Dense(10, "softmax").apply(h)), "mlp");
 * }</pre>
 *
 * <p>Running the model visits its nodes by decreasing depth, so a shared layer runs once per call.
 * Calling the model on new symbolic tensors adds a node to it, as for any layer, so it can be
 * nested in a larger model and reuses its weights there.
 */
public class Functional extends Model {
    private final List<KerasTensor> inputs;
    private final List<KerasTensor> outputs;
    /** Nodes of the graph, deepest (closest to the inputs) first. */
    private final List<Node> nodesByDepth;
    private final List<Layer> layers;
    private final Set<Node> nodeSet;
    private final Map<Node, Integer> depthOf;

    public Functional(List<KerasTensor> inputs, List<KerasTensor> outputs, String name) {
        super(name);
        if (inputs.isEmpty()) throw new IllegalArgumentException("Model \"" + name() + "\": at least one input is required");
        if (outputs.isEmpty()) throw new IllegalArgumentException("Model \"" + name() + "\": at least one output is required");
        for (KerasTensor in : inputs) {
            if (!(in.history().layer() instanceof InputLayer)) {
                throw new IllegalArgumentException("Model \"" + name() + "\": inputs must come from Input(...) (not an intermediate tensor). "
                        + "To start a model at an intermediate tensor, use ModelSurgery.cut. Received: " + in);
            }
        }
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        GraphMap map = GraphMap.of(this.inputs, this.outputs);
        this.nodesByDepth = map.nodesByDepth;
        this.layers = map.layers;
        this.depthOf = map.depthOf;
        this.nodeSet = Collections.newSetFromMap(new IdentityHashMap<>());
        nodeSet.addAll(nodesByDepth);
        // As Keras, the model's own graph is node 0 of the model seen as a layer.
        addInboundNode(new Node(this, this.inputs, this.outputs));
        ensureBuilt(this.inputs.stream().map(KerasTensor::shape).toList());
    }

    public Functional(KerasTensor input, KerasTensor output, String name) {
        this(List.of(input), List.of(output), name);
    }

    public Functional(KerasTensor input, KerasTensor output) {
        this(List.of(input), List.of(output), null);
    }

    @Override
    protected String defaultNameBase() {
        return "model";
    }

    /** The symbolic inputs, in order. */
    public List<KerasTensor> inputs() {
        return inputs;
    }

    /** The symbolic outputs, in order. */
    public List<KerasTensor> outputs() {
        return outputs;
    }

    /** Input names, in order (the InputLayers' names). */
    @Override
    public List<String> inputNames() {
        return inputs.stream().map(t -> t.history().layer().name()).toList();
    }

    /** Output names, in order (the producing layers' names), as Keras' {@code output_names}. */
    @Override
    public List<String> outputNames() {
        return outputs.stream().map(t -> t.history().layer().name()).toList();
    }

    /** The input called {@code name}. */
    public KerasTensor input(String name) {
        int i = inputNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("Model \"" + name() + "\" has no input named '" + name + "'. Inputs: " + inputNames());
        return inputs.get(i);
    }

    /** The output produced by the layer called {@code name}. */
    public KerasTensor output(String name) {
        int i = outputNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("Model \"" + name() + "\" has no output named '" + name + "'. Outputs: " + outputNames());
        return outputs.get(i);
    }

    /** The model's layers, input layers included, ordered by depth from the inputs as Keras lists them. */
    @Override
    public List<Layer> layers() {
        return layers;
    }

    /** The graph's nodes from the inputs to the outputs. */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodesByDepth);
    }

    /** True when {@code node} is part of this model's graph (not a call made elsewhere). */
    public boolean containsNode(Node node) {
        return nodeSet.contains(node);
    }

    // ---- running ----------------------------------------------------------------------------------------

    @Override
    protected Tensor call(Tensor input, boolean training) {
        List<Tensor> out = call(List.of(input), training);
        if (out.size() != 1) throw new IllegalStateException("Model \"" + name() + "\" has " + out.size() + " outputs; use applyEager");
        return out.get(0);
    }

    @Override
    protected List<Tensor> call(List<Tensor> values, boolean training) {
        if (values.size() != inputs.size()) {
            throw new IllegalArgumentException("Model \"" + name() + "\" expects " + inputs.size() + " input(s), but it received "
                    + values.size() + " input tensors.");
        }
        Map<KerasTensor, Tensor> known = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            checkInputShape(i, values.get(i).shape());
            known.put(inputs.get(i), values.get(i));
        }
        for (Node node : nodesByDepth) {
            if (node.isInput()) continue;
            List<Tensor> args = new ArrayList<>(node.inputs().size());
            for (KerasTensor t : node.inputs()) args.add(known.get(t));
            List<Tensor> results = node.layer().applyEager(args, training);
            for (int i = 0; i < results.size(); i++) known.put(node.outputs().get(i), results.get(i));
        }
        List<Tensor> result = new ArrayList<>(outputs.size());
        for (KerasTensor o : outputs) result.add(known.get(o));
        return result;
    }

    private void checkInputShape(int index, Shape actual) {
        Shape expected = inputs.get(index).shape();
        boolean ok = expected.rank() == actual.rank();
        for (int a = 1; ok && a < expected.rank(); a++) {
            ok = !expected.isKnown(a) || expected.get(a) == actual.get(a);
        }
        if (!ok) {
            throw new IllegalArgumentException("Input " + index + " of layer \"" + name() + "\" is incompatible with the layer: expected shape="
                    + expected + ", found shape=" + actual);
        }
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        List<Shape> out = computeOutputShapes(List.of(inputShape));
        if (out.size() != 1) throw new IllegalStateException("Model \"" + name() + "\" has " + out.size() + " outputs");
        return out.get(0);
    }

    /** Shape inference through the graph, layer by layer. */
    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        if (inputShapes.size() != inputs.size()) {
            throw new IllegalArgumentException("Model \"" + name() + "\" expects " + inputs.size() + " input(s), but it received "
                    + inputShapes.size() + " input shapes.");
        }
        Map<KerasTensor, Shape> known = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            checkInputShape(i, inputShapes.get(i));
            known.put(inputs.get(i), inputShapes.get(i));
        }
        for (Node node : nodesByDepth) {
            if (node.isInput()) continue;
            List<Shape> args = node.inputs().stream().map(known::get).toList();
            List<Shape> results = node.layer().computeOutputShapes(args);
            for (int i = 0; i < results.size(); i++) known.put(node.outputs().get(i), results.get(i));
        }
        return outputs.stream().map(known::get).toList();
    }

    // ---- summary ------------------------------------------------------------------------------------------

    @Override
    protected List<ModelSummary.Row> summaryRows(boolean sequentialLike, boolean expandNested) {
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (Layer l : layers) {
            List<String> connections = new ArrayList<>();
            if (!sequentialLike) {
                for (Node node : l.inboundNodes()) {
                    if (!nodeSet.contains(node)) continue;
                    for (KerasTensor in : node.inputs()) {
                        KerasTensor.History h = in.history();
                        connections.add(h.layer().name() + "[" + h.nodeIndex() + "][" + h.tensorIndex() + "]");
                    }
                }
            }
            rows.add(row(l, connections, expandNested));
        }
        return rows;
    }

    /** Keras' test: a graph printed without "Connected to" has one node per depth, each with one input, and no shared layer. */
    @Override
    protected boolean isSequentialLike() {
        Map<Integer, Integer> perDepth = new HashMap<>();
        for (Node n : nodesByDepth) {
            perDepth.merge(depthOf.get(n), 1, Integer::sum);
            if (n.inputs().size() > 1) return false;
        }
        for (int count : perDepth.values()) if (count > 1) return false;
        for (Layer l : layers) {
            int inGraph = 0;
            for (Node n : l.inboundNodes()) if (nodeSet.contains(n)) inGraph++;
            if (inGraph > 1) return false;
        }
        return true;
    }

    /** The graph between some inputs and outputs: its nodes by depth and its layers, or Keras' "Graph disconnected". */
    static final class GraphMap {
        final List<Node> nodesByDepth;
        final List<Layer> layers;
        final Map<Node, Integer> depthOf;

        private GraphMap(List<Node> nodesByDepth, List<Layer> layers, Map<Node, Integer> depthOf) {
            this.nodesByDepth = nodesByDepth;
            this.layers = layers;
            this.depthOf = depthOf;
        }

        static GraphMap of(List<KerasTensor> inputs, List<KerasTensor> outputs) {
            // 1. Depth-first from the outputs: every node they depend on, in post order.
            List<Node> postOrder = new ArrayList<>();
            Map<Layer, Integer> layerIndices = new IdentityHashMap<>();
            Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
            for (KerasTensor out : outputs) visit(out.history().node(), finished, inProgress, postOrder, layerIndices);

            // 2. Depths: outputs at 0, each node one deeper than its deepest consumer; a layer's
            //    nodes share its deepest depth so shared layers order consistently (Keras' rule).
            Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
            Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
            for (int i = postOrder.size() - 1; i >= 0; i--) {
                Node node = postOrder.get(i);
                int depth = Math.max(nodeDepth.getOrDefault(node, 0), layerDepth.getOrDefault(node.layer(), 0));
                layerDepth.put(node.layer(), depth);
                nodeDepth.put(node, depth);
                for (KerasTensor in : node.inputs()) {
                    Node parent = in.history().node();
                    nodeDepth.put(parent, Math.max(depth + 1, nodeDepth.getOrDefault(parent, 0)));
                }
            }
            // 3. Nodes and layers from the deepest to depth 0, ties in discovery order.
            List<Node> nodes = new ArrayList<>(postOrder);
            nodes.sort((a, b) -> nodeDepth.get(b) - nodeDepth.get(a));
            List<Layer> layers = new ArrayList<>(layerDepth.keySet());
            layers.sort((a, b) -> layerDepth.get(b).equals(layerDepth.get(a))
                    ? layerIndices.get(a) - layerIndices.get(b) : layerDepth.get(b) - layerDepth.get(a));

            // 4. Check that every tensor can be computed from the given inputs.
            Set<KerasTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
            computable.addAll(inputs);
            List<String> accessed = new ArrayList<>();
            for (Node node : nodes) {
                if (node.isInput()) {
                    if (!computable.contains(node.outputs().get(0))) continue;
                } else {
                    for (KerasTensor x : node.inputs()) {
                        if (!computable.contains(x)) {
                            throw new IllegalArgumentException("Graph disconnected: cannot obtain value for tensor " + x
                                    + " at layer \"" + node.layer().name() + "\". The following previous layers were accessed without issue: "
                                    + pythonList(accessed));
                        }
                    }
                }
                computable.addAll(node.outputs());
                accessed.add(node.layer().name());
            }
            Set<String> names = new HashSet<>();
            for (Layer l : layers) {
                if (!names.add(l.name())) {
                    throw new IllegalArgumentException("The name \"" + l.name() + "\" is used " + "more than once in the model. All layer names should be unique.");
                }
            }
            return new GraphMap(nodes, Collections.unmodifiableList(layers), nodeDepth);
        }

        private static void visit(Node node, Set<Node> finished, Set<Node> inProgress, List<Node> postOrder, Map<Layer, Integer> layerIndices) {
            if (finished.contains(node)) return;
            if (!inProgress.add(node)) throw new IllegalArgumentException("The model graph has a cycle at layer \"" + node.layer().name() + "\"");
            layerIndices.putIfAbsent(node.layer(), layerIndices.size());
            for (KerasTensor in : node.inputs()) visit(in.history().node(), finished, inProgress, postOrder, layerIndices);
            inProgress.remove(node);
            finished.add(node);
            postOrder.add(node);
        }

        private static String pythonList(List<String> items) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) sb.append(i > 0 ? ", " : "").append('\'').append(items.get(i)).append('\'');
            return sb.append(']').toString();
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("input_layers", inputNames());
        c.put("output_layers", outputNames());
        return c;
    }
}
