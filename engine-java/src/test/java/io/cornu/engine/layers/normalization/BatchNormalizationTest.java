package io.cornu.engine.layers.normalization;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormalizationTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(BatchNormalization::new).inputShape(4, 3, 5).expectedOutputShape(4, 3, 5)
                .expectedWeights("gamma", "beta", "moving_mean", "moving_variance").expectedTrainableWeights(2).expectedNonTrainableWeights(2)
                .supportsMasking(true).gradCheck(2e-2).gradCheckTraining(true).run();
        LayerTestCase.of(() -> new BatchNormalization(1, 0.9f, 1e-3f, false, true, null)).inputShape(4, 3, 5).expectedOutputShape(4, 3, 5)
                .expectedWeights("gamma", "moving_mean", "moving_variance").run();
        LayerTestCase.of(() -> new BatchNormalization(-1, 0.99f, 1e-3f, false, false, null)).inputShape(6, 2).expectedOutputShape(6, 2)
                .expectedWeights("moving_mean", "moving_variance").expectedTrainableWeights(0).expectedNonTrainableWeights(2).run();
    }

    /** A BN built for the fixture's input with the fixture's weights, in Keras' order. */
    private static BatchNormalization fromFixture(Fixture f, BatchNormalization bn) {
        bn.apply(f.tensor("inputs", "x"));
        List<Tensor> weights = new java.util.ArrayList<>();
        for (String n : List.of("gamma", "beta", "moving_mean", "moving_variance")) if (f.has("weights", n)) weights.add(f.tensor("weights", n));
        if (!f.has("weights", "moving_mean")) {
            weights.add(Tensor.zeros(bn.movingMean().dims()));
            weights.add(Tensor.ones(bn.movingVariance().dims()));
        }
        bn.setWeights(weights);
        return bn;
    }

    @Test
    void trainingMatchesPytorchAndUpdatesMovingStatsAsKeras() {
        Fixture f = Fixture.load("core/batch_normalization_train.json");
        BatchNormalization bn = fromFixture(f, new BatchNormalization(-1, 0.9f, 1e-3f, true, true, null));
        f.checkForwardAndGradients(xs -> bn.apply(xs.get(0), true), List.of("x"), Fixture.weights("gamma", bn.gamma(), "beta", bn.beta()));
        f.assertMatches("outputs", "moving_mean", bn.movingMean());
        f.assertMatches("outputs", "moving_variance", bn.movingVariance());

        Fixture f4 = Fixture.load("core/batch_normalization_train_4d.json");
        BatchNormalization bn4 = fromFixture(f4, new BatchNormalization());
        f4.checkForwardAndGradients(xs -> bn4.apply(xs.get(0), true), List.of("x"), Fixture.weights("gamma", bn4.gamma(), "beta", bn4.beta()));
        f4.assertMatches("outputs", "moving_mean", bn4.movingMean());
        f4.assertMatches("outputs", "moving_variance", bn4.movingVariance());

        Fixture plain = Fixture.load("core/batch_normalization_no_center_scale.json");
        BatchNormalization bnPlain = fromFixture(plain, new BatchNormalization(-1, 0.99f, 1e-3f, false, false, null));
        plain.checkForwardAndGradients(xs -> bnPlain.apply(xs.get(0), true), List.of("x"), Fixture.weights());
        plain.assertMatches("outputs", "moving_mean", bnPlain.movingMean());
        plain.assertMatches("outputs", "moving_variance", bnPlain.movingVariance());
    }

    @Test
    void inferenceUsesMovingStatsAndLeavesThemAlone() {
        Fixture f = Fixture.load("core/batch_normalization_infer.json");
        BatchNormalization bn = fromFixture(f, new BatchNormalization());
        f.checkForwardAndGradients(xs -> bn.apply(xs.get(0), false), List.of("x"), Fixture.weights("gamma", bn.gamma(), "beta", bn.beta()));
        assertArrayEquals(f.tensor("weights", "moving_mean").toFloatArray(), bn.movingMean().toFloatArray());
        assertArrayEquals(f.tensor("weights", "moving_variance").toFloatArray(), bn.movingVariance().toFloatArray());
    }

    @Test
    void frozenLayerRunsInInferenceModeEvenWhenTraining() {
        Fixture f = Fixture.load("core/batch_normalization_infer.json");
        BatchNormalization bn = fromFixture(f, new BatchNormalization());
        bn.setTrainable(false);
        assertEquals(0, bn.trainableWeights().size());
        assertEquals(4, bn.nonTrainableWeights().size());
        f.checkForwardAndGradients(xs -> bn.apply(xs.get(0), true), List.of("x"), Fixture.weights("gamma", bn.gamma(), "beta", bn.beta()));
        assertArrayEquals(f.tensor("weights", "moving_mean").toFloatArray(), bn.movingMean().toFloatArray(), "frozen: no state update");
        assertArrayEquals(f.tensor("weights", "moving_variance").toFloatArray(), bn.movingVariance().toFloatArray());
    }

    @Test
    void trainingAndInferenceDiffer() {
        BatchNormalization bn = new BatchNormalization();
        Tensor x = Ops.add(Ops.mul(GradCheck.random(3, 8, 4), 3f), 5f);
        Tensor train = bn.apply(x, true);
        // batch statistics: each channel of the output has mean 0 and variance var / (var + eps)
        float[] mean = Ops.mean(train, 0).toFloatArray();
        for (float m : mean) assertEquals(0f, m, 1e-5f);
        Tensor infer = bn.apply(x, false);
        assertFalse(java.util.Arrays.equals(train.toFloatArray(), infer.toFloatArray()));
        // moving stats after one step: 0.99 * init + 0.01 * batch
        float[] batchMean = Ops.mean(x, 0).toFloatArray();
        for (int c = 0; c < 4; c++) assertEquals(0.01f * batchMean[c], bn.movingMean().toFloatArray()[c], 1e-5f);
    }

    @Test
    void movingStatsConvergeToTheBatchStats() {
        BatchNormalization bn = new BatchNormalization(-1, 0.5f, 1e-3f, true, true, null);
        Tensor x = Ops.add(Ops.mul(GradCheck.random(5, 16, 3), 2f), -1f);
        for (int i = 0; i < 40; i++) bn.apply(x, true);
        assertArrayEquals(Ops.mean(x, 0).toFloatArray(), bn.movingMean().toFloatArray(), 1e-5f);
        assertArrayEquals(Ops.variance(x, 0).toFloatArray(), bn.movingVariance().toFloatArray(), 1e-4f);
        // then inference normalizes like training did
        LayerTestCase.assertClose(bn.apply(x, true), bn.apply(x, false), 1e-4, "inference after convergence");
    }

    @Test
    void fitUpdatesMovingStatsAndFrozenLayersStayPut() {
        KerasTensor in = Input.of(4);
        BatchNormalization bn = new BatchNormalization();
        Functional m = new Functional(in, new Dense(2).apply(bn.apply(in)));
        m.compile(Optimizer.get("sgd"), Loss.of("mse", (t, p) -> Ops.mean(Ops.square(Ops.sub(p, t)), -1)), List.of());
        Tensor x = Ops.add(GradCheck.random(1, 8, 4), 2f), y = GradCheck.random(2, 8, 2);
        m.trainOnBatch(x, y);
        assertTrue(bn.movingMean().toFloatArray()[0] != 0f, "training step updates the moving mean");
        float[] gammaBefore = bn.gamma().toFloatArray(), meanBefore = bn.movingMean().toFloatArray();
        bn.setTrainable(false);
        m.compile(Optimizer.get("sgd"), Loss.of("mse", (t, p) -> Ops.mean(Ops.square(Ops.sub(p, t)), -1)), List.of());
        m.trainOnBatch(x, y);
        assertArrayEquals(gammaBefore, bn.gamma().toFloatArray(), "frozen gamma");
        assertArrayEquals(meanBefore, bn.movingMean().toFloatArray(), "frozen moving mean");
        assertEquals(4 + 4 + 4 + 4 + 4 * 2 + 2, m.countParams());
        String summary = m.summaryText();
        assertTrue(summary.contains("batch_normalization (Batch"), summary);
        assertTrue(summary.contains("Non-trainable params: 16"), summary); // frozen gamma/beta plus the moving stats
        bn.setTrainable(true);
        assertTrue(m.summaryText().contains("Non-trainable params: 8"), m.summaryText());
    }

    @Test
    void maskedStepsAreLeftOutOfTheBatchStatistics() {
        Tensor x = Tensor.of(new float[][][] {{{1, 10}, {3, 20}, {100, -100}}, {{5, 30}, {-50, 50}, {-7, 7}}});
        x.setKerasMask(Tensor.of(new float[][] {{1, 1, 0}, {1, 0, 0}}));
        BatchNormalization bn = new BatchNormalization(-1, 0f, 1e-3f, true, true, null);
        Tensor y = bn.apply(x, true);
        // unmasked steps: channel 0 {1, 3, 5} (mean 3, var 8/3), channel 1 {10, 20, 30} (mean 20, var 200/3)
        assertArrayEquals(new float[] {3f, 20f}, bn.movingMean().toFloatArray(), 1e-4f);
        assertArrayEquals(new float[] {8f / 3, 200f / 3}, bn.movingVariance().toFloatArray(), 1e-3f);
        assertEquals((1 - 3) / (float) Math.sqrt(8.0 / 3 + 1e-3), y.get(0, 0, 0), 1e-5f);
        assertArrayEquals(new float[] {1, 1, 0, 1, 0, 0}, y.kerasMask().toFloatArray());
        Tensor bad = Tensor.ones(2, 3, 2);
        bad.setKerasMask(Tensor.ones(2, 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().apply(bad, true));
        assertTrue(e.getMessage().startsWith("The mask provided should be one dimension less than the inputs."), e.getMessage());
    }

    @Test
    void kerasErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().apply(Input.of(Shape.NONE)));
        assertEquals("Axis -1 of input tensor should have a defined dimension but the layer received an input with shape (None, None).", e.getMessage());
        BatchNormalization bn = new BatchNormalization(-1, 0.99f, 1e-3f, true, true, "bn");
        bn.apply(Input.of(8));
        e = assertThrows(IllegalArgumentException.class, () -> bn.apply(Input.of(6)));
        assertEquals("Input 0 of layer \"bn\" is incompatible with the layer: expected axis 1 of input shape to have value 8, but received input with shape (None, 6)",
                e.getMessage());
        var c = new BatchNormalization().getConfig();
        assertEquals(-1, c.get("axis"));
        assertEquals(0.99f, c.get("momentum"));
        assertEquals(1e-3f, c.get("epsilon"));
        assertEquals(java.util.Map.of("class_name", "Ones", "config", java.util.Map.of()), c.get("gamma_initializer"));
        assertEquals(java.util.Map.of("class_name", "Ones", "config", java.util.Map.of()), c.get("moving_variance_initializer"));
    }
}
