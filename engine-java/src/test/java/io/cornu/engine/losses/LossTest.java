package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Loss base: the sum_over_batch_size reduction with sample weights, the registry, custom losses. */
class LossTest {
    private static final Tensor T = Tensor.of(new float[][] {{1, 2}, {0, 1}, {3, 3}, {-1, 0}});
    private static final Tensor P = Tensor.of(new float[][] {{1.5f, 2}, {1, 1}, {3, 1}, {0, 0}});
    // per-sample MSE: 0.125, 0.5, 2, 0.5
    private static final double[] PER_SAMPLE = {0.125, 0.5, 2, 0.5};

    @Test
    void sumOverBatchSizeDividesByTheNumberOfValues() {
        Loss mse = new MeanSquaredError();
        assertArrayEquals(new float[] {0.125f, 0.5f, 2f, 0.5f}, mse.call(T, P).toFloatArray(), 1e-6f);
        assertEquals((0.125 + 0.5 + 2 + 0.5) / 4, mse.apply(T, P).item(), 1e-6);
        float[] w = {1, 2, 0, 0.5f};
        double expected = 0;
        for (int i = 0; i < 4; i++) expected += PER_SAMPLE[i] * w[i];
        expected /= 4;   // not by the sum of the weights (2.5)
        assertEquals(expected, mse.apply(T, P, Tensor.of(w)).item(), 1e-6);
        assertEquals(expected, mse.apply(T, P, Tensor.of(new float[][] {{1}, {2}, {0}, {0.5f}})).item(), 1e-6, "weights (batch, 1)");
        assertEquals(expected, mse.apply(T, P, Tensor.ofInts(2, 4, 0, 1)).item() / 2, 1e-6, "integer weights");
        assertEquals(2 * (0.125 + 0.5 + 2 + 0.5) / 4, mse.apply(T, P, Tensor.scalar(2)).item(), 1e-6, "a single weight");
        // rank-1 inputs give one value for the batch (Keras' mean over the last axis); weights then scale it by their mean
        Tensor t1 = Tensor.of(new float[] {1, 0, 1}), p1 = Tensor.of(new float[] {0.9f, 0.1f, 0.8f});
        assertEquals(0.02 * (1 + 2 + 0) / 3, mse.apply(t1, p1, Tensor.of(new float[] {1, 2, 0})).item(), 1e-6);
    }

    @Test
    void weightsBroadcastOverTimestepsOrMatchTheValues() {
        // per-timestep losses (batch 2, time 3)
        Loss perStep = Loss.of("squared", (t, p) -> Ops.square(Ops.sub(p, t)));
        Tensor t = Tensor.zeros(2, 3);
        Tensor p = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        double byRow = (1 * (1 + 4 + 9) + 0.5 * (16 + 25 + 36)) / 6.0;
        assertEquals(byRow, perStep.apply(t, p, Tensor.of(new float[] {1, 0.5f})).item(), 1e-5);
        Tensor temporal = Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 2}});
        assertEquals((1 + 2 * 36) / 6.0, perStep.apply(t, p, temporal).item(), 1e-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> perStep.apply(t, p, Tensor.of(new float[] {1, 2, 3})));
        assertEquals("Loss \"squared\": sample_weight must have shape (batch,) = (2,) or the shape of the per-sample losses (2, 3). "
                + "Received: sample_weight.shape=(3,)", e.getMessage());
    }

    @Test
    void getKnowsKerasNamesAndAliases() {
        assertInstanceOf(MeanSquaredError.class, Loss.get("mse"));
        assertInstanceOf(MeanSquaredError.class, Loss.get("MSE"));
        assertInstanceOf(MeanSquaredError.class, Loss.get("mean_squared_error"));
        assertInstanceOf(MeanSquaredError.class, Loss.get("MeanSquaredError"));
        assertInstanceOf(MeanAbsoluteError.class, Loss.get("mae"));
        assertInstanceOf(MeanAbsolutePercentageError.class, Loss.get("mape"));
        assertInstanceOf(MeanSquaredLogarithmicError.class, Loss.get("msle"));
        assertInstanceOf(Huber.class, Loss.get("huber"));
        assertInstanceOf(LogCosh.class, Loss.get("log_cosh"));
        assertInstanceOf(BinaryCrossentropy.class, Loss.get("binary_crossentropy"));
        assertInstanceOf(BinaryCrossentropy.class, Loss.get("bce"));
        assertInstanceOf(CategoricalCrossentropy.class, Loss.get("categorical_crossentropy"));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Loss.get("sparse_categorical_crossentropy"));
        assertInstanceOf(KLDivergence.class, Loss.get("kld"));
        assertInstanceOf(KLDivergence.class, Loss.get("kl_divergence"));
        assertInstanceOf(Poisson.class, Loss.get("poisson"));
        assertInstanceOf(CosineSimilarity.class, Loss.get("cosine_similarity"));
        assertInstanceOf(Hinge.class, Loss.get("hinge"));
        assertInstanceOf(SquaredHinge.class, Loss.get("squared_hinge"));
        // Keras' instance names
        assertEquals("mean_squared_error", Loss.get("mse").name());
        assertEquals("huber_loss", new Huber().name());
        assertEquals("log_cosh", new LogCosh().name());
        assertEquals("kl_divergence", new KLDivergence().name());
        // a fresh instance each time
        assertTrue(Loss.get("mse") != Loss.get("mse"));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.get("mean_squared_eror"));
        assertTrue(e.getMessage().startsWith("Could not interpret loss identifier: mean_squared_eror. Known: "), e.getMessage());
        for (String n : List.of("mse", "mae", "binary_crossentropy", "sparse_categorical_crossentropy", "huber", "squared_hinge")) {
            assertTrue(e.getMessage().contains(n), n);
        }
    }

    @Test
    void customLossFromAFunction() {
        Loss quartic = Loss.of("quartic", (t, p) -> Ops.mean(Ops.square(Ops.square(Ops.sub(p, t))), -1));
        assertEquals("quartic", quartic.name());
        assertEquals("Loss(quartic)", quartic.toString());
        double expected = 0;
        float[][] t = T.toFloatMatrix(), p = P.toFloatMatrix();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) expected += Math.pow(p[i][j] - t[i][j], 4) / 2;
        assertEquals(expected / 4, quartic.apply(T, P).item(), 1e-6);
    }

    @Test
    void squeezeOrExpandToSameRank() {
        Tensor[] a = Loss.squeezeOrExpandToSameRank(Tensor.zeros(4), Tensor.zeros(4, 1));
        assertEquals(List.of(4, 1), List.of(a[0].dim(0), a[0].dim(1)));
        Tensor[] b = Loss.squeezeOrExpandToSameRank(Tensor.zeros(2, 3, 1), Tensor.zeros(2, 3));
        assertArrayEquals(new int[] {2, 3}, b[0].dims());
        Tensor[] c = Loss.squeezeOrExpandToSameRank(Tensor.zeros(2, 3), Tensor.zeros(2, 4));
        assertArrayEquals(new int[] {2, 3}, c[0].dims());
        assertArrayEquals(new int[] {2, 4}, c[1].dims());
    }
}
