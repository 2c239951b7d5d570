package io.cornu.engine.losses;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleBinaryOperator;

import static io.cornu.engine.testing.GradCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** MSE, MAE, MAPE, MSLE, Huber and LogCosh: Keras' documented values, the formulas in double, gradients. */
class RegressionLossesTest {
    // errors p - t: {-0.4, 0.8, 0.9}, {-0.4, 0.6, -1.7}: none zero (|x|'s kink), none at Huber's delta 1
    private static final float[][] T = {{0.5f, -1.2f, 2f}, {1.5f, 0.3f, -0.7f}};
    private static final float[][] P = {{0.1f, -0.4f, 2.9f}, {1.1f, 0.9f, -2.4f}};
    // positive values for MSLE (no clipping at epsilon)
    private static final float[][] TP = {{0.5f, 1.2f, 2f}, {3.5f, 0.3f, 0.7f}};
    private static final float[][] PP = {{0.1f, 2.4f, 2.9f}, {1.1f, 0.9f, 2.4f}};

    /** The mean over the last axis of {@code f(t, p)}, per row, in double. */
    static double[] perRow(float[][] t, float[][] p, DoubleBinaryOperator f) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double s = 0;
            for (int j = 0; j < t[i].length; j++) s += f.applyAsDouble(t[i][j], p[i][j]);
            out[i] = s / t[i].length;
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Per-sample values and the reduced loss both equal the formula computed in double. */
    static void assertMatches(Loss loss, float[][] t, float[][] p, DoubleBinaryOperator f) {
        double[] expected = perRow(t, p, f);
        float[] actual = loss.call(Tensor.of(t), Tensor.of(p)).toFloatArray();
        assertEquals(expected.length, actual.length, loss.name());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), loss.name() + " sample " + i);
        assertEquals(mean(expected), loss.apply(Tensor.of(t), Tensor.of(p)).item(), 1e-5 * (1 + Math.abs(mean(expected))), loss.name());
    }

    @Test
    void kerasDocumentedValues() {
        assertEquals(0.02, new MeanSquaredError().apply(Tensor.of(new float[] {1, 0, 1}), Tensor.of(new float[] {0.9f, 0.1f, 0.8f})).item(), 1e-6);
        assertEquals(0.5666667, new MeanAbsoluteError().apply(Tensor.of(new float[] {1, 0.3f, 1}), Tensor.of(new float[] {1.9f, 0.3f, 1.8f})).item(), 1e-6);
        assertEquals(6.111111, new MeanAbsolutePercentageError().apply(Tensor.of(new float[] {100, 200, 300}), Tensor.of(new float[] {90, 210, 310})).item(), 1e-5);
        Tensor t = Tensor.of(new float[][] {{0, 1}, {0, 0}});
        assertEquals(0.12011322, new MeanSquaredLogarithmicError().apply(t, Tensor.of(new float[][] {{1, 1}, {0, 0}})).item(), 1e-6);
        assertEquals(0.155, new Huber().apply(t, Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}})).item(), 1e-6);
        assertEquals(0.108, new LogCosh().apply(t, Tensor.of(new float[][] {{1, 1}, {0, 0}})).item(), 1e-3);
        assertEquals(0.10844523, new LogCosh().apply(t, Tensor.of(new float[][] {{1, 1}, {0, 0}})).item(), 1e-6);
    }

    @Test
    void matchFormulasInDouble() {
        assertMatches(new MeanSquaredError(), T, P, (t, p) -> (t - p) * (t - p));
        assertMatches(new MeanAbsoluteError(), T, P, (t, p) -> Math.abs(t - p));
        assertMatches(new MeanAbsolutePercentageError(), T, P, (t, p) -> 100 * Math.abs((t - p) / Math.max(Math.abs(t), 1e-7)));
        assertMatches(new MeanSquaredLogarithmicError(), TP, PP, (t, p) -> Math.pow(Math.log(p + 1) - Math.log(t + 1), 2));
        assertMatches(new MeanSquaredLogarithmicError(), T, P,
                (t, p) -> Math.pow(Math.log(Math.max(p, 1e-7) + 1) - Math.log(Math.max(t, 1e-7) + 1), 2));
        for (double delta : new double[] {1.0, 0.5, 2.0}) {
            assertMatches(new Huber((float) delta), T, P, (t, p) -> {
                double x = Math.abs(p - t);
                return x <= delta ? 0.5 * x * x : delta * x - 0.5 * delta * delta;
            });
        }
        assertMatches(new LogCosh(), T, P, (t, p) -> Math.log(Math.cosh(p - t)));
    }

    @Test
    void logCoshIsStableForLargeErrors() {
        float v = new LogCosh().apply(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{200}})).item();
        assertEquals(200 - Math.log(2), v, 1e-4);
    }

    @Test
    void mapeGuardsZeroLabels() {
        float v = new MeanAbsolutePercentageError().apply(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{1e-3f}})).item();
        assertEquals(100 * 1e-3 / 1e-7, v, 1e-3 * 100 * 1e-3 / 1e-7);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor t = Tensor.of(T);
        check(x -> new MeanSquaredError().apply(t, x.get(0)), Tensor.of(P));
        check(x -> new MeanAbsoluteError().apply(t, x.get(0)), Tensor.of(P));
        check(x -> new MeanAbsolutePercentageError().apply(t, x.get(0)), Tensor.of(P));
        check(x -> new MeanSquaredLogarithmicError().apply(Tensor.of(TP), x.get(0)), Tensor.of(PP));
        check(x -> new Huber().apply(t, x.get(0)), Tensor.of(P));
        check(x -> new Huber(0.5f).apply(t, x.get(0)), Tensor.of(P));
        check(x -> new LogCosh().apply(t, x.get(0)), Tensor.of(P));
    }

    @Test
    void targetsOfShapeBatchMeetPredictionsOfShapeBatchByOne() {
        Tensor t = Tensor.of(new float[] {1, 2, 3});
        Tensor p = Tensor.of(new float[][] {{1.5f}, {2}, {2}});
        float[] perSample = new MeanSquaredError().call(t, p).toFloatArray();
        assertArrayEquals(new float[] {0.25f, 0, 1}, perSample, 1e-6f);
        assertEquals((0.25 + 1) / 3, new MeanSquaredError().apply(t, p).item(), 1e-6);
        // and the other way round, with integer labels
        assertArrayEquals(new float[] {0.25f, 0, 1}, new MeanSquaredError().call(Tensor.ofInts(new int[][] {{1}, {2}, {3}}),
                Tensor.of(new float[] {1.5f, 2, 2})).toFloatArray(), 1e-6f);
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Huber().apply(Tensor.zeros(2, 4), Tensor.zeros(2, 3)));
        assertEquals("Loss \"huber_loss\": `y_true` and `y_pred` must have the same shape. Received: y_true.shape=(2, 4), y_pred.shape=(2, 3)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().apply(Tensor.zeros(4), Tensor.zeros(4, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Huber(0f));
    }
}
