package io.cornu.engine.training;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.MaxNorm;
import io.cornu.engine.constraints.NonNeg;
import io.cornu.engine.constraints.UnitNorm;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.MeanSquaredError;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.optimizers.Adam;
import io.cornu.engine.optimizers.SGD;
import io.cornu.engine.regularizers.L1;
import io.cornu.engine.regularizers.L1L2;
import io.cornu.engine.regularizers.L2;
import io.cornu.engine.saving.ModelFile;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regularizers in the training loss, constraints after each update: fit, train_on_batch and evaluate as in Keras. */
class RegularizedTrainingTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(7);
    }

    private static double[][] values(Tensor t) {
        int rows = t.dim(0), cols = t.rank() == 1 ? 1 : t.dim(1);
        float[] d = t.toFloatArray();
        double[][] out = new double[rows][cols];
        for (int i = 0; i < d.length; i++) out[i / cols][i % cols] = d[i];
        return out;
    }

    private static double[][] affine(double[][] x, double[][] w, double[][] b, boolean relu) {
        double[][] out = new double[x.length][w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                double s = b[j][0];
                for (int k = 0; k < w.length; k++) s += x[i][k] * w[k][j];
                out[i][j] = relu ? Math.max(0, s) : s;
            }
        }
        return out;
    }

    private static double sum(double[][] a, boolean squares) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += squares ? v * v : Math.abs(v);
        return s;
    }

    /** The loss of the model below at its current weights, worked out in double from Keras' formulas. */
    private static double lossByHand(Sequential model, Tensor xs, Tensor ys) {
        Dense d1 = (Dense) model.layers().get(0), d2 = (Dense) model.layers().get(1);
        double[][] w1 = values(d1.kernel()), b1 = values(d1.bias()), w2 = values(d2.kernel()), b2 = values(d2.bias());
        double[][] x = values(xs), y = values(ys);
        double[][] h = affine(x, w1, b1, true);
        double[][] out = affine(h, w2, b2, false);
        double mse = 0;
        for (int i = 0; i < y.length; i++) for (int j = 0; j < y[0].length; j++) mse += (out[i][j] - y[i][j]) * (out[i][j] - y[i][j]);
        mse /= y.length * y[0].length;
        double penalties = 0.01 * sum(w1, true) + 0.02 * sum(b1, false)         // d1: kernel L2, bias L1
                + 0.05 * sum(h, true) / x.length                                   // d1: activity L2, per sample
                + 0.01 * sum(w2, false) + 0.03 * sum(w2, true);                    // d2: kernel L1L2
        return mse + penalties;
    }

    private static Sequential regularizedModel() {
        Layer d1 = new Dense(4, "relu").kernelRegularizer(new L2(0.01)).biasRegularizer(new L1(0.02)).activityRegularizer(new L2(0.05))
                .inputShape(3);
        Sequential model = new Sequential(List.of(d1, new Dense(2).kernelRegularizer(new L1L2(0.01, 0.03))));
        ((Dense) model.layers().get(0)).bias().assign(Tensor.of(new float[] {0.3f, -0.2f, 0.1f, 0.4f}));
        return model;
    }

    @Test
    void trainingLossIsDataLossPlusPenalties() {
        Sequential model = regularizedModel();
        model.compile(new SGD(0.1f), new MeanSquaredError(), List.of());
        Tensor x = random(1, 8, 3), y = random(2, 8, 2);
        double before = lossByHand(model, x, y);
        Map<String, Double> logs = model.trainOnBatch(x, y);      // the loss of the forward pass, before the update
        assertEquals(before, logs.get("loss"), 1e-5 * before);
        double after = lossByHand(model, x, y);
        assertTrue(after < before, "one step lowers the regularized loss: " + before + " -> " + after);
        assertEquals(after, model.evaluate(x, y).get("loss"), 1e-5 * after, "evaluate counts the penalties too, as Keras");
        assertEquals(after, model.fit(x, y, new FitOptions().epochs(1).batchSize(8).shuffle(false).verbose(0)).history().get("loss").get(0),
                1e-5 * after);
    }

    @Test
    void savedModelsKeepTheirPenaltiesAndConstraints(@TempDir Path dir) throws IOException {
        Sequential model = regularizedModel();
        model.compile(new SGD(0.1f), new MeanSquaredError(), List.of());
        Tensor x = random(1, 8, 3), y = random(2, 8, 2);
        model.trainOnBatch(x, y);
        Path file = dir.resolve("regularized.cornu");
        ModelFile.save(model, file);
        Model loaded = ModelFile.load(file);
        assertEquals(lossByHand(model, x, y), loaded.evaluate(x, y).get("loss"), 1e-5, "the loaded model's loss has the penalties");
        assertEquals(model.evaluate(x, y).get("loss"), loaded.evaluate(x, y).get("loss"), 1e-6);
    }

    @Test
    void l2PenaltyShrinksTheKernelByItsGradient() {
        // on zero inputs the data loss does not reach the kernel: each SGD step is kernel *= 1 - lr * 2 * l2
        Dense dense = new Dense(3).kernelRegularizer(new L2(0.25));
        dense.inputShape(2);
        Sequential model = new Sequential(List.of(dense));
        model.compile(new SGD(0.1f), new MeanSquaredError(), List.of());
        float[] w0 = dense.kernel().toFloatArray();
        for (int step = 1; step <= 3; step++) {
            model.trainOnBatch(Tensor.zeros(4, 2), random(3, 4, 3));
            float[] w = dense.kernel().toFloatArray();
            for (int i = 0; i < w.length; i++) assertEquals(w0[i] * Math.pow(1 - 0.1 * 2 * 0.25, step), w[i], 1e-6);
        }
    }

    private static double frobenius(Variable v) {
        double s = 0;
        for (float f : v.toFloatArray()) s += (double) f * f;
        return Math.sqrt(s);
    }

    @Test
    void l2OnADenseKeepsTheKernelSmallerThanWithout() {
        Tensor x = random(4, 64, 10), y = random(5, 64, 1);
        double[] norms = new double[2];
        for (int run = 0; run < 2; run++) {
            RandomSeed.set(11);                 // both models start from the same weights
            Dense hidden = new Dense(16, "relu");
            if (run == 1) hidden.kernelRegularizer(new L2(0.05));   // alone, 40 steps of decay would scale it by 0.995^40 = 0.82
            hidden.inputShape(10);
            Sequential model = new Sequential(List.of(hidden, new Dense(1)));
            model.compile(new SGD(0.05f), new MeanSquaredError(), List.of());
            model.fit(x, y, new FitOptions().epochs(10).batchSize(16).shuffle(false).verbose(0));
            norms[run] = frobenius(hidden.kernel());
        }
        assertTrue(norms[1] < 0.9 * norms[0], "kernel norm with L2 " + norms[1] + " vs without " + norms[0]);
    }

    @Test
    void constraintsHoldAfterEveryStep() {
        Dense hidden = new Dense(8, "relu").kernelConstraint(new MaxNorm(0.5, 0)).biasConstraint(new NonNeg());
        hidden.inputShape(5);
        Dense out = new Dense(1).kernelConstraint(new NonNeg());
        Sequential model = new Sequential(List.of(hidden, out));
        model.compile(new Adam(0.1f), new MeanSquaredError(), List.of());
        Tensor x = random(8, 32, 5), y = random(9, 32, 1);
        double largest = 0;
        for (int step = 0; step < 15; step++) {
            model.trainOnBatch(x, y);
            float[] k = hidden.kernel().toFloatArray();
            for (int unit = 0; unit < 8; unit++) {
                double norm = 0;
                for (int i = 0; i < 5; i++) norm += (double) k[i * 8 + unit] * k[i * 8 + unit];
                norm = Math.sqrt(norm);
                assertTrue(norm <= 0.5 + 1e-6, "step " + step + ": unit " + unit + " has norm " + norm);
                largest = Math.max(largest, norm);
            }
            for (float b : hidden.bias().toFloatArray()) assertTrue(b >= 0, "step " + step + ": bias " + b);
            for (float w : out.kernel().toFloatArray()) assertTrue(w >= 0, "step " + step + ": output weight " + w);
        }
        assertTrue(largest > 0.49, "the bound was reached, so the constraint acted: " + largest);
    }

    @Test
    void theConstraintProjectsTheUpdatedWeight() {
        // with and without UnitNorm from the same weights: after one SGD step the constrained kernel is
        // the unconstrained one divided by its column norms (+ 1e-7), worked out in double
        Tensor x = random(12, 6, 3), y = random(13, 6, 2);
        float[][] kernels = new float[2][];
        for (int run = 0; run < 2; run++) {
            RandomSeed.set(3);
            Dense d = new Dense(2);
            if (run == 1) d.kernelConstraint(new UnitNorm(0));
            d.inputShape(3);
            Sequential model = new Sequential(List.of(d));
            model.compile(new SGD(0.5f), new MeanSquaredError(), List.of());
            model.trainOnBatch(x, y);
            kernels[run] = d.kernel().toFloatArray();
        }
        float[] expected = new float[6];
        for (int unit = 0; unit < 2; unit++) {
            double norm = 0;
            for (int i = 0; i < 3; i++) norm += (double) kernels[0][i * 2 + unit] * kernels[0][i * 2 + unit];
            for (int i = 0; i < 3; i++) expected[i * 2 + unit] = (float) (kernels[0][i * 2 + unit] / (Math.sqrt(norm) + 1e-7));
        }
        assertArrayEquals(expected, kernels[1], 1e-6f);
    }

    @Test
    void onlyUpdatedVariablesAreProjected() {
        // Keras applies constraints to the variables that received a gradient
        Variable touched = new Variable("touched", Tensor.of(new float[] {-1f, 2f}));
        Variable untouched = new Variable("untouched", Tensor.of(new float[] {-3f, 4f}));
        touched.setConstraint(new NonNeg());
        untouched.setConstraint(new NonNeg());
        new SGD(0.1f).applyGradients(java.util.Arrays.asList(Tensor.of(new float[] {1f, 1f}), null), List.of(touched, untouched));
        assertArrayEquals(new float[] {0f, 1.9f}, touched.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-3f, 4f}, untouched.toFloatArray());
    }
}
