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

    /** Keras' {@code fit} on a dataset or generator. */
    public History fit(Dataset train, Dataset validation, FitOptions o) {
        int steps = o.stepsPerEpoch > 0 ? o.stepsPerEpoch : train.cardinality();
        History history = new History();
        List<Callback> all = new ArrayList<>(o.callbacks);
        all.add(history);
        Callback progress = ProgressDisplay.create(o.verbose);
        if (progress != null) all.add(progress);
        CallbackList callbacks = new CallbackList(all);
        callbacks.setModel(model);
        callbacks.setParams(Map.of("epochs", o.epochs, "steps", steps, "verbose", o.verbose));

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
                Map<String, Double> val = evaluate(validation, o.validationSteps, null);
                for (Map.Entry<String, Double> e : val.entrySet()) epochLogs.put("val_" + e.getKey(), e.getValue());
            }
            callbacks.onEpochEnd(epoch, epochLogs);
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** Keras' {@code evaluate}: the loss and metrics over the dataset (or its first {@code steps} batches). */
    public Map<String, Double> evaluate(Dataset data, int steps, CallbackList callbacks) {
        resetMetrics();
        Map<String, Double> logs = logs();
        if (callbacks != null) callbacks.onTestBegin(Map.of());
        int step = 0;
        for (Batch b : data) {
            if (steps > 0 && step >= steps) break;
            if (callbacks != null) callbacks.onTestBatchBegin(step, Map.of());
            logs = model.testStep(b);
            if (callbacks != null) callbacks.onTestBatchEnd(step, logs);
            step++;
        }
        if (callbacks != null) callbacks.onTestEnd(logs);
        return logs;
    }

    /** Keras' {@code evaluate} on arrays. */
    public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize) {
        return evaluate(Dataset.of(x, y, sampleWeight, batchSize, false), -1, null);
    }

    /** Keras' {@code predict}: the model's outputs, batch by batch, in inference mode, concatenated. */
    public static List<Tensor> predict(Model model, List<Tensor> x, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("predict: batch_size must be positive. Received: batch_size=" + batchSize);
        int n = x.get(0).dim(0);
        List<List<Tensor>> parts = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            List<Tensor> out = model.predictStep(new Batch(rows(x, from, Math.min(n, from + batchSize)), List.of(), null));
            for (int i = 0; i < out.size(); i++) {
                if (parts.size() <= i) parts.add(new ArrayList<>());
                parts.get(i).add(out.get(i));
            }
        }
        List<Tensor> result = new ArrayList<>();
        for (List<Tensor> p : parts) result.add(concatRows(p));
        return result;
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
