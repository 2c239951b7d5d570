package io.cornu.engine.metrics;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Built-in metrics describe themselves with Keras' config keys and are rebuilt from them (for compile configs in model files). */
class MetricConfigTest {
    private static final Gson GSON = new Gson();

    @Test
    void everyBuiltInMetricRoundTripsItsConfigThroughJson() {
        List<Metric> metrics = List.of(
                new BinaryAccuracy("ba", 0.3f), new CategoricalAccuracy("ca"), new SparseCategoricalAccuracy("sca"),
                new TopKCategoricalAccuracy(2, "top2"), new SparseTopKCategoricalAccuracy(3, "stop3"),
                new MeanSquaredError("m1"), new MeanAbsoluteError("m2"), new RootMeanSquaredError("rmse"),
                new Precision(0.7f, 1, "p"), new Recall(0.2f, null, "r"),
                new AUC(50, AUC.Curve.PR, AUC.Summation.MAJORING, true, "pr_auc"), new Mean("avg"));
        Tensor t = Tensor.of(new float[][] {{0, 1, 0}, {1, 0, 0}});
        Tensor p = Tensor.of(new float[][] {{0.2f, 0.7f, 0.1f}, {0.5f, 0.3f, 0.2f}});
        for (Metric m : metrics) {
            String cls = Metrics.className(m);
            assertEquals(m.getClass().getSimpleName(), cls);
            Map<String, Object> json = GSON.fromJson(GSON.toJson(m.getConfig()), new TypeToken<Map<String, Object>>() { }.getType());
            Metric back = Metrics.fromConfig(cls, json);
            assertEquals(m.getClass(), back.getClass());
            assertEquals(m.getConfig(), back.getConfig(), cls);
            if (m.getClass() == Mean.class) continue;   // a plain Mean averages given values, not (yTrue, yPred)
            Tensor y = m instanceof SparseCategoricalAccuracy || m instanceof SparseTopKCategoricalAccuracy ? Tensor.of(new float[] {1, 0}) : t;
            m.updateState(y, p);
            back.updateState(y, p);
            assertEquals(m.result(), back.result(), cls);
        }
        assertEquals(Map.of("name", "p", "thresholds", 0.7f, "class_id", 1), new Precision(0.7f, 1, "p").getConfig());
    }

    @Test
    void customMetricsAndUnknownClasses() {
        assertNull(Metrics.className(new MeanMetricWrapper("f", (t, p) -> t)), "a function metric is custom");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.fromConfig("ProcessBuilder", Map.of()));
        assertTrue(e.getMessage().startsWith("Unknown metric class: ProcessBuilder. Known: AUC, BinaryAccuracy, "), e.getMessage());
    }
}
