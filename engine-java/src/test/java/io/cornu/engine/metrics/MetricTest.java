package io.cornu.engine.metrics;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.KLDivergence;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.CompileOptions;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Metric base: Mean, MeanMetricWrapper, custom metrics by subclassing, the registry. */
class MetricTest {
    /** Keras' documented custom metric: a weighted count of true positives. */
    static final class BinaryTruePositives extends Metric {
        private double count;

        BinaryTruePositives() {
            super("binary_true_positives");
        }

        @Override
        public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
            float[] w = sampleWeight == null ? null : sampleWeight.toFloatArray();
            for (int i = 0; i < t.length; i++) if (t[i] == 1 && p[i] > 0.5f) count += weight(sampleWeight, w, i);
        }

        @Override
        public double result() {
            return count;
        }

        @Override
        public void resetState() {
            count = 0;
        }
    }

    @Test
    void meanKerasExample() {
        Mean m = new Mean();
        m.updateState(null, Tensor.of(new float[] {1, 3, 5, 7}));
        assertEquals(4, m.result(), 1e-9);
        m.resetState();
        m.updateState(null, Tensor.of(new float[] {1, 3, 5, 7}), Tensor.of(new float[] {1, 1, 0, 0}));
        assertEquals(2, m.result(), 1e-9);
        m.update(10, 2);   // (1 + 3 + 20) / (2 + 2)
        assertEquals(6, m.result(), 1e-9);
        assertEquals(0, new Mean().result(), 0);
    }

    @Test
    void wrapperAveragesAFunctionOverSamplesAndBatches() {
        MeanMetricWrapper sq = new MeanMetricWrapper("sq", (t, p) -> Ops.mean(Ops.square(Ops.sub(t, p)), -1));
        sq.updateState(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{1, 3}}));       // 5
        sq.updateState(Tensor.of(new float[][] {{0, 0}, {1, 1}}), Tensor.of(new float[][] {{1, 1}, {1, 1}}), Tensor.of(new float[] {2, 1}));   // 1 (w 2), 0 (w 1)
        assertEquals((5 + 2) / 4.0, sq.result(), 1e-7);
        MeanMetricWrapper kld = MeanMetricWrapper.of(new KLDivergence());
        assertEquals("kl_divergence", kld.name());
    }

    @Test
    void customMetricBySubclassing() {
        BinaryTruePositives m = new BinaryTruePositives();
        m.updateState(Tensor.of(new float[] {0, 1, 1, 1}), Tensor.of(new float[] {1, 0, 1, 1}));
        assertEquals(2, m.result(), 0);
        m.updateState(Tensor.of(new float[] {1, 1}), Tensor.of(new float[] {0.9f, 0.9f}), Tensor.of(new float[] {0.5f, 2}));
        assertEquals(4.5, m.result(), 1e-7);
        m.resetState();
        assertEquals(0, m.result(), 0);
    }

    @Test
    void customMetricInCompile() {
        RandomSeed.set(11);
        Sequential model = new Sequential();
        model.add(new InputLayer(2));
        model.add(new Dense(1));
        BinaryTruePositives tp = new BinaryTruePositives();
        model.compile(new CompileOptions().optimizer("sgd").loss("mse").metrics(List.of(tp, "mae")));
        Tensor x = Tensor.randomNormal(4, 0f, 1f, 10, 2);
        Tensor y = Tensor.of(new float[] {1, 0, 1, 1, 0, 1, 0, 1, 1, 0}).reshape(10, 1);
        Map<String, Double> logs = model.evaluate(x, y);
        float[] p = model.predict(x).toFloatArray(), t = y.toFloatArray();
        double expectedTp = 0, expectedMae = 0;
        for (int i = 0; i < 10; i++) {
            if (t[i] == 1 && p[i] > 0.5f) expectedTp++;
            expectedMae += Math.abs(t[i] - p[i]) / 10;
        }
        assertEquals(expectedTp, logs.get("binary_true_positives"), 0);
        assertEquals(expectedMae, logs.get("mae"), 1e-6);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("acuracy"));
        assertTrue(e.getMessage().startsWith("Unknown metric function: 'acuracy'. Known: "), e.getMessage());
        for (String n : List.of("accuracy", "auc", "precision", "recall", "mae", "mse", "root_mean_squared_error", "top_k_categorical_accuracy")) {
            assertTrue(e.getMessage().contains(n), n);
        }
    }

    @Test
    void registryCoversKerasNames() {
        for (String n : List.of("binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "top_k_categorical_accuracy",
                "sparse_top_k_categorical_accuracy", "mean_squared_error", "mean_absolute_error", "root_mean_squared_error", "precision",
                "recall", "auc", "AUC", "Precision", "mape", "msle", "kld", "poisson", "hinge", "squared_hinge", "binary_crossentropy",
                "categorical_crossentropy", "sparse_categorical_crossentropy", "cosine_similarity")) {
            assertEquals(n, Metrics.get(n).name(), n);
        }
    }
}
