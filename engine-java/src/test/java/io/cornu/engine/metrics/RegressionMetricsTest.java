package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** MSE, MAE, RMSE and losses used as metrics by name: Keras' examples, two batches, weights. */
class RegressionMetricsTest {
    private static final Tensor T = Tensor.of(new float[][] {{0, 1}, {0, 0}});
    private static final Tensor P = Tensor.of(new float[][] {{1, 1}, {0, 0}});
    private static final Tensor W10 = Tensor.of(new float[] {1, 0});

    @Test
    void kerasExamples() {
        Metric mse = new MeanSquaredError();
        mse.updateState(T, P);
        assertEquals(0.25, mse.result(), 1e-7);
        Metric mae = new MeanAbsoluteError();
        mae.updateState(T, P);
        assertEquals(0.25, mae.result(), 1e-7);
        mae.resetState();
        mae.updateState(T, P, W10);
        assertEquals(0.5, mae.result(), 1e-7);
        Metric rmse = new RootMeanSquaredError();
        rmse.updateState(T, P);
        assertEquals(0.5, rmse.result(), 1e-7);
        rmse.resetState();
        rmse.updateState(T, P, W10);
        assertEquals(0.70710677, rmse.result(), 1e-7);
    }

    @Test
    void stateSpansBatches() {
        // batch 1: squared errors 1, 0 | 0, 0 ; batch 2 (weights 3, 1): errors -2 and 0.5 on (2, 1) shapes
        Metric mse = new MeanSquaredError(), mae = new MeanAbsoluteError(), rmse = new RootMeanSquaredError();
        for (Metric m : new Metric[] {mse, mae, rmse}) {
            m.updateState(T, P);
            m.updateState(Tensor.of(new float[] {1, 2}), Tensor.of(new float[][] {{3}, {1.5f}}), Tensor.of(new float[] {3, 1}));
        }
        // per-sample means: batch 1: 0.5 and 0 (weight 1 each); batch 2: 4 (weight 3), 0.25 (weight 1)
        double sq = (0.5 + 0 + 3 * 4 + 0.25) / (1 + 1 + 3 + 1);
        double abs = (0.5 + 0 + 3 * 2 + 0.5) / 6;
        assertEquals(sq, mse.result(), 1e-7);
        assertEquals(abs, mae.result(), 1e-7);
        assertEquals(Math.sqrt(sq), rmse.result(), 1e-7, "the root of the pooled mean, not a mean of roots");
    }

    @Test
    void lossesByNameAsMetrics() {
        Tensor t2 = Tensor.of(new float[][] {{0, 1}, {0, 0}});
        Tensor probs = Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
        assertDocumented("mse", T, P, 0.25, null, 0);
        assertDocumented("mae", T, P, 0.25, 0.5, 1e-7);
        assertDocumented("mape", T, P, 250000000.0, 500000000.0, 1e2);
        assertDocumented("msle", T, P, 0.12011322, 0.24022643, 1e-6);
        assertDocumented("kld", t2, probs, 0.45814306, 0.9162892, 1e-6);
        assertDocumented("poisson", t2, P, 0.49999997, 0.99999994, 1e-6);
        assertDocumented("binary_crossentropy", t2, probs, 0.81492424, 0.9162905, 1e-6);
        assertDocumented("hinge", t2, probs, 1.3, 1.1, 1e-6);
        assertDocumented("squared_hinge", t2, probs, 1.86, 1.46, 1e-5);
        assertDocumented("categorical_hinge", t2, probs, 1.4, 1.2, 1e-6);
        assertDocumented("logcosh", T, P, 0.10844523, 0.21689045, 1e-6);
        Tensor cceT = Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}});
        Tensor cceP = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
        Metric cce = Metrics.get("categorical_crossentropy");
        cce.updateState(cceT, cceP);
        assertEquals(1.1769392, cce.result(), 1e-6);
        cce.resetState();
        cce.updateState(cceT, cceP, Tensor.of(new float[] {0.3f, 0.7f}));
        assertEquals(1.6271976, cce.result(), 1e-6);
        Metric scce = Metrics.get("sparse_categorical_crossentropy");
        scce.updateState(Tensor.ofInts(1, 2), cceP, Tensor.of(new float[] {0.3f, 0.7f}));
        assertEquals(1.6271976, scce.result(), 1e-6);
        Metric cosine = Metrics.get("cosine_similarity");
        cosine.updateState(Tensor.of(new float[][] {{0, 1}, {1, 1}}), Tensor.of(new float[][] {{1, 0}, {1, 1}}));
        assertEquals(0.49999997, cosine.result(), 1e-6);
        cosine.resetState();
        cosine.updateState(Tensor.of(new float[][] {{0, 1}, {1, 1}}), Tensor.of(new float[][] {{1, 0}, {1, 1}}), Tensor.of(new float[] {0.3f, 0.7f}));
        assertEquals(0.7, cosine.result(), 1e-6);
    }

    private static void assertDocumented(String name, Tensor t, Tensor p, double unweighted, Double weighted10, double tol) {
        Metric m = Metrics.get(name);
        assertEquals(name, m.name(), "logged under the name given");
        m.updateState(t, p);
        assertEquals(unweighted, m.result(), tol, name);
        if (weighted10 != null) {
            m.resetState();
            m.updateState(t, p, W10);
            assertEquals(weighted10, m.result(), tol, name + " with weights [1, 0]");
        }
    }

    @Test
    void namesResolveToTheirClasses() {
        assertInstanceOf(MeanSquaredError.class, Metrics.get("mse"));
        assertInstanceOf(MeanSquaredError.class, Metrics.get("mean_squared_error"));
        assertInstanceOf(MeanAbsoluteError.class, Metrics.get("mae"));
        assertInstanceOf(MeanAbsoluteError.class, Metrics.get("MeanAbsoluteError"));
        assertInstanceOf(RootMeanSquaredError.class, Metrics.get("root_mean_squared_error"));
        assertEquals("MAE", Metrics.get("MAE").name());
    }

    @Test
    void perValueWeights() {
        // weights of the values' shape weigh each error (Keras averages them per sample)
        Metric mae = new MeanAbsoluteError();
        mae.updateState(Tensor.of(new float[][] {{0, 0}, {0, 0}}), Tensor.of(new float[][] {{1, 2}, {3, 4}}),
                Tensor.of(new float[][] {{1, 0}, {1, 1}}));
        // per sample: mean(v * w) = 0.5, 3.5; weights mean(w) = 0.5, 1
        assertEquals((0.5 + 3.5) / 1.5, mae.result(), 1e-7);
    }
}
