package io.cornu.engine.training;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.callbacks.CallbackList;
import io.cornu.engine.callbacks.History;
import io.cornu.engine.callbacks.ProgressDisplay;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.models.Model;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code compile} sets up and what {@code fit}, {@code evaluate} and {@code predict} run, as
 * Keras' {@code Trainer}: the optimizer, the compiled loss and metrics, and the loops. Each step
 * goes through the model's overridable {@link Model#trainStep}, {@link Model#testStep} and
 * {@link Model#predictStep}.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private final CompiledLoss compiledLoss;
    private final CompiledMetrics compiledMetrics;
    private final CompiledMetrics weightedMetrics;
    private final CompileOptions options;

    public Trainer(Model model, CompileOptions o) {
        this.model = model;
        this.options = o.copy();
        this.optimizer = o.optimizer instanceof Optimizer opt ? opt : Optimizer.get(String.valueOf(o.optimizer));
        List<String> outputs = model.outputNames();
        this.compiledLoss = new CompiledLoss(outputs, o.loss, o.lossWeights);
        this.compiledMetrics = new CompiledMetrics(outputs, o.metrics, compiledLoss.losses(), false);
        this.weightedMetrics = new CompiledMetrics(outputs, o.weightedMetrics, compiledLoss.losses(), true);
    }

    public Trainer(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this(model, new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The arguments given to {@code compile} (Keras' {@code compile_config}), with the optimizer as the
     * instance in use: what a model file stores to compile the model again when loaded.
     */
    public CompileOptions compileOptions() {
        CompileOptions c = options.copy();
        c.optimizer = optimizer;
        return c;
    }

    public CompiledLoss compiledLoss() {
        return compiledLoss;
    }

    public CompiledMetrics compiledMetrics() {
        return compiledMetrics;
    }

    /** The loss of the single output (an error for several: see {@link #compiledLoss()}). */
    public Loss loss() {
        return compiledLoss.losses().get(0);
    }

    /** Keras' {@code model.metrics}: the loss tracker, then the compiled metrics. */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>();
        all.add(compiledLoss.lossTracker());
        all.addAll(compiledMetrics.metrics());
        all.addAll(weightedMetrics.metrics());
        return all;
    }

    // ---- default steps -----------------------------------------------------------------------------------

    /** The total loss of a batch: compiled losses and the model's regularization losses. Updates the loss trackers. */
    public Tensor computeLoss(List<Tensor> y, List<Tensor> yPred, Tensor sampleWeight) {
        return compiledLoss.compute(y, yPred, sampleWeight, model.regularizationLosses());
    }

    /** Keras' default {@code train_step}: forward under a tape, loss, gradients, update, metrics. */
    public Map<String, Double> defaultTrainStep(Batch data) {
        List<Tensor> yPred;
        List<Tensor> grads;
        List<Variable> vars;
        try (GradientTape tape = new GradientTape()) {
            yPred = model.applyEager(data.x(), true);
            Tensor loss = computeLoss(data.y(), yPred, data.sampleWeight());
            vars = model.trainableWeights();
            grads = tape.gradient(loss, vars);
        }
        optimizer.applyGradients(grads, vars);
        compiledMetrics.update(data.y(), yPred, data.sampleWeight());
        weightedMetrics.update(data.y(), yPred, data.sampleWeight());
        return logs();
    }

    /** Keras' default {@code test_step}. */
    public Map<String, Double> defaultTestStep(Batch data) {
        List<Tensor> yPred = model.applyEager(data.x(), false);
        computeLoss(data.y(), yPred, data.sampleWeight());
        compiledMetrics.update(data.y(), yPred, data.sampleWeight());
        weightedMetrics.update(data.y(), yPred, data.sampleWeight());
        return logs();
    }

    /** The running values: {@code loss}, per-output losses, metrics. */
    public Map<String, Double> logs() {
        Map<String, Double> logs = new LinkedHashMap<>(compiledLoss.results());
        logs.putAll(compiledMetrics.results());
        weightedMetrics.results().forEach((k, v) -> logs.put(logs.containsKey(k) ? "weighted_" + k : k, v));
        return logs;
    }

    public void resetMetrics() {
        compiledLoss.reset();
        compiledMetrics.reset();
        weightedMetrics.reset();
    }

    // ---- loops ---------------------------------------------------------------------------------------------

    /** Keras' {@code fit} on arrays: inputs and targets in the model's order. */
    public History fit(List<Tensor> x, List<Tensor> y, FitOptions o) {
        List<Tensor> trainX = x, trainY = y, valX = o.validationX, valY = o.validationY;
        Tensor sw = o.sampleWeight;
        int n = x.get(0).dim(0);
        if (o.validationSplit > 0 && valX == null && o.validationDataset == null) {
            int split = (int) (n * (1 - o.validationSplit));
            if (split == 0 || split == n) {
                throw new IllegalArgumentException("fit: validation_split=" + o.validationSplit + " leaves no training or no validation samples out of " + n);
            }
            trainX = rows(x, 0, split);
            trainY = rows(y, 0, split);
            valX = rows(x, split, n);
            valY = rows(y, split, n);
            if (sw != null) sw = sw.sliceRows(0, split);
        }
        Dataset train = Dataset.of(trainX, trainY, sw, o.batchSize, o.shuffle);
        Dataset val = o.validationDataset != null ? o.validationDataset
                : valX != null ? Dataset.of(valX, valY, null, o.batchSize, false) : null;
        return fit(train, val, o);
    }

    /**
     * Keras' {@code fit} on a dataset or generator, validating on the options' validation data (a
     * dataset or arrays). A validation split needs arrays to split, as in Keras.
     */
    public History fit(Dataset train, FitOptions o) {
        if (o.validationSplit > 0) {
            throw new IllegalArgumentException("fit: `validation_split` is only supported for tensors and arrays, not for a dataset or "
                    + "generator; pass validation data instead. Received: validation_split=" + o.validationSplit);
        }
        Dataset val = o.validationDataset != null ? o.validationDataset
                : o.validationX != null ? Dataset.of(o.validationX, o.validationY, null, o.batchSize, false) : null;
        return fit(train, val, o);
    }

    /** Keras' {@code fit} on a dataset or generator. */
    public History fit(Dataset train, Dataset validation, FitOptions o) {
        int steps = o.stepsPerEpoch > 0 ? o.stepsPerEpoch : train.cardinality();
        History history = new History();
        List<Callback> all = new ArrayList<>(o.callbacks);
        all.add(history);
        CallbackList callbacks = callbackList(model, all, o.verbose, o.epochs, steps);

        model.setStopTraining(false);
        callbacks.onTrainBegin(Map.of());
        Map<String, Double> epochLogs = Map.of();
        Iterator<Batch> endless = o.stepsPerEpoch > 0 ? train.iterator() : null;
        for (int epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining(); epoch++) {
            resetMetrics();
            callbacks.onEpochBegin(epoch, Map.of());
            Iterator<Batch> it = endless != null ? endless : train.iterator();
            Map<String, Double> logs = logs();
            int step = 0;
            for (; (o.stepsPerEpoch <= 0 || step < o.stepsPerEpoch) && !model.stopTraining(); step++) {
                if (!it.hasNext()) {
                    if (endless != null) {
                        System.err.println("WARNING: your input ran out of data; interrupting training. Make sure that your dataset or generator "
                                + "can generate at least `steps_per_epoch * epochs` batches (" + o.stepsPerEpoch + " * " + o.epochs + ").");
                        model.setStopTraining(true);
                    }
                    break;
                }
                Batch batch = withClassWeights(it.next(), o.classWeight);
                callbacks.onTrainBatchBegin(step, Map.of());
                logs = model.trainStep(batch);
                callbacks.onTrainBatchEnd(step, logs);
            }
            if (step == 0) break;
            epochLogs = new LinkedHashMap<>(logs);
            if (validation != null) {
                // as Keras, the validation pass calls fit's callbacks' test hooks (the progress bar ignores them)
                Map<String, Double> val = evaluate(validation, o.validationSteps, callbacks);
                for (Map.Entry<String, Double> e : val.entrySet()) epochLogs.put("val_" + e.getKey(), e.getValue());
            }
            callbacks.onEpochEnd(epoch, epochLogs);
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** Keras' {@code evaluate} on arrays, in the model's input and output order. */
    public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, EvaluateOptions o) {
        return evaluateWith(Dataset.of(x, y, o.sampleWeight, o.batchSize, false), o);
    }

    /** Keras' {@code evaluate} on a dataset or generator ({@code steps} needed if it never ends). */
    public Map<String, Double> evaluate(Dataset data, EvaluateOptions o) {
        if (o.sampleWeight != null) {
            throw new IllegalArgumentException("evaluate: the sample_weight argument is not supported when the input is a dataset; "
                    + "give each batch its sample weights instead. Received: sample_weight.shape=" + o.sampleWeight.shape());
        }
        return evaluateWith(data, o);
    }

    private Map<String, Double> evaluateWith(Dataset data, EvaluateOptions o) {
        int steps = o.steps > 0 ? o.steps : data.cardinality();
        return evaluate(data, o.steps, callbackList(model, o.callbacks, o.verbose, 1, steps));
    }

    /**
     * Keras' {@code evaluate} loop: the loss and metrics over the dataset (or its first {@code steps}
     * batches, when positive), calling the test hooks of {@code callbacks} (none when null).
     */
    public Map<String, Double> evaluate(Dataset data, int steps, CallbackList callbacks) {
        CallbackList cbs = callbacks != null ? callbacks : new CallbackList(List.of());
        resetMetrics();
        Map<String, Double> logs = logs();
        cbs.onTestBegin(Map.of());
        Iterator<Batch> it = data.iterator();
        for (int step = 0; steps <= 0 || step < steps; step++) {
            if (!it.hasNext()) {
                if (steps > 0) warnRanOut("evaluate", step, steps);
                break;
            }
            Batch b = it.next();
            cbs.onTestBatchBegin(step, Map.of());
            logs = model.testStep(b);
            cbs.onTestBatchEnd(step, logs);
        }
        cbs.onTestEnd(logs);
        return logs;
    }

    /** Keras' {@code evaluate} on arrays, silent and without callbacks. */
    public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize) {
        return evaluate(x, y, new EvaluateOptions().batchSize(batchSize).sampleWeight(sampleWeight).verbose(0));
    }

    /** Keras' {@code predict}, silent and without callbacks: the model's outputs, batch by batch, in inference mode, concatenated. */
    public static List<Tensor> predict(Model model, List<Tensor> x, int batchSize) {
        return predict(model, x, new PredictOptions().batchSize(batchSize).verbose(0));
    }

    /** Keras' {@code predict} on arrays, in the model's input order; every output, concatenated over the batches. */
    public static List<Tensor> predict(Model model, List<Tensor> x, PredictOptions o) {
        return predict(model, Dataset.of(x, List.of(), null, o.batchSize, false), o);
    }

    /**
     * Keras' {@code predict} on a dataset or generator (its targets, if any, ignored; {@code steps}
     * needed if it never ends): every output, concatenated over the batches. Each
     * {@code onPredictBatchEnd} receives the batch's outputs as {@code logs.get("outputs")}, a
     * {@code List<Tensor>}.
     */
    public static List<Tensor> predict(Model model, Dataset data, PredictOptions o) {
        int steps = o.steps > 0 ? o.steps : data.cardinality();
        CallbackList callbacks = callbackList(model, o.callbacks, o.verbose, 1, steps);
        callbacks.onPredictBegin(Map.of());
        List<List<Tensor>> parts = new ArrayList<>();
        Iterator<Batch> it = data.iterator();
        for (int step = 0; o.steps <= 0 || step < o.steps; step++) {
            if (!it.hasNext()) {
                if (o.steps > 0) warnRanOut("predict", step, o.steps);
                break;
            }
            Batch b = it.next();
            callbacks.onPredictBatchBegin(step, Map.of());
            List<Tensor> out = model.predictStep(b);
            for (int i = 0; i < out.size(); i++) {
                if (parts.size() <= i) parts.add(new ArrayList<>());
                parts.get(i).add(out.get(i));
            }
            callbacks.onPredictBatchEnd(step, Map.of("outputs", out));
        }
        callbacks.onPredictEnd(Map.of());
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("predict: the input gave no batch to predict on (model \"" + model.name() + "\"); "
                    + "check that the input arrays or the dataset are not empty");
        }
        List<Tensor> result = new ArrayList<>();
        for (List<Tensor> p : parts) result.add(concatRows(p));
        return result;
    }

    /** The callbacks of one run, with the progress display for {@code verbose} last, as Keras' {@code CallbackList}. */
    private static CallbackList callbackList(Model model, List<Callback> user, int verbose, int epochs, int steps) {
        List<Callback> all = new ArrayList<>(user);
        Callback progress = ProgressDisplay.create(verbose);
        if (progress != null) all.add(progress);
        CallbackList callbacks = new CallbackList(all);
        callbacks.setModel(model);
        callbacks.setParams(Map.of("epochs", epochs, "steps", steps, "verbose", verbose));
        return callbacks;
    }

    private static void warnRanOut(String what, int done, int steps) {
        System.err.println("WARNING: " + what + ": your input ran out of data after " + done + " batch(es), before steps=" + steps
                + "; interrupting. Make sure that your dataset or generator can generate at least `steps` batches.");
    }

    private static List<Tensor> rows(List<Tensor> ts, int from, int to) {
        List<Tensor> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) out.add(t.sliceRows(from, to));
        return out;
    }

    /** Multiplies the batch's sample weights by the weight of each sample's class (arg-max of one-hot targets). */
    private static Batch withClassWeights(Batch b, Map<Integer, Double> classWeight) {
        if (classWeight == null) return b;
        if (b.y().size() != 1) throw new IllegalArgumentException("fit: class_weight is only supported for models with a single output");
        Tensor y = b.y().get(0);
        float[] t = y.toFloatArray();
        int n = y.dim(0);
        int width = n == 0 ? 1 : t.length / n;
        float[] w = b.sampleWeight() == null ? null : b.sampleWeight().toFloatArray();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int cls = 0;
            if (width == 1) {
                cls = (int) t[i];
            } else {
                for (int j = 1; j < width; j++) if (t[i * width + j] > t[i * width + cls]) cls = j;
            }
            Double cw = classWeight.get(cls);
            out[i] = (float) ((cw == null ? 1.0 : cw) * (w == null ? 1.0 : w[i]));
        }
        return new Batch(b.x(), b.y(), Tensor.wrap(out, n));
    }

    static Tensor concatRows(List<Tensor> parts) {
        if (parts.isEmpty()) return Tensor.zeros(0);
        int[] dims = parts.get(0).dims();
        int total = 0;
        for (Tensor p : parts) total += p.dim(0);
        int row = parts.get(0).dim(0) == 0 ? 0 : parts.get(0).size() / parts.get(0).dim(0);
        dims[0] = total;
        float[] out = new float[total * row];
        int pos = 0;
        for (Tensor p : parts) {
            float[] d = p.toFloatArray();
            System.arraycopy(d, 0, out, pos, d.length);
            pos += d.length;
        }
        return Tensor.wrap(out, dims);
    }
}
