package io.cornu.engine.models;

import io.cornu.engine.callbacks.History;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.metrics.Metrics;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.training.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A layer made of layers that can be trained, as Keras' {@code Model}: {@link #compile}, then
 * {@link #fit}, {@link #evaluate} and {@link #predict}; {@link #summary()} describes it. Being a
 * {@link Layer}, a model can itself be called on tensors.
 */
public class Model extends Layer {
    private Trainer trainer;
    private volatile boolean stopTraining;

    /**
     * A subclassed model: override {@link #call(Tensor, boolean)} and register the layers it uses
     * with {@link #trackLayer} (Keras tracks attributes; Java needs it said).
     */
    protected Model(String name) {
        super(name);
    }

    /** A model's weights belong to its layers; building it creates none of its own. */
    @Override
    protected void build(List<io.cornu.engine.tensor.Shape> inputShapes) {
    }

    /**
     * The model's layers in order (input layers excluded for sequential models, as Keras). For a
     * subclassed model, the layers it registered with {@link #trackLayer}.
     */
    public List<Layer> layers() {
        return registeredLayers();
    }

    @Override
    protected List<Layer> trackedLayers() {
        return layers();
    }

    /** The layer called {@code name}; an error listing the names otherwise. */
    public Layer getLayer(String name) {
        List<String> names = new ArrayList<>();
        for (Layer l : layers()) {
            if (l.name().equals(name)) return l;
            names.add(l.name());
        }
        throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: " + names + ".");
    }

    /** The layer at {@code index} in {@link #layers()}. */
    public Layer getLayer(int index) {
        List<Layer> ls = layers();
        if (index < 0 || index >= ls.size()) {
            throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + " but model only has " + ls.size() + " layers.");
        }
        return ls.get(index);
    }

    // ---- training ----------------------------------------------------------------------------------

    /** Configures training with objects. */
    public void compile(Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this.trainer = new Trainer(this, optimizer, loss, metrics);
    }

    /** Configures training by Keras names: {@code compile("rmsprop", "categorical_crossentropy", List.of("accuracy"))}. */
    public void compile(String optimizer, String loss, List<String> metrics) {
        Loss l = Loss.get(loss);
        List<Metric> ms = new ArrayList<>();
        for (String m : metrics) ms.add(Metrics.get(m, l));
        compile(Optimizer.get(optimizer), l, ms);
    }

    /** The training set-up from {@link #compile}; an error before it. */
    public Trainer trainer() {
        if (trainer == null) {
            throw new IllegalStateException("You must call `compile()` before using the model \"" + name() + "\" for training or evaluation.");
        }
        return trainer;
    }

    public boolean isCompiled() {
        return trainer != null;
    }

    /** Trains on {@code (x, y)}; returns the per-epoch History. */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        return trainer().fit(x, y, options);
    }

    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** Loss and metrics on {@code (x, y)}, by name in compile order ({@code loss} first). */
    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        return trainer().evaluate(x, y, batchSize);
    }

    /** {@link #evaluate(Tensor, Tensor, int)} with Keras' default batch size 32. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 32);
    }

    /** Outputs for {@code x}, computed in batches in inference mode. */
    public Tensor predict(Tensor x, int batchSize) {
        return Trainer.predict(this, x, batchSize);
    }

    /** {@link #predict(Tensor, int)} with Keras' default batch size 32. */
    public Tensor predict(Tensor x) {
        return predict(x, 32);
    }

    /** Set by a callback to end {@code fit} after the current epoch (Keras' {@code model.stop_training}). */
    public boolean stopTraining() {
        return stopTraining;
    }

    public void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    // ---- summary ------------------------------------------------------------------------------------

    /** The summary as data. */
    public ModelSummary summaryData() {
        return summaryData(false);
    }

    /** The summary as data; with {@code expandNested} a nested model's row holds its layers' rows. */
    public ModelSummary summaryData(boolean expandNested) {
        if (!isBuilt() && layers().stream().noneMatch(Layer::isBuilt)) {
            throw new IllegalStateException("This model has not yet been built. Build the model first by calling `build()` "
                    + "or by calling the model on a batch of data.");
        }
        long trainable = 0, frozen = 0;
        for (var v : trainableWeights()) trainable += v.size();
        for (var v : nonTrainableWeights()) frozen += v.size();
        boolean sequentialLike = isSequentialLike();
        return new ModelSummary(name(), sequentialLike, summaryRows(sequentialLike, expandNested), trainable + frozen, trainable, frozen);
    }

    /** Whether the summary uses the three-column layout; graphs with merges or shared layers say no. */
    protected boolean isSequentialLike() {
        return true;
    }

    /** One row per layer, with "Connected to" when not sequential-like. */
    protected List<ModelSummary.Row> summaryRows(boolean sequentialLike, boolean expandNested) {
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (Layer l : layers()) rows.add(row(l, List.of(), expandNested));
        return rows;
    }

    /** A layer's row; a nested model's layers go inside it when {@code expandNested}. */
    protected static ModelSummary.Row row(Layer l, List<String> connections, boolean expandNested) {
        List<ModelSummary.Row> nested = List.of();
        if (expandNested && l instanceof Model m && !m.layers().isEmpty()) {
            nested = m.summaryRows(true, true).stream()
                    .map(r -> new ModelSummary.Row(r.name(), r.type(), r.outputShape(), r.params(), List.of(), r.nested())).toList();
        }
        return new ModelSummary.Row(l.name(), l.className(), l.outputShapeText(), l.countParams(), connections, nested);
    }

    /** The summary in Keras' text layout. */
    public String summaryText() {
        return SummaryPrinter.format(summaryData(false));
    }

    /** The summary in Keras' text layout, nested models expanded when asked (Keras' {@code expand_nested}). */
    public String summaryText(boolean expandNested) {
        return SummaryPrinter.format(summaryData(expandNested));
    }

    /** Prints {@link #summaryText()} to standard output, as Keras' {@code model.summary()}. */
    public void summary() {
        System.out.print(summaryText());
    }
}
