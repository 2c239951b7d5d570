package io.cornu.engine.models;

import io.cornu.engine.callbacks.History;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.training.Batch;
import io.cornu.engine.training.CompileOptions;
import io.cornu.engine.training.CompiledLoss;
import io.cornu.engine.training.CompiledMetrics;
import io.cornu.engine.training.EvaluateOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.training.PredictOptions;
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

    /** A model's outputs keep the masks its inner layers computed, as in Keras. */
    @Override
    protected boolean masksOwnOutputs() {
        return true;
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

    // ---- structure for training ------------------------------------------------------------------------

    /** The names of the model's inputs, in order (for inputs given as a map). */
    public List<String> inputNames() {
        return List.of("input_1");
    }

    /** The names of the model's outputs, in order (for losses, targets and logs given by name). */
    public List<String> outputNames() {
        return List.of("output_1");
    }

    // ---- training ----------------------------------------------------------------------------------

    /** Configures training with objects. */
    public void compile(Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this.trainer = new Trainer(this, optimizer, loss, metrics);
    }

    /** Configures training by Keras names: {@code compile("rmsprop", "categorical_crossentropy", List.of("accuracy"))}. */
    public void compile(String optimizer, String loss, List<String> metrics) {
        compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
    }

    /** Configures training in Keras' general form: losses, loss weights and metrics per output. */
    public void compile(CompileOptions options) {
        this.trainer = new Trainer(this, options);
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

    /** The compiled optimizer, for custom training steps. */
    public Optimizer optimizer() {
        return trainer().optimizer();
    }

    /** The compiled loss, for custom training steps: {@code compiledLoss().compute(y, yPred, sw, regularizationLosses())}. */
    public CompiledLoss compiledLoss() {
        return trainer().compiledLoss();
    }

    /** The compiled metrics, for custom training steps. */
    public CompiledMetrics compiledMetrics() {
        return trainer().compiledMetrics();
    }

    /** Keras' {@code model.metrics}: the loss tracker and the compiled metrics. */
    public List<Metric> metrics() {
        return trainer().metrics();
    }

    /**
     * One training step, Keras' {@code train_step(data)}: override it for a custom step (tape,
     * {@link #compiledLoss()}, {@link #optimizer()}, {@link #compiledMetrics()}) and {@code fit} drives it.
     * Returns the logs to report.
     */
    public Map<String, Double> trainStep(Batch data) {
        return trainer().defaultTrainStep(data);
    }

    /** One evaluation step, Keras' {@code test_step(data)}. */
    public Map<String, Double> testStep(Batch data) {
        return trainer().defaultTestStep(data);
    }

    /** One prediction step, Keras' {@code predict_step(data)}: the outputs for {@code data.x()}. */
    public List<Tensor> predictStep(Batch data) {
        return applyEager(data.x(), false);
    }

    /** Trains on {@code (x, y)}; returns the per-epoch History. */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        return fit(List.of(x), List.of(y), options);
    }

    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** Trains a model with several inputs or outputs: arrays in {@link #inputNames()} / {@link #outputNames()} order. */
    public History fit(List<Tensor> x, List<Tensor> y, FitOptions options) {
        return trainer().fit(checkInputs("fit", x), checkTargets("fit", y), options);
    }

    /** Trains with inputs and targets keyed by input and output name. */
    public History fit(Map<String, Tensor> x, Map<String, Tensor> y, FitOptions options) {
        return fit(byName("input", x, inputNames()), byName("target", y, outputNames()), options);
    }

    /** Trains on a dataset or generator of batches. */
    public History fit(Dataset data, FitOptions options) {
        return trainer().fit(data, options);
    }

    /**
     * Loss and metrics on {@code (x, y)}, by name ({@code loss} first), as Keras'
     * {@code evaluate(..., return_dict=True)}; shows a progress bar unless {@code verbose(0)}.
     */
    public Map<String, Double> evaluate(Tensor x, Tensor y, EvaluateOptions options) {
        return evaluate(List.of(x), List.of(y), options);
    }

    /** {@link #evaluate(Tensor, Tensor, EvaluateOptions)} with this batch size. */
    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        return evaluate(x, y, new EvaluateOptions().batchSize(batchSize));
    }

    /** {@link #evaluate(Tensor, Tensor, EvaluateOptions)} with Keras' defaults (batch size 32, progress bar). */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, new EvaluateOptions());
    }

    /** Evaluates a model with several inputs or outputs: arrays in {@link #inputNames()} / {@link #outputNames()} order. */
    public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, EvaluateOptions options) {
        return trainer().evaluate(checkInputs("evaluate", x), checkTargets("evaluate", y), options);
    }

    public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, int batchSize) {
        return evaluate(x, y, new EvaluateOptions().batchSize(batchSize));
    }

    /** Evaluates with inputs and targets keyed by input and output name. */
    public Map<String, Double> evaluate(Map<String, Tensor> x, Map<String, Tensor> y, EvaluateOptions options) {
        return evaluate(byName("input", x, inputNames()), byName("target", y, outputNames()), options);
    }

    public Map<String, Double> evaluate(Map<String, Tensor> x, Map<String, Tensor> y, int batchSize) {
        return evaluate(x, y, new EvaluateOptions().batchSize(batchSize));
    }

    /** Evaluates on a dataset or generator of batches ({@code steps} needed if it never ends). */
    public Map<String, Double> evaluate(Dataset data, EvaluateOptions options) {
        return trainer().evaluate(data, options);
    }

    public Map<String, Double> evaluate(Dataset data) {
        return evaluate(data, new EvaluateOptions());
    }

    /**
     * Outputs for {@code x}, computed in batches in inference mode (the first output of a
     * multi-output model); shows a progress bar unless {@code verbose(0)}.
     */
    public Tensor predict(Tensor x, PredictOptions options) {
        return predict(List.of(x), options).get(0);
    }

    /** {@link #predict(Tensor, PredictOptions)} with this batch size. */
    public Tensor predict(Tensor x, int batchSize) {
        return predict(x, new PredictOptions().batchSize(batchSize));
    }

    /** {@link #predict(Tensor, PredictOptions)} with Keras' defaults (batch size 32, progress bar). */
    public Tensor predict(Tensor x) {
        return predict(x, new PredictOptions());
    }

    /** Every output for inputs in {@link #inputNames()} order, batched. */
    public List<Tensor> predict(List<Tensor> x, PredictOptions options) {
        return Trainer.predict(this, checkInputs("predict", x), options);
    }

    public List<Tensor> predict(List<Tensor> x, int batchSize) {
        return predict(x, new PredictOptions().batchSize(batchSize));
    }

    /** Every output, in {@link #outputNames()} order, for inputs keyed by input name. */
    public List<Tensor> predict(Map<String, Tensor> x, PredictOptions options) {
        return predict(byName("input", x, inputNames()), options);
    }

    /** Every output for a dataset or generator of batches (targets ignored; {@code steps} needed if it never ends). */
    public List<Tensor> predict(Dataset data, PredictOptions options) {
        return Trainer.predict(this, data, options);
    }

    /** One optimisation step on one batch; the logs after it. */
    public Map<String, Double> trainOnBatch(List<Tensor> x, List<Tensor> y) {
        trainer().resetMetrics();
        return trainStep(new Batch(checkInputs("train_on_batch", x), checkTargets("train_on_batch", y), null));
    }

    public Map<String, Double> trainOnBatch(Tensor x, Tensor y) {
        return trainOnBatch(List.of(x), List.of(y));
    }

    /** Loss and metrics on one batch. */
    public Map<String, Double> testOnBatch(List<Tensor> x, List<Tensor> y) {
        trainer().resetMetrics();
        return testStep(new Batch(checkInputs("test_on_batch", x), checkTargets("test_on_batch", y), null));
    }

    public Map<String, Double> testOnBatch(Tensor x, Tensor y) {
        return testOnBatch(List.of(x), List.of(y));
    }

    /** The outputs for one batch. */
    public List<Tensor> predictOnBatch(List<Tensor> x) {
        return predictStep(new Batch(checkInputs("predict_on_batch", x), List.of(), null));
    }

    public Tensor predictOnBatch(Tensor x) {
        return predictOnBatch(List.of(x)).get(0);
    }

    private List<Tensor> checkInputs(String what, List<Tensor> x) {
        if (x.size() != inputNames().size()) {
            throw new IllegalArgumentException(what + ": model \"" + name() + "\" expects " + inputNames().size() + " input(s) "
                    + inputNames() + ", but received " + x.size() + " array(s)");
        }
        return x;
    }

    private List<Tensor> checkTargets(String what, List<Tensor> y) {
        if (y.size() != outputNames().size()) {
            throw new IllegalArgumentException(what + ": model \"" + name() + "\" has " + outputNames().size() + " output(s) "
                    + outputNames() + ", but received " + y.size() + " target array(s)");
        }
        return y;
    }

    private static List<Tensor> byName(String what, Map<String, Tensor> data, List<String> names) {
        for (String key : data.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("Unknown " + what + " name '" + key + "'. Expected one of " + names);
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (String n : names) {
            Tensor t = data.get(n);
            if (t == null) throw new IllegalArgumentException("Missing " + what + " '" + n + "'. Expected " + names + ", received " + data.keySet());
            out.add(t);
        }
        return out;
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
