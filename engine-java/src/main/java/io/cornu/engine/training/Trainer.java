package io.cornu.engine.training;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.callbacks.CallbackList;
import io.cornu.engine.callbacks.History;
import io.cornu.engine.callbacks.ProgressDisplay;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Mean;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.models.Model;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@code compile} sets up and what {@code fit}, {@code evaluate} and {@code predict} run, as
 * Keras' {@code Trainer}: the optimizer, the loss, the metrics, and the training loop.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics;
    private final Mean lossTracker = new Mean("loss");

    public Trainer(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        if (optimizer == null) throw new IllegalArgumentException("compile: an optimizer is required. Received: optimizer=null");
        if (loss == null) throw new IllegalArgumentException("compile: a loss is required. Received: loss=null");
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.copyOf(metrics);
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Loss loss() {
        return loss;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    // ---- steps -----------------------------------------------------------------------------------------

    /** One optimisation step on a batch: forward under a tape, loss, gradients, update, metrics. */
    public Map<String, Double> trainStep(Tensor x, Tensor y) {
        List<Variable> vars;
        Tensor yPred;
        Tensor lossValue;
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            yPred = model.apply(x, true);
            lossValue = loss.apply(y, yPred);
            vars = model.trainableWeights();
            grads = tape.gradient(lossValue, vars);
        }
        optimizer.applyGradients(grads, vars);
        return updateMetrics(x.dim(0), lossValue, y, yPred);
    }

    /** Loss and metrics on a batch, without training. */
    public Map<String, Double> testStep(Tensor x, Tensor y) {
        Tensor yPred = model.apply(x, false);
        return updateMetrics(x.dim(0), loss.apply(y, yPred), y, yPred);
    }

    private Map<String, Double> updateMetrics(int batch, Tensor lossValue, Tensor y, Tensor yPred) {
        lossTracker.update(lossValue.item(), batch);
        for (Metric m : metrics) m.updateState(y, yPred);
        return currentLogs();
    }

    private Map<String, Double> currentLogs() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossTracker.result());
        for (Metric m : metrics) logs.put(m.name(), m.result());
        return logs;
    }

    private void resetMetrics() {
        lossTracker.resetState();
        for (Metric m : metrics) m.resetState();
    }

    // ---- loops -------------------------------------------------------------------------------------------

    /** Keras' {@code fit}. */
    public History fit(Tensor x, Tensor y, FitOptions o) {
        checkSameLength("fit", x, y);
        Tensor trainX = x, trainY = y, valX = o.validationX, valY = o.validationY;
        if (o.validationSplit > 0 && valX == null) {
            int n = x.dim(0);
            int split = (int) (n * (1 - o.validationSplit));
            if (split == 0 || split == n) {
                throw new IllegalArgumentException("fit: validation_split=" + o.validationSplit + " leaves no training or no validation samples out of " + n);
            }
            trainX = x.sliceRows(0, split);
            trainY = y.sliceRows(0, split);
            valX = x.sliceRows(split, n);
            valY = y.sliceRows(split, n);
        }
        int n = trainX.dim(0);
        int steps = (n + o.batchSize - 1) / o.batchSize;
        History history = new History();
        List<Callback> all = new ArrayList<>(o.callbacks);
        all.add(history);
        Callback progress = ProgressDisplay.create(o.verbose);
        if (progress != null) all.add(progress);
        CallbackList callbacks = new CallbackList(all);
        callbacks.setModel(model);
        callbacks.setParams(Map.of("epochs", o.epochs, "steps", steps, "verbose", o.verbose));

        model.setStopTraining(false);
        SplittableRandom rng = RandomSeed.next();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        callbacks.onTrainBegin(Map.of());
        Map<String, Double> epochLogs = Map.of();
        for (int epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining(); epoch++) {
            resetMetrics();
            callbacks.onEpochBegin(epoch, Map.of());
            if (o.shuffle) shuffle(order, rng);
            Map<String, Double> logs = Map.of();
            for (int step = 0; step < steps && !model.stopTraining(); step++) {
                int from = step * o.batchSize, to = Math.min(n, from + o.batchSize);
                callbacks.onTrainBatchBegin(step, Map.of());
                logs = trainStep(gatherRows(trainX, order, from, to), gatherRows(trainY, order, from, to));
                callbacks.onTrainBatchEnd(step, logs);
            }
            epochLogs = new LinkedHashMap<>(logs);
            if (valX != null) {
                Map<String, Double> val = evaluate(valX, valY, o.batchSize);
                for (Map.Entry<String, Double> e : val.entrySet()) epochLogs.put("val_" + e.getKey(), e.getValue());
            }
            callbacks.onEpochEnd(epoch, epochLogs);
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** Keras' {@code evaluate}: the loss and the metrics over all of {@code (x, y)}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        checkSameLength("evaluate", x, y);
        if (batchSize <= 0) throw new IllegalArgumentException("evaluate: batch_size must be positive. Received: batch_size=" + batchSize);
        resetMetrics();
        int n = x.dim(0);
        Map<String, Double> logs = currentLogs();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            logs = testStep(x.sliceRows(from, to), y.sliceRows(from, to));
        }
        return logs;
    }

    /** Keras' {@code predict}: the model's outputs for {@code x}, batch by batch, in inference mode. */
    public static Tensor predict(Model model, Tensor x, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("predict: batch_size must be positive. Received: batch_size=" + batchSize);
        int n = x.dim(0);
        List<Tensor> parts = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            parts.add(model.apply(x.sliceRows(from, Math.min(n, from + batchSize)), false));
        }
        return concatRows(parts);
    }

    private static void checkSameLength(String what, Tensor x, Tensor y) {
        if (x.rank() == 0 || y.rank() == 0 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException(what + ": x and y must have the same number of samples. Received: x.shape="
                    + x.shape() + ", y.shape=" + y.shape());
        }
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Rows {@code order[from..to)} of {@code x} gathered into a new contiguous batch. */
    static Tensor gatherRows(Tensor x, int[] order, int from, int to) {
        Tensor src = x.contiguous();
        int[] dims = src.dims();
        int row = dims[0] == 0 ? 0 : src.size() / dims[0];
        dims[0] = to - from;
        float[] out = new float[dims[0] * row];
        float[] s = src.buffer();
        int off = src.offset();
        for (int i = from; i < to; i++) System.arraycopy(s, off + order[i] * row, out, (i - from) * row, row);
        return Tensor.wrap(out, dims);
    }

    static Tensor concatRows(List<Tensor> parts) {
        if (parts.isEmpty()) return Tensor.zeros(0);
        int[] dims = parts.get(0).dims();
        int total = 0;
        for (Tensor p : parts) total += p.dim(0);
        dims[0] = total;
        float[] out = new float[(int) Math.max(0, (long) total * (parts.get(0).dim(0) == 0 ? 0 : parts.get(0).size() / parts.get(0).dim(0)))];
        int pos = 0;
        for (Tensor p : parts) {
            float[] d = p.toFloatArray();
            System.arraycopy(d, 0, out, pos, d.length);
            pos += d.length;
        }
        return Tensor.wrap(out, dims);
    }
}
