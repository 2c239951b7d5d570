package io.cornu.engine.losses;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.losses.RegressionLossesTest.mean;
import static io.cornu.engine.testing.GradCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** KLDivergence and Poisson. */
class ProbabilisticLossesTest {
    private static final float[][] T = {{0.2f, 0.5f, 0.3f}, {0.6f, 0.1f, 0.3f}};
    private static final float[][] P = {{0.3f, 0.4f, 0.3f}, {0.25f, 0.45f, 0.3f}};

    /** Keras' metric docstrings (a single batch, so the loss and the metric agree). */
    @Test
    void kerasDocumentedValues() {
        Tensor t = Tensor.of(new float[][] {{0, 1}, {0, 0}});
        assertEquals(0.45814306, new KLDivergence().apply(t, Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}})).item(), 1e-6);
        assertEquals(0.49999997, new Poisson().apply(t, Tensor.of(new float[][] {{1, 1}, {0, 0}})).item(), 1e-6);
    }

    @Test
    void klDivergenceMatchesFormulaInDouble() {
        float[] actual = new KLDivergence().call(Tensor.of(T), Tensor.of(P)).toFloatArray();
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) expected[i] += T[i][j] * Math.log(T[i][j] / P[i][j]);
        assertArrayEquals(new float[] {(float) expected[0], (float) expected[1]}, actual, 1e-6f);
        assertEquals(mean(expected), new KLDivergence().apply(Tensor.of(T), Tensor.of(P)).item(), 1e-6);
        // zero labels contribute nothing: eps * log(eps / p) ~ 1e-6
        assertEquals(0, new KLDivergence().apply(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{0.5f, 0.5f}})).item(), 1e-5);
    }

    @Test
    void poissonMatchesFormulaInDouble() {
        float[][] counts = {{0, 2, 5}, {1, 1, 3}};
        float[] actual = new Poisson().call(Tensor.of(counts), Tensor.of(P)).toFloatArray();
        for (int i = 0; i < 2; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) s += P[i][j] - counts[i][j] * Math.log(P[i][j] + 1e-7);
            assertEquals(s / 3, actual[i], 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        check(x -> new KLDivergence().apply(Tensor.of(T), x.get(0)), Tensor.of(P));
        check(x -> new Poisson().apply(Tensor.of(new float[][] {{0, 2, 5}, {1, 1, 3}}), x.get(0)), Tensor.of(P));
    }
}
