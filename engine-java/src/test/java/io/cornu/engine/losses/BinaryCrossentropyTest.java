package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Binary cross-entropy (probabilities, logits, label smoothing) and binary focal cross-entropy. */
class BinaryCrossentropyTest {
    private static final Tensor Y = Tensor.of(new float[][] {{0, 1}, {0, 0}});
    private static final Tensor LOGITS = Tensor.of(new float[][] {{-18.6f, 0.51f}, {2.94f, -12.8f}});
    private static final Tensor PROBS = Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});

    /** Clipped as Keras does in float32: the upper bound is the float nearest 1 - 1e-7. */
    static double bce(double y, double p) {
        p = Math.min(Math.max(p, 1e-7), (double) (1f - 1e-7f));
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void kerasDocumentedValues() {
        BinaryCrossentropy fromLogits = new BinaryCrossentropy(true);
        assertEquals(0.8654, fromLogits.apply(Y, LOGITS).item(), 1e-4);
        assertEquals(0.8654, fromLogits.apply(Tensor.of(new float[] {0, 1, 0, 0}), Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f})).item(), 1e-4);
        assertEquals(0.243, fromLogits.apply(Y, LOGITS, Tensor.of(new float[] {0.8f, 0.2f})).item(), 1e-3);
        assertArrayEquals(new float[] {0.235f, 1.496f}, fromLogits.call(Y, LOGITS).toFloatArray(), 1e-3f);
        assertArrayEquals(new float[] {0.916f, 0.714f}, new BinaryCrossentropy().call(Y, PROBS).toFloatArray(), 1e-3f);
        assertEquals(0.81492424, new BinaryCrossentropy().apply(Y, PROBS).item(), 1e-6);
    }

    @Test
    void matchesFormulaInDouble() {
        float[][] y = {{0, 1, 1}, {1, 0, 0.3f}};
        float[][] x = {{-1.3f, 0.4f, 2.2f}, {0.7f, -0.2f, 30f}};
        for (float smoothing : new float[] {0f, 0.2f}) {
            float[] logits = new BinaryCrossentropy(true, smoothing).call(Tensor.of(y), Tensor.of(x)).toFloatArray();
            float[][] probs = new float[2][3];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) probs[i][j] = (float) sigmoid(x[i][j]);
            float[] fromProbs = new BinaryCrossentropy(false, smoothing).call(Tensor.of(y), Tensor.of(probs)).toFloatArray();
            for (int i = 0; i < 2; i++) {
                double exact = 0, clipped = 0;
                for (int j = 0; j < 3; j++) {
                    double t = y[i][j] * (1 - smoothing) + 0.5 * smoothing;
                    // log-sigmoid form in double, no clipping
                    exact += -(t * Math.log(sigmoid(x[i][j])) + (1 - t) * Math.log(sigmoid(-x[i][j])));
                    clipped += bce(t, probs[i][j]);
                }
                assertEquals(exact / 3, logits[i], 1e-5, "from logits, smoothing " + smoothing);
                assertEquals(clipped / 3, fromProbs[i], 1e-5, "from probabilities, smoothing " + smoothing);
            }
        }
    }

    @Test
    void logitsAreStableWhereProbabilitiesClip() {
        // sigmoid(-40) underflows to the clip bound; the logit form keeps the exact loss of 40
        float v = new BinaryCrossentropy(true).apply(Tensor.of(new float[][] {{1}}), Tensor.of(new float[][] {{-40}})).item();
        assertEquals(40, v, 1e-4);
        float clipped = new BinaryCrossentropy().apply(Tensor.of(new float[][] {{1}}), Tensor.of(new float[][] {{0}})).item();
        assertEquals(-Math.log(1e-7), clipped, 1e-3);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor y = Tensor.of(new float[][] {{0, 1, 1}, {1, 0, 0}});
        check(x -> new BinaryCrossentropy(true).apply(y, x.get(0)), random(3, 2, 3));
        check(x -> new BinaryCrossentropy(true, 0.1f).apply(y, x.get(0)), random(4, 2, 3));
        check(x -> new BinaryCrossentropy().apply(y, x.get(0)), Tensor.of(new float[][] {{0.2f, 0.7f, 0.4f}, {0.55f, 0.3f, 0.8f}}));
        check(x -> new BinaryFocalCrossentropy(true, 0.25f, 2f, true, 0f).apply(y, x.get(0)), random(5, 2, 3));
        check(x -> new BinaryFocalCrossentropy().apply(y, x.get(0)), Tensor.of(new float[][] {{0.2f, 0.7f, 0.4f}, {0.55f, 0.3f, 0.8f}}));
    }

    @Test
    void focalKerasDocumentedValues() {
        Tensor y1 = Tensor.of(new float[] {0, 1, 0, 0});
        Tensor x1 = Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f});
        assertEquals(0.691, new BinaryFocalCrossentropy(2f, true).apply(y1, x1).item(), 1e-3);
        assertEquals(0.51, new BinaryFocalCrossentropy(true, 0.25f, 2f, true, 0f).apply(y1, x1).item(), 1e-2);
        assertEquals(0.647, new BinaryFocalCrossentropy(3f, true).apply(Y, LOGITS).item(), 1e-3);
        assertEquals(0.482, new BinaryFocalCrossentropy(true, 0.25f, 3f, true, 0f).apply(Y, LOGITS).item(), 1e-3);
        assertEquals(0.133, new BinaryFocalCrossentropy(3f, true).apply(Y, LOGITS, Tensor.of(new float[] {0.8f, 0.2f})).item(), 1e-3);
        assertEquals(0.097, new BinaryFocalCrossentropy(true, 0.25f, 3f, true, 0f).apply(Y, LOGITS, Tensor.of(new float[] {0.8f, 0.2f})).item(), 1e-3);
    }

    @Test
    void focalWithGammaZeroIsBinaryCrossentropy() {
        Tensor x = random(8, 3, 4);
        Tensor y = Ops.greater(random(9, 3, 4), Tensor.scalar(0f));
        assertArrayEquals(new BinaryCrossentropy(true).call(y, x).toFloatArray(),
                new BinaryFocalCrossentropy(0f, true).call(y, x).toFloatArray(), 1e-4f);
    }

    @Test
    void invalidArgumentsAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> new BinaryCrossentropy(false, 1.5f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BinaryCrossentropy().apply(Tensor.zeros(4, 1), Tensor.zeros(4, 2)));
        assertEquals("Loss \"binary_crossentropy\": `y_true` and `y_pred` must have the same shape. Received: y_true.shape=(4, 1), y_pred.shape=(4, 2)",
                e.getMessage());
    }
}
