package io.cornu.engine.callbacks;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.EvaluateOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.training.PredictOptions;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgbarLoggerTest {

    private static Map<String, Double> logs(double loss, double acc) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("accuracy", acc);
        return m;
    }

    @Test
    void finishedLineIsKeras() {
        assertEquals("469/469 [==============================] - 3s 6ms/step - loss: 0.5012 - accuracy: 0.8231",
                ProgbarLogger.line(469, 469, 2.8, logs(0.50123, 0.82311), true));
    }

    @Test
    void runningLineShowsArrowAndEta() {
        assertEquals(" 47/469 [==>...........................] - ETA: 27s - loss: 0.9000 - accuracy: 0.5000",
                ProgbarLogger.line(47, 469, 3.0, logs(0.9, 0.5), false));
    }

    @Test
    void smallValuesUseScientificNotation() {
        assertEquals("1/1 [==============================] - 0s 850us/step - loss: 1.0000e-04",
                ProgbarLogger.line(1, 1, 0.00085, Map.of("loss", 1e-4), true));
    }

    @Test
    void nonInteractiveOutputPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.setParams(Map.of("epochs", 2, "steps", 3, "verbose", 1));
        bar.onTrainBegin(Map.of());
        for (int e = 0; e < 2; e++) {
            bar.onEpochBegin(e, Map.of());
            for (int b = 0; b < 3; b++) bar.onTrainBatchEnd(b, logs(1, 0.5));
            bar.onEpochEnd(e, logs(1, 0.5));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        assertEquals("Epoch 1/2", lines[0]);
        assertEquals(true, lines[1].startsWith("3/3 [==============================] - 0s"));
        assertEquals("Epoch 2/2", lines[2]);
    }

    // ---- evaluate, predict, and fit's validation through the real loops, on a fake clock ----------------

    /** A fake clock, moved on by 100 ms at every batch end (train, test or predict) by the callback before the bar. */
    private static final class Ticker extends Callback {
        final long[] now = {0};

        @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { now[0] += 100_000_000L; }
        @Override public void onTestBatchEnd(int batch, Map<String, Double> logs) { now[0] += 100_000_000L; }
        @Override public void onPredictBatchEnd(int batch, Map<String, Object> logs) { now[0] += 100_000_000L; }
    }

    private static Sequential classifier() {
        Names.reset();
        RandomSeed.set(4);
        Sequential m = new Sequential();
        m.add(new InputLayer(3));
        m.add(new Dense(2, "softmax"));
        m.compile("sgd", "categorical_crossentropy", List.of("accuracy"));
        return m;
    }

    private static Tensor labels(int n) {
        float[] c = new float[n];
        for (int i = 0; i < n; i++) c[i] = i % 2;
        return Categorical.toCategorical(Tensor.of(c), 2);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Test
    void evaluatePrintsKerasLineWithTheResults() {
        Sequential m = classifier();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ticker clock = new Ticker();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> clock.now[0]);
        // 10 samples, batches of 1: 10 steps of 100 ms
        Map<String, Double> r = m.evaluate(random(1, 10, 3), labels(10), new EvaluateOptions().batchSize(1).verbose(0).callbacks(clock, bar));
        assertEquals("10/10 [==============================] - 1s 100ms/step - loss: " + fmt(r.get("loss")) + " - accuracy: " + fmt(r.get("accuracy")) + "\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluateRedrawsInPlaceOnATerminal() {
        Sequential m = classifier();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ticker clock = new Ticker();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> clock.now[0]);
        Map<String, Double> r = m.evaluate(random(1, 12, 3), labels(12), new EvaluateOptions().batchSize(4).verbose(0).callbacks(clock, bar));
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] frames = out.split("\r", -1);
        assertEquals(1 + 3 + 1, frames.length, out);   // before the first \r, one redraw per batch, the final line
        assertTrue(frames[1].startsWith("1/3 [=========>....................] - ETA: 0s - loss: "), frames[1]);
        assertEquals("3/3 [==============================] - 0s 100ms/step - loss: " + fmt(r.get("loss")) + " - accuracy: " + fmt(r.get("accuracy")) + "\n",
                frames[4]);
    }

    @Test
    void predictPrintsTheBarWithoutMetrics() {
        Sequential m = classifier();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ticker clock = new Ticker();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> clock.now[0]);
        m.predict(random(1, 7, 3), new PredictOptions().batchSize(2).verbose(0).callbacks(clock, bar));
        assertEquals("4/4 [==============================] - 0s 100ms/step\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fitPrintsNothingOfItsValidationBatches() {
        Sequential m = classifier();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ticker clock = new Ticker();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> clock.now[0]);
        // 16 samples: 12 for training (3 batches of 4), 4 held out (1 validation batch)
        var h = m.fit(random(1, 16, 3), labels(16), new FitOptions().epochs(2).batchSize(4).shuffle(false).validationSplit(0.25)
                .verbose(0).callbacks(clock, bar));
        String out = bytes.toString(StandardCharsets.UTF_8);
        // per epoch: the header, one redraw per training batch, the epoch's line; nothing for validation
        assertEquals(2 * (3 + 1), out.chars().filter(c -> c == '\r').count(), out);
        String[] lines = out.split("\n");
        assertEquals(4, lines.length, out);
        assertEquals("Epoch 2/2", lines[2]);
        String last = lines[3].substring(lines[3].lastIndexOf('\r') + 1);
        // the epoch's time includes its validation pass, as Keras': 4 x 100 ms over 3 steps
        assertEquals("3/3 [==============================] - 0s 133ms/step - loss: " + fmt(h.get("loss").get(1)) + " - accuracy: " + fmt(h.get("accuracy").get(1))
                + " - val_loss: " + fmt(h.get("val_loss").get(1)) + " - val_accuracy: " + fmt(h.get("val_accuracy").get(1)), last);
    }

    @Test
    void theDefaultDisplayFollowsVerbose() {
        Sequential m = classifier();
        List<Integer> asked = new java.util.ArrayList<>();
        ProgressDisplay.setFactory(v -> {
            asked.add(v);
            return new Callback() { };
        });
        try {
            Tensor x = random(1, 8, 3), y = labels(8);
            m.evaluate(x, y);
            m.evaluate(x, y, new EvaluateOptions().verbose(2));
            m.evaluate(x, y, new EvaluateOptions().verbose(0));
            m.predict(x);
            m.predict(x, new PredictOptions().verbose(0));
            assertEquals(List.of(1, 2, 1), asked);
        } finally {
            ProgressDisplay.reset();
        }
    }
}
