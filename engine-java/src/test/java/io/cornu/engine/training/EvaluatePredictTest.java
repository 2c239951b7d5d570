package io.cornu.engine.training;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras' evaluate and predict: callbacks and their order, steps, sample weights, datasets, inputs by name. */
class EvaluatePredictTest {
    private static final PredictOptions SILENT = new PredictOptions().verbose(0);

    /** Records every hook as {@code "name"} or {@code "name index"}, with the logs it needs. */
    static final class Recorder extends Callback {
        final List<String> events = new ArrayList<>();
        final List<Map<String, Double>> testEndLogs = new ArrayList<>();
        final List<List<Tensor>> batchOutputs = new ArrayList<>();

        @Override public void onTrainBegin(Map<String, Double> logs) { events.add("train_begin"); }
        @Override public void onTrainEnd(Map<String, Double> logs) { events.add("train_end"); }
        @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { events.add("epoch_begin " + epoch); }
        @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { events.add("epoch_end " + epoch); }
        @Override public void onTrainBatchBegin(int batch, Map<String, Double> logs) { events.add("train_batch_begin " + batch); }
        @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { events.add("train_batch_end " + batch); }
        @Override public void onTestBegin(Map<String, Double> logs) { events.add("test_begin"); }
        @Override public void onTestBatchBegin(int batch, Map<String, Double> logs) { events.add("test_batch_begin " + batch); }

        @Override
        public void onTestBatchEnd(int batch, Map<String, Double> logs) {
            assertTrue(logs.containsKey("loss"), logs.toString());
            events.add("test_batch_end " + batch);
        }

        @Override
        public void onTestEnd(Map<String, Double> logs) {
            events.add("test_end");
            testEndLogs.add(Map.copyOf(logs));
        }

        @Override public void onPredictBegin(Map<String, Double> logs) { events.add("predict_begin"); }
        @Override public void onPredictBatchBegin(int batch, Map<String, Double> logs) { events.add("predict_batch_begin " + batch); }

        @Override
        @SuppressWarnings("unchecked")
        public void onPredictBatchEnd(int batch, Map<String, Object> logs) {
            events.add("predict_batch_end " + batch);
            batchOutputs.add((List<Tensor>) logs.get("outputs"));
        }

        @Override public void onPredictEnd(Map<String, Double> logs) { events.add("predict_end"); }
    }

    private Sequential model;
    private Tensor x;
    private Tensor y;

    @BeforeEach
    void setUp() {
        Names.reset();
        RandomSeed.set(7);
        model = new Sequential();
        model.add(new InputLayer(3));
        model.add(new Dense(3, "softmax"));
        model.compile(new CompileOptions().optimizer("sgd").loss("categorical_crossentropy")
                .metrics(List.of("accuracy")).weightedMetrics(List.of("accuracy")));
        x = random(1, 10, 3);
        float[] c = new float[10];
        for (int i = 0; i < 10; i++) c[i] = (i * 7) % 3;
        y = Categorical.toCategorical(Tensor.of(c), 3);
    }

    /** Per-sample cross-entropies {@code -log p[label]} and hits, from the model's predictions, in double precision. */
    private double[][] perSample(int n) {
        float[][] p = model.predict(x, SILENT).toFloatMatrix();
        float[][] t = y.toFloatMatrix();
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int label = 0, best = 0;
            for (int j = 1; j < 3; j++) {
                if (t[i][j] > t[i][label]) label = j;
                if (p[i][j] > p[i][best]) best = j;
            }
            out[0][i] = -Math.log(p[i][label]);
            out[1][i] = best == label ? 1 : 0;
        }
        return out;
    }

    private static List<String> batches(String kind, int count) {
        List<String> e = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            e.add(kind + "_batch_begin " + b);
            e.add(kind + "_batch_end " + b);
        }
        return e;
    }

    @Test
    void evaluateCallsTheTestHooksInOrder() {
        Recorder r = new Recorder();
        Map<String, Double> logs = model.evaluate(x, y, new EvaluateOptions().batchSize(4).verbose(0).callbacks(r));
        List<String> expected = new ArrayList<>(List.of("test_begin"));
        expected.addAll(batches("test", 3));
        expected.add("test_end");
        assertEquals(expected, r.events);
        assertEquals(List.of(logs), r.testEndLogs);
        assertEquals(Map.of("epochs", 1, "steps", 3, "verbose", 0), r.params());
        assertEquals(r.model(), model);
    }

    @Test
    void predictCallsThePredictHooksWithEachBatchsOutputs() {
        Recorder r = new Recorder();
        Tensor p = model.predict(x, new PredictOptions().batchSize(4).verbose(0).callbacks(r));
        List<String> expected = new ArrayList<>(List.of("predict_begin"));
        expected.addAll(batches("predict", 3));
        expected.add("predict_end");
        assertEquals(expected, r.events);
        assertEquals(3, r.batchOutputs.size());
        int[] rows = {4, 4, 2};
        List<Float> joined = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            assertEquals(1, r.batchOutputs.get(b).size());
            assertArrayEquals(new int[] {rows[b], 3}, r.batchOutputs.get(b).get(0).dims());
            for (float v : r.batchOutputs.get(b).get(0).toFloatArray()) joined.add(v);
        }
        float[] all = p.toFloatArray();
        assertEquals(all.length, joined.size());
        for (int i = 0; i < all.length; i++) assertEquals(all[i], joined.get(i));
    }

    @Test
    void fitCallsTheTestHooksOfItsCallbacksAtEachValidationPass() {
        Recorder r = new Recorder();
        // 10 samples, validation_split 0.2: 8 for training (2 batches of 4), 2 for validation (1 batch)
        var history = model.fit(x, y, new FitOptions().epochs(3).batchSize(4).validationSplit(0.2).verbose(0).callbacks(r));
        List<String> expected = new ArrayList<>(List.of("train_begin"));
        for (int e = 0; e < 3; e++) {
            expected.add("epoch_begin " + e);
            expected.addAll(batches("train", 2));
            expected.add("test_begin");
            expected.addAll(batches("test", 1));
            expected.add("test_end");
            expected.add("epoch_end " + e);
        }
        expected.add("train_end");
        assertEquals(expected, r.events);
        for (int e = 0; e < 3; e++) {
            assertEquals(history.get("val_loss").get(e), r.testEndLogs.get(e).get("loss"));
            assertEquals(history.get("val_accuracy").get(e), r.testEndLogs.get(e).get("accuracy"));
        }

        Recorder noValidation = new Recorder();
        model.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0).callbacks(noValidation));
        assertTrue(noValidation.events.stream().noneMatch(e -> e.startsWith("test")), noValidation.events.toString());
    }

    @Test
    void stepsLimitsTheBatchesEvaluatedAndPredicted() {
        double[][] s = perSample(10);
        Recorder r = new Recorder();
        Map<String, Double> logs = model.evaluate(x, y, new EvaluateOptions().batchSize(4).steps(2).verbose(0).callbacks(r));
        double expected = 0;
        for (int i = 0; i < 8; i++) expected += s[0][i] / 8;
        assertEquals(expected, logs.get("loss"), 1e-5, "the loss of the first 2 batches of 4");
        assertEquals(batches("test", 2).size() + 2, r.events.size(), r.events.toString());
        assertEquals(2, r.params().get("steps"));

        Tensor p = model.predict(x, new PredictOptions().batchSize(4).steps(2).verbose(0));
        assertArrayEquals(new int[] {8, 3}, p.dims());
        assertArrayEquals(model.predict(x, SILENT).sliceRows(0, 8).toFloatArray(), p.toFloatArray());
    }

    @Test
    void stepsDrawsFromAnEndlessGeneratorAndStopsWhereFiniteDataEnds() {
        int[] drawn = {0};
        Dataset endless = Dataset.fromIterator(() -> new Iterator<>() {
            @Override public boolean hasNext() { return true; }

            @Override
            public Batch next() {
                drawn[0]++;
                return new Batch(x.sliceRows(0, 5), y.sliceRows(0, 5));
            }
        });
        Recorder r = new Recorder();
        model.evaluate(endless, new EvaluateOptions().steps(3).verbose(0).callbacks(r));
        assertEquals(3, drawn[0]);
        assertEquals(3, r.params().get("steps"));
        assertEquals(4 * 5, model.predict(endless, new PredictOptions().steps(4).verbose(0)).get(0).dim(0));
        assertEquals(3 + 4, drawn[0]);

        // 3 batches only: steps=5 evaluates them all, then stops
        Map<String, Double> all = model.evaluate(x, y, new EvaluateOptions().batchSize(4).verbose(0));
        Recorder few = new Recorder();
        Map<String, Double> capped = model.evaluate(x, y, new EvaluateOptions().batchSize(4).steps(5).verbose(0).callbacks(few));
        assertEquals(all, capped);
        assertEquals(1 + 2 * 3 + 1, few.events.size(), few.events.toString());
        assertEquals(10, model.predict(x, new PredictOptions().batchSize(4).steps(5).verbose(0)).dim(0));
    }

    /**
     * Keras: each batch's loss is {@code sum(w_i * l_i) / n_batch} (sum_over_batch_size) and the loss
     * tracker weighs batches by their size, so the evaluated loss is {@code sum(w_i * l_i) / N} over all
     * samples; a weighted metric is {@code sum(w_i * hit_i) / sum(w_i)}; plain metrics ignore the weights.
     */
    @Test
    void sampleWeightWeighsTheEvaluatedLossAsKeras() {
        double[][] s = perSample(10);
        float[] w = {1, 2, 0, 0.5f, 3, 1, 0, 4, 0.25f, 1};
        double loss = 0, plainLoss = 0, weightedHits = 0, weightSum = 0, hits = 0;
        for (int i = 0; i < 10; i++) {
            loss += w[i] * s[0][i] / 10;
            plainLoss += s[0][i] / 10;
            weightedHits += w[i] * s[1][i];
            weightSum += w[i];
            hits += s[1][i] / 10;
        }
        Map<String, Double> logs = model.evaluate(x, y, new EvaluateOptions().batchSize(4).sampleWeight(Tensor.of(w)).verbose(0));
        assertEquals(loss, logs.get("loss"), 1e-5);
        assertEquals(weightedHits / weightSum, logs.get("weighted_accuracy"), 1e-6);
        assertEquals(hits, logs.get("accuracy"), 1e-6);
        assertEquals(plainLoss, model.evaluate(x, y, new EvaluateOptions().batchSize(4).verbose(0)).get("loss"), 1e-5);
        assertTrue(Math.abs(loss - plainLoss) > 1e-3, "the weights change the loss");
    }

    @Test
    void sampleWeightMustMatchTheSamplesAndComesWithTheBatchesOfADataset() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.evaluate(x, y, new EvaluateOptions().sampleWeight(Tensor.ones(9)).verbose(0)));
        assertTrue(e.getMessage().contains("(9,)"), e.getMessage());
        var d = assertThrows(IllegalArgumentException.class,
                () -> model.evaluate(Dataset.of(x, y, 4), new EvaluateOptions().sampleWeight(Tensor.ones(10)).verbose(0)));
        assertTrue(d.getMessage().startsWith("evaluate: the sample_weight argument is not supported when the input is a dataset"), d.getMessage());
    }

    @Test
    void datasetsGiveWhatArraysGive() {
        Map<String, Double> arrays = model.evaluate(x, y, new EvaluateOptions().batchSize(4).verbose(0));
        assertEquals(arrays, model.evaluate(Dataset.of(x, y, 4), new EvaluateOptions().verbose(0)));
        // the targets of a dataset are ignored by predict; its batches are its own
        Recorder r = new Recorder();
        List<Tensor> p = model.predict(Dataset.of(x, y, 3), new PredictOptions().verbose(0).callbacks(r));
        assertEquals(4, r.batchOutputs.size());
        assertArrayEquals(model.predict(x, SILENT).toFloatArray(), p.get(0).toFloatArray());
    }

    @Test
    void inputsAndTargetsByName() {
        Names.reset();
        KerasTensor in = Input.of(Shape.of(3), "features");
        Functional f = new Functional(in, new Dense(3, Activation.SOFTMAX, "probs").apply(in));
        f.compile("sgd", "categorical_crossentropy", List.of("accuracy"));
        EvaluateOptions quiet = new EvaluateOptions().batchSize(4).verbose(0);
        assertEquals(f.evaluate(List.of(x), List.of(y), quiet), f.evaluate(Map.of("features", x), Map.of("probs", y), quiet));
        assertArrayEquals(f.predict(x, SILENT).toFloatArray(), f.predict(Map.of("features", x), SILENT).get(0).toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> f.predict(Map.of("pixels", x), SILENT));
        assertTrue(e.getMessage().contains("'pixels'"), e.getMessage());
    }

    @Test
    void badArgumentsSayWhich() {
        assertEquals("evaluate: verbose must be 0, 1 or 2. Received: verbose=3",
                assertThrows(IllegalArgumentException.class, () -> new EvaluateOptions().verbose(3)).getMessage());
        assertEquals("predict: steps must be positive. Received: steps=0",
                assertThrows(IllegalArgumentException.class, () -> new PredictOptions().steps(0)).getMessage());
        assertEquals("predict: batch_size must be positive. Received: batch_size=-1",
                assertThrows(IllegalArgumentException.class, () -> model.predict(x, -1)).getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> model.predict(Tensor.zeros(0, 3), SILENT));
        assertTrue(empty.getMessage().startsWith("predict: the input gave no batch to predict on"), empty.getMessage());
    }
}
