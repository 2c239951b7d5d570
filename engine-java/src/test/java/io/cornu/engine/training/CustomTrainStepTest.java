package io.cornu.engine.training;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.models.Functional;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's CustomModel: a train_step written with the tape, compiled loss and metrics, driven by plain fit. */
class CustomTrainStepTest {

    static final class CustomModel extends Functional {
        int steps;

        CustomModel(KerasTensor in, KerasTensor out) {
            super(List.of(in), List.of(out), "custom_model");
        }

        @Override
        public Map<String, Double> trainStep(Batch data) {
            steps++;
            List<Tensor> yPred;
            List<Tensor> grads;
            List<Variable> vars = trainableWeights();
            try (GradientTape tape = new GradientTape()) {
                yPred = applyEager(data.x(), true);
                Tensor loss = compiledLoss().compute(data.y(), yPred, null, regularizationLosses());
                grads = tape.gradient(loss, vars);
            }
            optimizer().applyGradients(grads, vars);
            compiledMetrics().update(data.y(), yPred, null);
            Map<String, Double> logs = new LinkedHashMap<>();
            for (Metric m : metrics()) logs.put(m.name(), m.result());
            return logs;
        }
    }

    @Test
    void fitDrivesTheCustomStep() {
        Names.reset();
        RandomSeed.set(42);
        KerasTensor in = Input.of(32);
        CustomModel model = new CustomModel(in, new Dense(1).apply(in));
        model.compile(new CompileOptions().optimizer("adam").loss("mse").metrics(List.of("mae")));
        Tensor x = Tensor.randomUniform(1, 0, 1, 1000, 32);
        Tensor y = Tensor.randomUniform(2, 0, 1, 1000, 1);
        var history = model.fit(x, y, new FitOptions().epochs(3).verbose(0));
        assertEquals(3 * 32, model.steps, "1000 samples in batches of 32, three epochs");
        assertEquals(List.of("loss", "mae"), List.copyOf(history.history().keySet()));
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(2) < loss.get(0), "loss falls: " + loss);
        assertEquals(96, model.optimizer().iterations());
        // the logged loss is the compiled MSE: check the last epoch's value against evaluate's order of magnitude
        double evalLoss = model.evaluate(x, y, 1000).get("loss");
        assertTrue(Math.abs(evalLoss - loss.get(2)) < 0.5 * loss.get(2), evalLoss + " vs " + loss.get(2));
    }
}
