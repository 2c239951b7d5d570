package io.cornu.engine.callbacks;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Model;
import io.cornu.engine.saving.ModelConfig;
import io.cornu.engine.saving.ModelFile;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed pattern: at train begin a callback builds an evaluation model from the training model's
 * JSON config; every N epochs it copies the weights in, evaluates, and saves the best model.
 */
class SeedCallbackPatternTest {

    static final class EvaluateEveryN extends Callback {
        private final int every;
        private final Tensor xVal, yVal;
        private final Path best;
        private Model evalModel;
        private double bestLoss = Double.POSITIVE_INFINITY;
        final List<Integer> evaluatedAt = new ArrayList<>();

        EvaluateEveryN(int every, Tensor xVal, Tensor yVal, Path best) {
            this.every = every;
            this.xVal = xVal;
            this.yVal = yVal;
            this.best = best;
        }

        @Override
        public void onTrainBegin(Map<String, Double> logs) {
            evalModel = (Model) ModelConfig.fromJson(ModelConfig.toJson(model()));
            evalModel.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            if ((epoch + 1) % every != 0) return;
            evalModel.setWeights(model().getWeights());
            double loss = evalModel.evaluate(xVal, yVal, 16).get("loss");
            evaluatedAt.add(epoch);
            logs.put("eval_loss", loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                try {
                    ModelFile.save(evalModel, best);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Test
    void evaluationModelFromConfigTracksTheTrainingModel(@TempDir Path dir) throws IOException {
        Names.reset();
        RandomSeed.set(8);
        KerasTensor in = Input.of(4);
        KerasTensor h = new Dense(16, "relu").apply(in);
        Functional model = new Functional(in, new Dense(2, "softmax").apply(h), "trainer");
        model.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        Tensor x = random(1, 96, 4);
        float[] xs = x.toFloatArray(), ys = new float[96 * 2];
        for (int i = 0; i < 96; i++) ys[i * 2 + (xs[i * 4] * xs[i * 4 + 1] > 0 ? 1 : 0)] = 1;
        Tensor y = Tensor.wrap(ys, 96, 2);

        Path best = dir.resolve("best.cornu");
        EvaluateEveryN cb = new EvaluateEveryN(3, x.sliceRows(64, 96), y.sliceRows(64, 96), best);
        var history = model.fit(x.sliceRows(0, 64), y.sliceRows(0, 64), new FitOptions().epochs(9).batchSize(16).verbose(0).callbacks(cb));

        assertEquals(List.of(2, 5, 8), cb.evaluatedAt);
        assertNotSame(model, cb.evalModel);
        assertTrue(Files.exists(best));
        List<Double> evalLosses = new ArrayList<>(history.get("eval_loss"));
        assertEquals(3, evalLosses.size(), "only the evaluated epochs log eval_loss: " + history.history());
        // the saved best model reproduces the evaluation that made it best
        Model reloaded = ModelFile.load(best);
        reloaded.compile("rmsprop", "categorical_crossentropy", List.of());
        double min = evalLosses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(min, reloaded.evaluate(x.sliceRows(64, 96), y.sliceRows(64, 96), 16).get("loss"), 1e-6);
        // after the last evaluation the two models hold the same weights
        assertArrayEquals(model.predict(x).toFloatArray(), cb.evalModel.predict(x).toFloatArray(), 1e-6f);
    }
}
