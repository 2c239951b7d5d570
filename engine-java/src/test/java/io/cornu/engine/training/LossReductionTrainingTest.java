package io.cornu.engine.training;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.losses.MeanSquaredError;
import io.cornu.engine.losses.Reduction;
import io.cornu.engine.metrics.CategoricalAccuracy;
import io.cornu.engine.metrics.Metrics;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.optimizers.SGD;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * compile uses each loss with its own reduction, as Keras' CompileLoss calls the loss object: one SGD step
 * of a linear model against the step worked by hand in double. An unreduced ("none") loss trains on the
 * gradient of its sum and logs its mean, as Keras with the TensorFlow backend.
 */
class LossReductionTrainingTest {
    private static final double[][] X = {{1, 2, 0.5}, {-1, 0, 2}, {0.5, -0.5, 1}, {2, 1, -1}};
    private static final double[] Y = {1, -0.5, 0.25, 2};
    private static final double[] W0 = {0.5, -0.25, 0.1};
    private static final double B0 = 0.2;
    private static final double LR = 0.1;

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static Sequential linear(Loss loss) {
        Sequential m = new Sequential();
        m.add(new InputLayer(3));
        m.add(new Dense(1));
        m.setWeights(List.of(Tensor.of(new float[][] {{(float) W0[0]}, {(float) W0[1]}, {(float) W0[2]}}), Tensor.of(new float[] {(float) B0})));
        m.compile(new CompileOptions().optimizer(new SGD((float) LR)).loss(loss));
        return m;
    }

    private static Tensor x() {
        float[][] f = new float[4][3];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) f[i][j] = (float) X[i][j];
        return Tensor.of(f);
    }

    private static Tensor y() {
        float[][] f = new float[4][1];
        for (int i = 0; i < 4; i++) f[i][0] = (float) Y[i];
        return Tensor.of(f);
    }

    /** The errors {@code xW + b - y} at the initial weights. */
    private static double[] errors() {
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) {
            double s = B0;
            for (int j = 0; j < 3; j++) s += X[i][j] * W0[j];
            e[i] = s - Y[i];
        }
        return e;
    }

    /** Kernel and bias after one SGD step on {@code sum_i c_i * e_i^2}. */
    private static double[] stepWith(double[] c) {
        double[] e = errors();
        double[] out = new double[4];
        for (int j = 0; j < 3; j++) {
            double g = 0;
            for (int i = 0; i < 4; i++) g += c[i] * 2 * e[i] * X[i][j];
            out[j] = W0[j] - LR * g;
        }
        double gb = 0;
        for (int i = 0; i < 4; i++) gb += c[i] * 2 * e[i];
        out[3] = B0 - LR * gb;
        return out;
    }

    private static void assertWeights(double[] expected, Sequential m, String what) {
        float[] k = m.getWeights().get(0).toFloatArray(), b = m.getWeights().get(1).toFloatArray();
        for (int j = 0; j < 3; j++) assertEquals(expected[j], k[j], 1e-5, what + " kernel[" + j + "]");
        assertEquals(expected[3], b[0], 1e-5, what + " bias");
    }

    private static double sumOfSquares() {
        double s = 0;
        for (double e : errors()) s += e * e;
        return s;
    }

    @Test
    void sumOverBatchSizeAndSumAndNone() {
        Sequential mean = linear(new MeanSquaredError());
        Map<String, Double> logs = mean.trainOnBatch(x(), y());
        assertEquals(sumOfSquares() / 4, logs.get("loss"), 1e-5);
        assertWeights(stepWith(new double[] {0.25, 0.25, 0.25, 0.25}), mean, "sum_over_batch_size");

        Sequential sum = linear(new MeanSquaredError(Reduction.SUM));
        logs = sum.trainOnBatch(x(), y());
        assertEquals(sumOfSquares(), logs.get("loss"), 1e-5);
        assertWeights(stepWith(new double[] {1, 1, 1, 1}), sum, "sum: batch size x the mean's step");

        Sequential none = linear(new MeanSquaredError(Reduction.NONE));
        logs = none.trainOnBatch(x(), y());
        assertEquals(sumOfSquares() / 4, logs.get("loss"), 1e-5, "an unreduced loss logs its mean");
        assertWeights(stepWith(new double[] {1, 1, 1, 1}), none, "none: the gradient of the sum");
    }

    @Test
    void meanWithSampleWeightInFit() {
        double[] w = {1, 3, 0, 0.5};
        Tensor sw = Tensor.of(new float[] {1, 3, 0, 0.5f});
        Sequential m = linear(new MeanSquaredError(Reduction.MEAN_WITH_SAMPLE_WEIGHT));
        m.fit(x(), y(), new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0).sampleWeight(sw));
        double total = 4.5;
        assertWeights(stepWith(new double[] {w[0] / total, w[1] / total, w[2] / total, w[3] / total}), m, "mean_with_sample_weight");

        Sequential byBatch = linear(new MeanSquaredError());
        byBatch.fit(x(), y(), new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0).sampleWeight(sw));
        assertWeights(stepWith(new double[] {w[0] / 4, w[1] / 4, w[2] / 4, w[3] / 4}), byBatch, "sum_over_batch_size divides by the batch");
    }

    @Test
    void aMaskedSequenceOutputAveragesOverItsUnmaskedSteps() {
        // (batch 2, time 3, features 2); all-zero steps are padding, masked by Masking(0)
        double[][][] x = {{{1, 2}, {0.5, -1}, {0, 0}}, {{2, 1}, {0, 0}, {0, 0}}};
        double[][] y = {{1, 0.5, 9}, {-1, 9, 9}};   // the 9s sit at masked steps
        double[] w = {0.5, -0.25};
        double b = 0.1;
        Sequential m = new Sequential();
        m.add(new InputLayer(3, 2));
        m.add(new io.cornu.engine.layers.core.Masking(0f));
        m.add(new Dense(1));
        m.setWeights(List.of(Tensor.of(new float[][] {{(float) w[0]}, {(float) w[1]}}), Tensor.of(new float[] {(float) b})));
        float[] xf = new float[12], yf = new float[6];
        double sum = 0;
        int valid = 0;
        for (int i = 0; i < 2; i++) {
            for (int t = 0; t < 3; t++) {
                xf[(i * 3 + t) * 2] = (float) x[i][t][0];
                xf[(i * 3 + t) * 2 + 1] = (float) x[i][t][1];
                yf[i * 3 + t] = (float) y[i][t];
                if (x[i][t][0] == 0 && x[i][t][1] == 0) continue;
                double e = x[i][t][0] * w[0] + x[i][t][1] * w[1] + b - y[i][t];
                sum += e * e;
                valid++;
            }
        }
        Tensor xs = Tensor.wrap(xf, 2, 3, 2), ys = Tensor.wrap(yf, 2, 3, 1);
        m.compile(new CompileOptions().optimizer(new SGD(0.1f)).loss(new MeanSquaredError()));
        assertEquals(sum / valid, m.evaluate(xs, ys, 2).get("loss"), 1e-5, "the mean over the 3 unmasked steps");
        m.compile(new CompileOptions().optimizer(new SGD(0.1f)).loss(new MeanSquaredError(Reduction.SUM)));
        assertEquals(sum, m.evaluate(xs, ys, 2).get("loss"), 1e-5, "the sum over the unmasked steps");
    }

    @Test
    void accuracyFollowsTheLossClassWhateverItsName() {
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("accuracy", new CategoricalCrossentropy(false, 0f, Reduction.SUM, "my_ce")));
    }
}
