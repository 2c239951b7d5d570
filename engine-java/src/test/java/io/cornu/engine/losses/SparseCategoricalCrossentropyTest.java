package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Categorical;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SparseCategoricalCrossentropyTest {
    private static final Tensor P = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

    /** Keras' docstring: labels [1, 2] give 1.177, 0.814 with weights [0.3, 0.7], per sample [0.0513, 2.303]. */
    @Test
    void kerasDocumentedValues() {
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        assertEquals(1.177, loss.apply(Tensor.ofInts(1, 2), P).item(), 1e-3);
        assertEquals(0.814, loss.apply(Tensor.ofInts(1, 2), P, Tensor.of(new float[] {0.3f, 0.7f})).item(), 1e-3);
        assertArrayEquals(new float[] {0.0513f, 2.303f}, loss.call(Tensor.ofInts(1, 2), P).toFloatArray(), 1e-3f);
    }

    @Test
    void labelsAsInt32Int64FloatAndBatchByOneAgree() {
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        float[] expected = {(float) -Math.log(0.95), (float) -Math.log(0.1)};
        assertArrayEquals(expected, loss.call(Tensor.ofInts(1, 2), P).toFloatArray(), 1e-6f);
        assertArrayEquals(expected, loss.call(Tensor.ofLongs(1, 2), P).toFloatArray(), 1e-6f);
        assertArrayEquals(expected, loss.call(Tensor.of(new float[] {1, 2}), P).toFloatArray(), 1e-6f);
        assertArrayEquals(expected, loss.call(Tensor.ofInts(new int[][] {{1}, {2}}), P).toFloatArray(), 1e-6f);
        assertArrayEquals(expected, loss.call(Tensor.of(new float[][] {{1}, {2}}), P).toFloatArray(), 1e-6f);
    }

    @Test
    void equalsCategoricalCrossentropyOnOneHotLabels() {
        Tensor logits = random(11, 5, 4);
        Tensor labels = Tensor.ofInts(3, 0, 1, 1, 2);
        Tensor oneHot = Categorical.toCategorical(Tensor.of(new float[] {3, 0, 1, 1, 2}), 4);
        assertArrayEquals(new CategoricalCrossentropy(true).call(oneHot, logits).toFloatArray(),
                new SparseCategoricalCrossentropy(true).call(labels, logits).toFloatArray(), 1e-5f);
        Tensor probs = Ops.softmax(logits);
        assertArrayEquals(new CategoricalCrossentropy().call(oneHot, probs).toFloatArray(),
                new SparseCategoricalCrossentropy().call(labels, probs).toFloatArray(), 1e-5f);
    }

    @Test
    void fromLogitsMatchesLogSoftmaxInDouble() {
        float[][] x = {{2f, -1f, 0.5f}, {-3f, 40f, 39f}};
        int[] y = {0, 2};
        float[] actual = new SparseCategoricalCrossentropy(true).call(Tensor.ofInts(y), Tensor.of(x)).toFloatArray();
        for (int i = 0; i < 2; i++) {
            double max = Math.max(x[i][0], Math.max(x[i][1], x[i][2]));
            double lse = max + Math.log(Math.exp(x[i][0] - max) + Math.exp(x[i][1] - max) + Math.exp(x[i][2] - max));
            assertEquals(lse - x[i][y[i]], actual[i], 1e-5);
        }
    }

    @Test
    void sequenceLabels() {
        Tensor logits = random(12, 2, 3, 4);   // (batch, time, classes)
        Tensor labels = Tensor.ofInts(new int[][] {{0, 3, 1}, {2, 2, 0}});
        float[] values = new SparseCategoricalCrossentropy(true).call(labels, logits).toFloatArray();
        assertEquals(6, values.length);
        float[] logSoftmax = Ops.logSoftmax(logits).toFloatArray();
        int[] flat = {0, 3, 1, 2, 2, 0};
        for (int i = 0; i < 6; i++) assertEquals(-logSoftmax[i * 4 + flat[i]], values[i], 1e-5);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor labels = Tensor.ofInts(2, 0, 1);
        check(x -> new SparseCategoricalCrossentropy(true).apply(labels, x.get(0)), random(13, 3, 4));
        check(x -> new SparseCategoricalCrossentropy().apply(labels, Ops.softmax(x.get(0))), random(14, 3, 4));
        check(x -> new SparseCategoricalCrossentropy().apply(labels, x.get(0)),
                Tensor.of(new float[][] {{0.2f, 0.3f, 0.4f, 0.5f}, {0.6f, 0.1f, 0.2f, 0.3f}, {0.25f, 0.35f, 0.2f, 0.3f}}));
    }

    @Test
    void badLabelsAndShapesAreReported() {
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.apply(Tensor.ofInts(1, 2, 0), P));
        assertEquals("Loss \"sparse_categorical_crossentropy\": `y_true` must have the shape of `y_pred` up until the last dimension. "
                + "Received: y_true.shape=(3,), y_pred.shape=(2, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.apply(Tensor.ofInts(1, 3), P));
        assertEquals("Loss \"sparse_categorical_crossentropy\": labels must be in [0, 3) for 3 classes. Received: label 3 at position 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loss.apply(Tensor.of(new float[] {0.5f, 1}), P));
    }
}
