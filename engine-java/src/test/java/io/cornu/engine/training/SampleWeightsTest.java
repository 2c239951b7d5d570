package io.cornu.engine.training;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleWeightsTest {
    private static final Tensor Y = Tensor.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
    private static final Tensor P = Tensor.of(new float[][] {{0.9f, 0.1f}, {0.3f, 0.7f}, {0.6f, 0.4f}, {0.2f, 0.8f}});

    /** Keras' sum_over_batch_size: sum(loss_i * w_i) / n. */
    @Test
    void weightedLossDividesByTheSampleCount() {
        Tensor w = Tensor.of(new float[] {1, 2, 0, 0.5f});
        double expected = (-Math.log(0.9) * 1 - Math.log(0.7) * 2 - Math.log(0.4) * 0 - Math.log(0.2) * 0.5) / 4;
        assertEquals(expected, new CategoricalCrossentropy().apply(Y, P, w).item(), 1e-6);
    }

    @Test
    void classWeightsWeighSamplesByTheirLabel() {
        Names.reset();
        Sequential m = new Sequential();
        m.add(new InputLayer(3));
        m.add(new Dense(2, "softmax"));
        m.compile("sgd", "categorical_crossentropy", List.of("accuracy"));
        Tensor x = random(1, 4, 3);
        Tensor p = m.predict(x);
        double[] perSample = new double[4];
        float[] pp = p.toFloatArray(), yy = Y.toFloatArray();
        for (int i = 0; i < 4; i++) perSample[i] = -Math.log(yy[i * 2] == 1 ? pp[i * 2] : pp[i * 2 + 1]);
        // class 0 weighs 3, class 1 weighs 1: samples 0 and 3 are class 0
        double expected = (3 * perSample[0] + perSample[1] + perSample[2] + 3 * perSample[3]) / 4;
        var h = m.fit(x, Y, new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0).classWeight(Map.of(0, 3.0, 1, 1.0)));
        assertEquals(expected, h.get("loss").get(0), 1e-5, "the first (only) step's loss is computed before its update");
    }

    @Test
    void onlyWeightedMetricsSeeTheWeights() {
        Names.reset();
        Sequential m = new Sequential();
        m.add(new InputLayer(2));
        m.add(new Dense(2, "softmax"));
        m.compile(new CompileOptions().optimizer("sgd").loss("categorical_crossentropy")
                .metrics(List.of("accuracy")).weightedMetrics(List.of("accuracy")));
        Tensor x = random(3, 4, 2);
        float[] p = m.predict(x).toFloatArray(), yy = Y.toFloatArray();
        double hits = 0, weightedHits = 0;
        float[] w = {4, 1, 1, 1};
        for (int i = 0; i < 4; i++) {
            boolean hit = (p[2 * i + 1] > p[2 * i]) == (yy[2 * i + 1] == 1);
            hits += hit ? 1 : 0;
            weightedHits += hit ? w[i] : 0;
        }
        var logs = m.evaluate(io.cornu.engine.data.Dataset.of(List.of(x), List.of(Y), Tensor.of(w), 4, false));
        assertEquals(hits / 4, logs.get("accuracy"), 1e-9);
        assertEquals(weightedHits / 7, logs.get("weighted_accuracy"), 1e-9);
    }
}
