package io.cornu.engine.callbacks;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.saving.ModelFile;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("unchecked")
class CallbacksTest {
    private Sequential model;
    private Tensor x;
    private Tensor y;

    @BeforeEach
    void setUp() {
        Names.reset();
        RandomSeed.set(21);
        model = new Sequential();
        model.add(new InputLayer(4));
        model.add(new Dense(8, "relu"));
        model.add(new Dense(2, "softmax"));
        model.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        x = random(1, 64, 4);
        float[] xs = x.toFloatArray(), ys = new float[128];
        for (int i = 0; i < 64; i++) ys[i * 2 + (xs[i * 4] + xs[i * 4 + 1] > 0 ? 1 : 0)] = 1;
        y = Tensor.wrap(ys, 64, 2);
    }

    /** Feeds EarlyStopping a scripted sequence of val_loss values. */
    private static List<Integer> stopsAfter(EarlyStopping es, Model m, double... values) {
        es.setModel(m);
        m.setStopTraining(false);
        es.onTrainBegin(Map.of());
        List<Integer> epochs = new ArrayList<>();
        for (int e = 0; e < values.length && !m.stopTraining(); e++) {
            es.onEpochEnd(e, new java.util.HashMap<>(Map.of("val_loss", values[e])));
            epochs.add(e);
        }
        return epochs;
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsWithoutImprovement() {
        EarlyStopping es = new EarlyStopping("val_loss", 2);
        assertEquals(List.of(0, 1, 2, 3), stopsAfter(es, model, 1.0, 0.8, 0.85, 0.9, 0.5, 0.4));
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        // min_delta: an improvement of 0.05 is not one when min_delta is 0.1
        EarlyStopping strict = new EarlyStopping("val_loss", 0.1, 1, "auto", null, false, 0);
        assertEquals(List.of(0, 1), stopsAfter(strict, model, 1.0, 0.95, 0.5));
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        List<List<Tensor>> snapshots = new ArrayList<>();
        Iterator<Double> losses = List.of(0.9, 0.5, 0.7, 0.8, 0.9).iterator();
        Callback scripted = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                logs.put("val_loss", losses.next());
                snapshots.add(model().getWeights());
            }
        };
        EarlyStopping es = new EarlyStopping("val_loss", 2, true);
        var h = model.fit(x, y, new FitOptions().epochs(5).batchSize(16).verbose(0).callbacks(scripted, es));
        assertEquals(4, h.epoch().size(), "stopped after epoch index 3");
        List<Tensor> best = snapshots.get(1), now = model.getWeights();
        for (int i = 0; i < best.size(); i++) assertArrayEquals(best.get(i).toFloatArray(), now.get(i).toFloatArray());
    }

    @Test
    void checkpointSavesOnlyImprovementsWithFormattedNames(@TempDir Path dir) throws Exception {
        Iterator<Double> losses = List.of(0.9, 0.5, 0.7, 0.4).iterator();
        Callback scripted = new LambdaCallback().onEpochEnd((e, logs) -> logs.put("val_loss", losses.next()));
        ModelCheckpoint ckpt = new ModelCheckpoint(dir.resolve("m-{epoch:02d}-{val_loss:.2f}.cornu").toString(), "val_loss", true);
        model.fit(x, y, new FitOptions().epochs(4).batchSize(32).verbose(0).callbacks(scripted, ckpt));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m-01-0.90.cornu", "m-02-0.50.cornu", "m-04-0.40.cornu"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Model last = ModelFile.load(dir.resolve("m-04-0.40.cornu"));
        assertArrayEquals(model.predict(x).toFloatArray(), last.predict(x).toFloatArray());
    }

    @Test
    void reduceLrOnPlateauAndScheduler() {
        Iterator<Double> losses = List.of(1.0, 1.0, 1.0, 1.0, 1.0).iterator();
        Callback scripted = new LambdaCallback().onEpochEnd((e, logs) -> logs.put("val_loss", losses.next()));
        var h = model.fit(x, y, new FitOptions().epochs(5).batchSize(32).verbose(0)
                .callbacks(scripted, new ReduceLROnPlateau("val_loss", 0.5, 2)));
        // best at epoch 0, waits 1 and 2 at epochs 1-2 -> halved after epoch 2; again after epoch 4
        assertEquals(List.of(1e-3, 1e-3, 1e-3, 5e-4, 5e-4), h.get("learning_rate").stream().map(v -> Math.round(v * 1e7) / 1e7).toList());
        assertEquals(2.5e-4, model.optimizer().learningRate(), 1e-9);

        setUp();
        var h2 = model.fit(x, y, new FitOptions().epochs(3).batchSize(32).verbose(0)
                .callbacks(new LearningRateScheduler((epoch, lr) -> 0.01 / (epoch + 1))));
        assertEquals(0.01 / 3, h2.get("learning_rate").get(2), 1e-9);
    }

    @Test
    void csvLoggerWritesSortedColumns(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("log.csv");
        model.fit(x, y, new FitOptions().epochs(2).batchSize(32).verbose(0).validationSplit(0.25).callbacks(new CSVLogger(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,accuracy,loss,val_accuracy,val_loss", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).startsWith("1,"), lines.get(2));
    }

    @Test
    void terminateOnNaNStopsAtTheFirstBadBatch() {
        Callback poison = new LambdaCallback().onBatchEnd((b, logs) -> {
            if (b == 1) logs.put("loss", Double.NaN);
        });
        TerminateOnNaN t = new TerminateOnNaN();
        List<Integer> batches = new ArrayList<>();
        var h = model.fit(x, y, new FitOptions().epochs(3).batchSize(16).verbose(0)
                .callbacks(poison, t, new LambdaCallback().onBatchEnd((b, l) -> batches.add(b))));
        assertEquals(1, t.terminatedAtBatch());
        assertEquals(List.of(0, 1), batches);
        assertEquals(1, h.epoch().size(), "as in Keras, the interrupted epoch still ends (on_epoch_end, History)");
    }

    @Test
    void lambdaCallbackTakesTheEvaluationAndPredictionHooks() {
        List<String> seen = new ArrayList<>();
        List<Integer> outputRows = new ArrayList<>();
        LambdaCallback cb = new LambdaCallback()
                .onTestBegin(logs -> seen.add("test begin"))
                .onTestBatchEnd((b, logs) -> seen.add("test batch " + b))
                .onTestEnd(logs -> seen.add("test end loss=" + (logs.get("loss") != null)))
                .onPredictBegin(logs -> seen.add("predict begin"))
                .onPredictBatchEnd((b, logs) -> outputRows.add(((List<Tensor>) logs.get("outputs")).get(0).dim(0)))
                .onPredictEnd(logs -> seen.add("predict end"));
        model.evaluate(x, y, new io.cornu.engine.training.EvaluateOptions().batchSize(32).verbose(0).callbacks(cb));
        model.predict(x, new io.cornu.engine.training.PredictOptions().batchSize(40).verbose(0).callbacks(cb));
        assertEquals(List.of("test begin", "test batch 0", "test batch 1", "test end loss=true", "predict begin", "predict end"), seen);
        assertEquals(List.of(40, 24), outputRows);
    }
}
