package io.cornu.engine.losses;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CosineSimilarityTest {
    /** Keras' docstring: [-0., -0.99999994, 0.99999994]. */
    @Test
    void kerasDocumentedValues() {
        Tensor t = Tensor.of(new float[][] {{0, 1}, {1, 1}, {1, 1}});
        Tensor p = Tensor.of(new float[][] {{1, 0}, {1, 1}, {-1, -1}});
        assertArrayEquals(new float[] {0, -1, 1}, new CosineSimilarity().call(t, p).toFloatArray(), 1e-6f);
        assertEquals(0, new CosineSimilarity().apply(t, p).item(), 1e-6);
    }

    @Test
    void matchesFormulaInDoubleOnEachAxis() {
        Tensor t = random(21, 3, 4), p = random(22, 3, 4);
        float[][] a = t.toFloatMatrix(), b = p.toFloatMatrix();
        float[] rows = new CosineSimilarity(-1).call(t, p).toFloatArray();
        for (int i = 0; i < 3; i++) {
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < 4; j++) {
                dot += a[i][j] * b[i][j];
                na += a[i][j] * a[i][j];
                nb += b[i][j] * b[i][j];
            }
            assertEquals(-dot / Math.sqrt(na * nb), rows[i], 1e-5);
        }
        float[] cols = new CosineSimilarity(0).call(t, p).toFloatArray();
        for (int j = 0; j < 4; j++) {
            double dot = 0, na = 0, nb = 0;
            for (int i = 0; i < 3; i++) {
                dot += a[i][j] * b[i][j];
                na += a[i][j] * a[i][j];
                nb += b[i][j] * b[i][j];
            }
            assertEquals(-dot / Math.sqrt(na * nb), cols[j], 1e-5);
        }
    }

    @Test
    void zeroVectorGivesZero() {
        assertEquals(0, new CosineSimilarity().apply(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{1, 2}})).item(), 0);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor t = random(23, 3, 4);
        check(x -> new CosineSimilarity().apply(t, x.get(0)), random(24, 3, 4));
        check(x -> new CosineSimilarity(0).apply(t, x.get(0)), random(25, 3, 4));
    }

    @Test
    void badAxis() {
        assertThrows(IllegalArgumentException.class, () -> new CosineSimilarity(2).apply(Tensor.zeros(2, 2), Tensor.zeros(2, 2)));
    }
}
