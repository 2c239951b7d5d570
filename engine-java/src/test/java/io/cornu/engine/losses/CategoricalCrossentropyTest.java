package io.cornu.engine.losses;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CategoricalCrossentropyTest {
    private static final Tensor Y = Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}});
    private static final Tensor P = Tensor.of(new float[][] {{0.05f, 0.95f, 0f}, {0.1f, 0.8f, 0.1f}});

    /** Keras' docstring example: {@code CategoricalCrossentropy()(y_true, y_pred)} is 1.177. */
    @Test
    void matchesKerasDocumentedValue() {
        assertEquals(1.177, new CategoricalCrossentropy().apply(Y, P).item(), 1e-3);
        float[] perSample = new CategoricalCrossentropy().call(Y, P).toFloatArray();
        assertEquals(-Math.log(0.95), perSample[0], 1e-6);
        assertEquals(-Math.log(0.1), perSample[1], 1e-6);
        assertEquals(0.814, new CategoricalCrossentropy().apply(Y, P, Tensor.of(new float[] {0.3f, 0.7f})).item(), 1e-3);
    }

    @Test
    void labelSmoothingMatchesFormulaInDouble() {
        float s = 0.2f;
        float[] actual = new CategoricalCrossentropy(false, s).call(Y, P).toFloatArray();
        float[][] y = Y.toFloatMatrix(), p = P.toFloatMatrix();
        for (int i = 0; i < 2; i++) {
            double sum = 0, total = p[i][0] + p[i][1] + p[i][2];
            for (int j = 0; j < 3; j++) {
                double t = y[i][j] * (1 - s) + s / 3;
                sum -= t * Math.log(Math.min(Math.max(p[i][j] / total, 1e-7), 1 - 1e-7));
            }
            assertEquals(sum, actual[i], 1e-5);
        }
    }

    @Test
    void integerOneHotLabels() {
        assertEquals(new CategoricalCrossentropy().apply(Y, P).item(),
                new CategoricalCrossentropy().apply(Tensor.ofInts(new int[][] {{0, 1, 0}, {0, 0, 1}}), P).item(), 0f);
    }

    @Test
    void fromLogitsEqualsSoftmaxThenLoss() {
        Tensor logits = random(3, 4, 5);
        Tensor labels = io.cornu.engine.utils.Categorical.toCategorical(Tensor.of(new float[] {0, 3, 4, 1}), 5);
        float a = new CategoricalCrossentropy(true, 0).apply(labels, logits).item();
        float b = new CategoricalCrossentropy().apply(labels, io.cornu.engine.ops.Ops.softmax(logits)).item();
        assertEquals(b, a, 1e-5);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor labels = io.cornu.engine.utils.Categorical.toCategorical(Tensor.of(new float[] {2, 0}), 3);
        check(x -> new CategoricalCrossentropy(true, 0.1f).apply(labels, x.get(0)), random(5, 2, 3));
        check(x -> new CategoricalCrossentropy().apply(labels, io.cornu.engine.ops.Ops.softmax(x.get(0))), random(6, 2, 3));
    }

    @Test
    void shapeMismatchIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalCrossentropy().apply(Tensor.zeros(2, 4), P));
        assertEquals("Loss \"categorical_crossentropy\": `y_true` and `y_pred` must have the same shape. "
                + "Received: y_true.shape=(2, 4), y_pred.shape=(2, 3)", e.getMessage());
    }
}
