package io.cornu.engine.models;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.Node;
import io.cornu.engine.saving.LayerRegistry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rebuilding models from their graphs: cutting a model at intermediate tensors, and Keras'
 * {@code clone_model}. Both replay the graph's nodes on new symbolic tensors.
 */
public final class ModelSurgery {
    private ModelSurgery() {
    }

    /**
     * The part of {@code model} downstream of {@code cutAt}: a model whose inputs are new Inputs
     * standing for those tensors and whose outputs are {@code model}'s outputs. It holds only the
     * layers it uses and shares their weights with {@code model}.
     *
     * <pre>{@code
     * Functional head = ModelSurgery.cut(model, List.of(model.getLayer("block3").output()));
     * }</pre>
     */
    public static Functional cut(Functional model, List<KerasTensor> cutAt) {
        Map<KerasTensor, KerasTensor> replaced = new IdentityHashMap<>();
        List<KerasTensor> newInputs = new ArrayList<>();
        for (KerasTensor t : cutAt) {
            if (!model.containsNode(t.history().node())) {
                throw new IllegalArgumentException("cut: tensor " + t + " is not part of model \"" + model.name() + "\"");
            }
            String name = t.history().layer().name() + (t.history().tensorIndex() > 0 ? "_" + t.history().tensorIndex() : "") + "_cut";
            KerasTensor in = Input.of(t.shape().withoutBatch(), name);
            replaced.put(t, in);
            newInputs.add(in);
        }
        List<KerasTensor> newOutputs = new ArrayList<>();
        for (KerasTensor out : model.outputs()) newOutputs.add(replay(out, replaced, UnaryOperator.identity(), model, cutAt));
        return new Functional(newInputs, newOutputs, model.name() + "_cut");
    }

    /**
     * A model with {@code model}'s structure and fresh weights, as Keras' {@code clone_model}:
     * each layer is rebuilt from its config (or by {@code cloneFunction}), then the graph is replayed.
     * {@code clone.setWeights(model.getWeights())} makes the two compute the same.
     */
    public static Model cloneModel(Model model, UnaryOperator<Layer> cloneFunction) {
        UnaryOperator<Layer> fn = cloneFunction != null ? cloneFunction : ModelSurgery::cloneLayer;
        if (model instanceof Sequential seq) {
            Sequential copy = new Sequential(seq.name());
            if (seq.inputLayer() != null) {
                InputLayer in = seq.inputLayer();
                copy.add(new InputLayer(in.batchShape().withoutBatch(), in.name()));
            }
            for (Layer l : seq.layers()) copy.add(fn.apply(l));
            return copy;
        }
        if (model instanceof Functional f) {
            Map<Layer, Layer> clones = new IdentityHashMap<>();
            Map<KerasTensor, KerasTensor> replaced = new IdentityHashMap<>();
            List<KerasTensor> newInputs = new ArrayList<>();
            for (KerasTensor in : f.inputs()) {
                KerasTensor copy = Input.of(in.shape().withoutBatch(), in.history().layer().name());
                replaced.put(in, copy);
                newInputs.add(copy);
            }
            UnaryOperator<Layer> once = l -> clones.computeIfAbsent(l, fn);
            List<KerasTensor> newOutputs = new ArrayList<>();
            for (KerasTensor out : f.outputs()) newOutputs.add(replay(out, replaced, once, f, f.inputs()));
            return new Functional(newInputs, newOutputs, f.name());
        }
        throw new IllegalArgumentException("cloneModel: model \"" + model.name() + "\" is a subclassed model ("
                + model.getClass().getName() + "); only Sequential and functional models can be cloned from their structure.");
    }

    public static Model cloneModel(Model model) {
        return cloneModel(model, null);
    }

    /** The default clone of one layer: nested models are cloned whole, other layers from their config. */
    private static Layer cloneLayer(Layer layer) {
        return layer instanceof Model m ? cloneModel(m, null) : LayerRegistry.cloneLayer(layer);
    }

    /** The tensor standing for {@code t} once every node above it is re-run with mapped layers. */
    private static KerasTensor replay(KerasTensor t, Map<KerasTensor, KerasTensor> replaced, UnaryOperator<Layer> mapLayer,
                                      Functional model, List<KerasTensor> starts) {
        KerasTensor done = replaced.get(t);
        if (done != null) return done;
        Node node = t.history().node();
        if (node.isInput()) {
            throw new IllegalArgumentException("Graph disconnected: output of model \"" + model.name() + "\" depends on input \""
                    + node.layer().name() + "\", which is not downstream of the tensors " + starts);
        }
        List<KerasTensor> args = new ArrayList<>();
        for (KerasTensor in : node.inputs()) args.add(replay(in, replaced, mapLayer, model, starts));
        List<KerasTensor> outs = mapLayer.apply(node.layer()).applyMulti(args);
        for (int i = 0; i < outs.size(); i++) replaced.put(node.outputs().get(i), outs.get(i));
        return replaced.get(t);
    }
}
