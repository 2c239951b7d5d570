package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Binary, categorical, sparse categorical and top-k accuracies: Keras' examples, two batches, weights. */
class AccuracyMetricsTest {
    private static final Tensor ONE_HOT = Tensor.of(new float[][] {{0, 0, 1}, {0, 1, 0}});
    private static final Tensor SCORES = Tensor.of(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
    private static final Tensor WEIGHTS = Tensor.of(new float[] {0.7f, 0.3f});

    @Test
    void binaryAccuracyKerasExample() {
        BinaryAccuracy m = new BinaryAccuracy();
        Tensor t = Tensor.of(new float[][] {{1}, {1}, {0}, {0}});
        Tensor p = Tensor.of(new float[][] {{0.98f}, {1}, {0}, {0.6f}});
        m.updateState(t, p);
        assertEquals(0.75, m.result(), 1e-7);
        m.resetState();
        m.updateState(t, p, Tensor.of(new float[] {1, 0, 0, 1}));
        assertEquals(0.5, m.result(), 1e-7);
        assertEquals("binary_accuracy", m.name());
    }

    @Test
    void binaryAccuracyAccumulatesOverBatches() {
        BinaryAccuracy m = new BinaryAccuracy(0.7f);
        // batch 1: predictions > 0.7 -> 1, 1, 0, 0 against labels 1, 0, 0, 1: 2 right of 4
        m.updateState(Tensor.of(new float[] {1, 0, 0, 1}), Tensor.of(new float[] {0.9f, 0.8f, 0.7f, 0.3f}));
        assertEquals(0.5, m.result(), 1e-7);
        // batch 2 (weighted 2, 1): 0.75 -> 1 right (weight 2), 0.2 -> 0 wrong (weight 1): total (2 + 2) / (4 + 3)
        m.updateState(Tensor.of(new float[] {1, 1}), Tensor.of(new float[] {0.75f, 0.2f}), Tensor.of(new float[] {2, 1}));
        assertEquals(4.0 / 7, m.result(), 1e-7);
        // multi-label rows average their labels: (1/2 + 1) / 2 for this batch alone
        m.resetState();
        m.updateState(Tensor.of(new float[][] {{1, 0}, {0, 1}}), Tensor.of(new float[][] {{0.9f, 0.8f}, {0.1f, 0.95f}}));
        assertEquals(0.75, m.result(), 1e-7);
    }

    @Test
    void categoricalAccuracyKerasExampleAndBatches() {
        CategoricalAccuracy m = new CategoricalAccuracy();
        m.updateState(ONE_HOT, SCORES);
        assertEquals(0.5, m.result(), 1e-7);
        m.resetState();
        m.updateState(ONE_HOT, SCORES, WEIGHTS);
        assertEquals(0.3, m.result(), 1e-7);
        // a second batch: 3 rows, 2 right, weights 1: (0.3 + 2) / (1 + 3)
        m.updateState(Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}),
                Tensor.of(new float[][] {{5, 1, 2}, {0, 3, 4}, {2, 1, 0}}), Tensor.of(new float[] {1, 1, 1}));
        assertEquals(2.3 / 4, m.result(), 1e-7);
    }

    @Test
    void sparseCategoricalAccuracyKerasExampleAndLabelForms() {
        SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
        Tensor p = Tensor.of(new float[][] {{0.1f, 0.6f, 0.3f}, {0.05f, 0.95f, 0}});
        m.updateState(Tensor.of(new float[][] {{2}, {1}}), p);
        assertEquals(0.5, m.result(), 1e-7);
        m.resetState();
        m.updateState(Tensor.of(new float[][] {{2}, {1}}), p, WEIGHTS);
        assertEquals(0.3, m.result(), 1e-7);
        // batch 2 with int32 labels (batch,): both right -> (0.3 + 2) / 3
        m.updateState(Tensor.ofInts(1, 0), Tensor.of(new float[][] {{0, 1, 0}, {3, 2, 1}}));
        assertEquals(2.3 / 3, m.result(), 1e-7);
        // batch 3 with int64 labels (batch, 1): one wrong -> (2.3 + 0) / 4
        m.updateState(Tensor.ofLongs(2).reshape(1, 1), Tensor.of(new float[][] {{0, 1, 0}}));
        assertEquals(2.3 / 4, m.result(), 1e-7);
    }

    @Test
    void topKKerasExamplesAndTies() {
        TopKCategoricalAccuracy top1 = new TopKCategoricalAccuracy(1);
        top1.updateState(ONE_HOT, SCORES);
        assertEquals(0.5, top1.result(), 1e-7);
        top1.resetState();
        top1.updateState(ONE_HOT, SCORES, WEIGHTS);
        assertEquals(0.3, top1.result(), 1e-7);

        TopKCategoricalAccuracy top2 = new TopKCategoricalAccuracy(2);
        top2.updateState(ONE_HOT, SCORES);   // class 2 (0.8) is second of row 1; class 1 first of row 2
        assertEquals(1.0, top2.result(), 1e-7);
        // batch 2: label class 0 scores lowest of three -> out of the top 2; ties at the boundary count as in
        top2.updateState(Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}}), Tensor.of(new float[][] {{0.1f, 0.5f, 0.4f}, {0.2f, 0.5f, 0.2f}}));
        assertEquals(3.0 / 4, top2.result(), 1e-7);
        assertEquals(5, new TopKCategoricalAccuracy().k());

        SparseTopKCategoricalAccuracy sparse = new SparseTopKCategoricalAccuracy(1);
        sparse.updateState(Tensor.ofInts(2, 1), SCORES);
        assertEquals(0.5, sparse.result(), 1e-7);
        sparse.resetState();
        sparse.updateState(Tensor.ofInts(2, 1), SCORES, WEIGHTS);
        assertEquals(0.3, sparse.result(), 1e-7);
        sparse.updateState(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{0.6f, 0.4f, 0}}));
        assertEquals(1.3 / 2, sparse.result(), 1e-7);
    }

    @Test
    void mismatchedShapesNameTheMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalAccuracy().updateState(Tensor.zeros(2, 4), SCORES));
        assertEquals("Metric \"categorical_accuracy\": `y_true` and `y_pred` must have the same shape. Received: y_true.shape=(2, 4), "
                + "y_pred.shape=(2, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SparseCategoricalAccuracy().updateState(Tensor.ofInts(1, 2, 0), SCORES));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy().updateState(Tensor.zeros(3, 2), Tensor.zeros(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy().updateState(Tensor.zeros(4, 1), Tensor.zeros(4, 1), Tensor.zeros(3)));
    }
}
