package io.cornu.engine.losses;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hinge, SquaredHinge and CategoricalHinge. */
class HingeLossesTest {
    private static final Tensor Y01 = Tensor.of(new float[][] {{0, 1}, {0, 0}});
    private static final Tensor P = Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
    // margins 1 - y * p away from 0 (the kink): 0.7, 1.5, -0.6, 0.8 / 1.2, 0.1, 2.3, -1.1
    private static final float[][] SIGNED = {{1, -1, 1, -1}, {-1, 1, -1, 1}};
    private static final float[][] SCORES = {{0.3f, 0.5f, 1.6f, -0.2f}, {-0.2f, 0.9f, 1.3f, 2.1f}};

    /** Keras' metric docstrings (one batch: the loss and the metric agree). */
    @Test
    void kerasDocumentedValues() {
        assertEquals(1.3, new Hinge().apply(Y01, P).item(), 1e-6);
        assertEquals(1.86, new SquaredHinge().apply(Y01, P).item(), 1e-5);
        assertEquals(1.4, new CategoricalHinge().apply(Y01, P).item(), 1e-6);
    }

    @Test
    void binaryLabelsBecomeSigned() {
        Tensor y = Tensor.of(new float[][] {{1, 0, 1, 0}, {0, 1, 0, 1}});
        assertArrayEquals(new Hinge().call(Tensor.of(SIGNED), Tensor.of(SCORES)).toFloatArray(),
                new Hinge().call(y, Tensor.of(SCORES)).toFloatArray(), 0f);
        assertArrayEquals(new SquaredHinge().call(Tensor.of(SIGNED), Tensor.of(SCORES)).toFloatArray(),
                new SquaredHinge().call(y, Tensor.of(SCORES)).toFloatArray(), 0f);
    }

    @Test
    void matchFormulasInDouble() {
        float[] hinge = new Hinge().call(Tensor.of(SIGNED), Tensor.of(SCORES)).toFloatArray();
        float[] squared = new SquaredHinge().call(Tensor.of(SIGNED), Tensor.of(SCORES)).toFloatArray();
        for (int i = 0; i < 2; i++) {
            double h = 0, s = 0;
            for (int j = 0; j < 4; j++) {
                double m = Math.max(1 - SIGNED[i][j] * SCORES[i][j], 0);
                h += m;
                s += m * m;
            }
            assertEquals(h / 4, hinge[i], 1e-6);
            assertEquals(s / 4, squared[i], 1e-6);
        }
        float[][] oneHot = {{0, 0, 1, 0}, {0, 1, 0, 0}};
        float[] cat = new CategoricalHinge().call(Tensor.of(oneHot), Tensor.of(SCORES)).toFloatArray();
        for (int i = 0; i < 2; i++) {
            double pos = 0, neg = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                pos += oneHot[i][j] * SCORES[i][j];
                neg = Math.max(neg, (1 - oneHot[i][j]) * SCORES[i][j]);
            }
            assertEquals(Math.max(neg - pos + 1, 0), cat[i], 1e-6);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor y = Tensor.of(SIGNED);
        check(x -> new Hinge().apply(y, x.get(0)), Tensor.of(SCORES));
        check(x -> new SquaredHinge().apply(y, x.get(0)), Tensor.of(SCORES));
        Tensor oneHot = Tensor.of(new float[][] {{0, 0, 1, 0}, {0, 1, 0, 0}});
        check(x -> new CategoricalHinge().apply(oneHot, x.get(0)), Tensor.of(SCORES));
    }
}
