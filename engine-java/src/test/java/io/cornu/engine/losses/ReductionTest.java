package io.cornu.engine.losses;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras' loss reductions ({@code reduce_weighted_values} in keras/src/losses/loss.py): every reduction
 * against sums worked in double from the raw numbers, with sample weights and masks.
 */
class ReductionTest {
    private static final float[][] T = {{1, 2}, {0, 1}, {3, 3}, {-1, 0}};
    private static final float[][] P = {{1.5f, 2}, {1, 1}, {3, 1}, {0, 0}};
    private static final double[] W = {1, 2, 0, 0.5};

    /** The per-sample mean squared errors, worked in double. */
    private static double[] perSample() {
        double[] v = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            for (int j = 0; j < T[i].length; j++) v[i] += Math.pow(P[i][j] - T[i][j], 2) / T[i].length;
        }
        return v;
    }

    private static double apply(Reduction r, Tensor sampleWeight) {
        return new MeanSquaredError(r).apply(Tensor.of(T), Tensor.of(P), sampleWeight).item();
    }

    private static Tensor weights() {
        float[] w = new float[W.length];
        for (int i = 0; i < w.length; i++) w[i] = (float) W[i];
        return Tensor.of(w);
    }

    @Test
    void eachReductionWithoutWeights() {
        double[] v = perSample();
        double sum = 0;
        for (double x : v) sum += x;
        assertEquals(sum, apply(Reduction.SUM, null), 1e-6);
        assertEquals(sum / 4, apply(Reduction.SUM_OVER_BATCH_SIZE, null), 1e-6);
        assertEquals(sum / 4, apply(Reduction.MEAN, null), 1e-6);
        assertEquals(sum / 4, apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT, null), 1e-6, "without weights it is the mean");
        Tensor none = new MeanSquaredError(Reduction.NONE).apply(Tensor.of(T), Tensor.of(P));
        assertArrayEquals(new int[] {4}, none.dims());
        for (int i = 0; i < 4; i++) assertEquals(v[i], none.toFloatArray()[i], 1e-6);
        assertEquals(sum / 4, apply(Reduction.SUM_OVER_BATCH_SIZE, null), 1e-6);
        assertEquals(apply(Reduction.SUM_OVER_BATCH_SIZE, null), new MeanSquaredError().apply(Tensor.of(T), Tensor.of(P)).item(), 0,
                "the default is sum_over_batch_size");
    }

    @Test
    void eachReductionWithSampleWeights() {
        double[] v = perSample();
        double weighted = 0, weightSum = 0;
        for (int i = 0; i < 4; i++) {
            weighted += W[i] * v[i];
            weightSum += W[i];
        }
        assertEquals(weighted, apply(Reduction.SUM, weights()), 1e-6);
        assertEquals(weighted / 4, apply(Reduction.SUM_OVER_BATCH_SIZE, weights()), 1e-6);
        assertEquals(weighted / 4, apply(Reduction.MEAN, weights()), 1e-6);
        assertEquals(weighted / weightSum, apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT, weights()), 1e-6, "divided by the sum of the weights (3.5)");
        Tensor none = new MeanSquaredError(Reduction.NONE).apply(Tensor.of(T), Tensor.of(P), weights());
        for (int i = 0; i < 4; i++) assertEquals(W[i] * v[i], none.toFloatArray()[i], 1e-6, "weighted value " + i);
        // weights of shape (batch, 1) are squeezed, as Keras' squeeze_or_expand_to_same_rank
        Tensor column = weights().reshape(4, 1);
        assertEquals(weighted / weightSum, apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT, column), 1e-6);
        assertEquals(weighted, apply(Reduction.SUM, column), 1e-6);
        // weights summing to 0: Keras' divide_no_nan gives 0
        assertEquals(0, apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Tensor.zeros(4)), 0);
    }

    /** Per-timestep squared errors of a (batch 2, time 3) sequence, with a mask on the predictions. */
    @Test
    void aMaskOnThePredictionsWeighsTheValues() {
        float[][][] t = {{{0}, {1}, {2}}, {{1}, {1}, {1}}};
        float[][][] p = {{{1}, {3}, {7}}, {{0}, {4}, {9}}};
        double[][] mask = {{1, 1, 0}, {1, 0, 0}};
        double[] w = {2, 0.5};
        double[][] v = new double[2][3];
        for (int b = 0; b < 2; b++) for (int s = 0; s < 3; s++) v[b][s] = Math.pow(p[b][s][0] - t[b][s][0], 2);
        double maskedSum = 0, weightedMaskedSum = 0, validCount = 0, validWeight = 0;
        for (int b = 0; b < 2; b++) {
            for (int s = 0; s < 3; s++) {
                maskedSum += mask[b][s] * v[b][s];
                weightedMaskedSum += w[b] * mask[b][s] * v[b][s];
                validCount += mask[b][s];
                validWeight += w[b] * mask[b][s];
            }
        }
        Tensor yTrue = tensor3(t), sw = Tensor.of(new float[] {2, 0.5f});
        Tensor maskTensor = Tensor.of(new float[][] {{1, 1, 0}, {1, 0, 0}});
        java.util.function.Function<Reduction, Loss> mse = MeanSquaredError::new;

        // sum_over_batch_size and mean: the mean over the 3 valid steps (Keras rescales the mask by total / valid)
        assertEquals(maskedSum / validCount, masked(mse.apply(Reduction.SUM_OVER_BATCH_SIZE), yTrue, p, maskTensor, null), 1e-5);
        assertEquals(maskedSum / validCount, masked(mse.apply(Reduction.MEAN), yTrue, p, maskTensor, null), 1e-5);
        assertEquals(weightedMaskedSum / validCount, masked(mse.apply(Reduction.SUM_OVER_BATCH_SIZE), yTrue, p, maskTensor, sw), 1e-5);
        // sum: the masked values add up, unscaled
        assertEquals(maskedSum, masked(mse.apply(Reduction.SUM), yTrue, p, maskTensor, null), 1e-5);
        assertEquals(weightedMaskedSum, masked(mse.apply(Reduction.SUM), yTrue, p, maskTensor, sw), 1e-5);
        // mean_with_sample_weight: divided by the sum of (weight x mask) over the values
        assertEquals(maskedSum / validCount, masked(mse.apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT), yTrue, p, maskTensor, null), 1e-5);
        assertEquals(weightedMaskedSum / validWeight, masked(mse.apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT), yTrue, p, maskTensor, sw), 1e-5);
        // none: the values times weight and mask
        Tensor yPred = tensor3(p);
        yPred.setKerasMask(maskTensor);
        float[] none = mse.apply(Reduction.NONE).apply(yTrue, yPred, sw).toFloatArray();
        for (int b = 0; b < 2; b++) for (int s = 0; s < 3; s++) assertEquals(w[b] * mask[b][s] * v[b][s], none[b * 3 + s], 1e-5);
        // everything masked: 0, not NaN
        assertEquals(0, masked(mse.apply(Reduction.SUM_OVER_BATCH_SIZE), yTrue, p, Tensor.zeros(2, 3), null), 0);
        assertEquals(0, masked(mse.apply(Reduction.MEAN_WITH_SAMPLE_WEIGHT), yTrue, p, Tensor.zeros(2, 3), null), 0);
        // a mask that fits neither the values nor the batch
        Tensor wrong = tensor3(p);
        wrong.setKerasMask(Tensor.ones(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mse.apply(Reduction.SUM).apply(yTrue, wrong));
        assertEquals("Loss \"mean_squared_error\": mask must have shape (batch,) = (2,) or the shape of the per-sample losses (2, 3). "
                + "Received: mask.shape=(3,)", e.getMessage());
    }

    private static double masked(Loss loss, Tensor yTrue, float[][][] p, Tensor mask, Tensor sw) {
        Tensor yPred = tensor3(p);
        yPred.setKerasMask(mask);
        return loss.apply(yTrue, yPred, sw).item();
    }

    private static Tensor tensor3(float[][][] a) {
        float[] flat = new float[a.length * a[0].length * a[0][0].length];
        int k = 0;
        for (float[][] x : a) for (float[] y : x) for (float z : y) flat[k++] = z;
        return Tensor.wrap(flat, a.length, a[0].length, a[0][0].length);
    }

    @Test
    void theGradientOfASumIsTheBatchSizeTimesTheMeans() {
        double[][] sumGrad = gradient(Reduction.SUM), meanGrad = gradient(Reduction.SUM_OVER_BATCH_SIZE);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                // d/dp of sum_i mean_j (p - t)^2 = 2 (p - t) / 2
                assertEquals(P[i][j] - T[i][j], sumGrad[i][j], 1e-6);
                assertEquals(4 * meanGrad[i][j], sumGrad[i][j], 1e-6, "batch size x the mean's gradient");
            }
        }
        // mean_with_sample_weight's gradient is the weighted mean's: w_i (p - t) / sum(w)
        double[][] g = gradient(Reduction.MEAN_WITH_SAMPLE_WEIGHT, weights());
        for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) assertEquals(W[i] * (P[i][j] - T[i][j]) / 3.5, g[i][j], 1e-6);
    }

    private static double[][] gradient(Reduction r) {
        return gradient(r, null);
    }

    private static double[][] gradient(Reduction r, Tensor sw) {
        Variable p = new Variable("p", Tensor.of(P));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(new MeanSquaredError(r).apply(Tensor.of(T), p, sw), List.of(p)).get(0);
        }
        double[][] out = new double[4][2];
        float[] f = g.toFloatArray();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) out[i][j] = f[i * 2 + j];
        return out;
    }

    @Test
    void kerasSpellings() {
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, Reduction.get("sum_over_batch_size"));
        assertEquals(Reduction.SUM, Reduction.get("sum"));
        assertEquals(Reduction.MEAN, Reduction.get("mean"));
        assertEquals(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Reduction.get("mean_with_sample_weight"));
        assertEquals(Reduction.NONE, Reduction.get("none"));
        assertEquals(Reduction.NONE, Reduction.get(null), "Keras' None");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reduction.get("auto"));
        assertEquals("Invalid value for argument `reduction`. Expected one of [sum_over_batch_size, sum, mean, mean_with_sample_weight, none] "
                + "or None. Received: reduction=auto", e.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError((Reduction) null));
        assertTrue(nul.getMessage().contains("use Reduction.NONE"), nul.getMessage());
    }

    @Test
    void customLossesTakeAReduction() {
        Loss sumOfSquares = Loss.of("sq", Reduction.SUM, (t, p) -> Ops.square(Ops.sub(p, t)));
        assertEquals(Reduction.SUM, sumOfSquares.reduction());
        double expected = 0;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) expected += Math.pow(P[i][j] - T[i][j], 2);
        assertEquals(expected, sumOfSquares.apply(Tensor.of(T), Tensor.of(P)).item(), 1e-5);
        assertEquals("Loss(sq, reduction=sum)", sumOfSquares.toString());
        assertEquals(Map.of("name", "sq", "reduction", "sum"), sumOfSquares.getConfig());
        assertEquals(null, sumOfSquares.className(), "a custom loss has no built-in class");
    }
}
