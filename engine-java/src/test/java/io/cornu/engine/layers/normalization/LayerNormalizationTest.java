package io.cornu.engine.layers.normalization;

import io.cornu.engine.layers.Input;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerNormalizationTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(LayerNormalization::new).inputShape(3, 4, 6).expectedOutputShape(3, 4, 6).expectedWeights("gamma", "beta")
                .expectedTrainableWeights(2).supportsMasking(true).gradCheck(2e-2).run();
        LayerTestCase.of(() -> new LayerNormalization(new int[] {1, 2}, 1e-3f, true, true, false, null, null, null)).inputShape(2, 3, 4)
                .expectedOutputShape(2, 3, 4).expectedWeights("gamma", "beta").run();
        LayerTestCase.of(() -> new LayerNormalization(new int[] {-1}, 1e-3f, true, true, true, null, null, null)).inputShape(2, 5)
                .expectedOutputShape(2, 5).expectedWeights("gamma").run();
    }

    @Test
    void pytorchParity() {
        Fixture f = Fixture.load("core/layer_normalization.json");
        LayerNormalization ln = new LayerNormalization();
        ln.apply(f.tensor("inputs", "x"));
        ln.setWeights(List.of(f.tensor("weights", "gamma"), f.tensor("weights", "beta")));
        f.checkForwardAndGradients(xs -> ln.apply(xs.get(0)), List.of("x"), Fixture.weights("gamma", ln.gamma(), "beta", ln.beta()));

        Fixture f12 = Fixture.load("core/layer_normalization_axes12.json");
        LayerNormalization ln12 = new LayerNormalization(new int[] {1, 2}, 1e-3f, true, true, false, null, null, null);
        ln12.apply(f12.tensor("inputs", "x"));
        assertEquals(Shape.of(4, 6), ln12.gamma().shape());
        ln12.setWeights(List.of(f12.tensor("weights", "gamma"), f12.tensor("weights", "beta")));
        f12.checkForwardAndGradients(xs -> ln12.apply(xs.get(0)), List.of("x"), Fixture.weights("gamma", ln12.gamma(), "beta", ln12.beta()));

        Fixture rms = Fixture.load("core/layer_normalization_rms.json");
        LayerNormalization lnRms = new LayerNormalization(new int[] {-1}, 1e-3f, true, true, true, null, null, null);
        lnRms.apply(rms.tensor("inputs", "x"));
        lnRms.setWeights(List.of(rms.tensor("weights", "gamma")));
        rms.checkForwardAndGradients(xs -> lnRms.apply(xs.get(0)), List.of("x"), Fixture.weights("gamma", lnRms.gamma()));
    }

    @Test
    void trainingAndInferenceAgreeAndSamplesAreIndependent() {
        LayerNormalization ln = new LayerNormalization();
        Tensor x = GradCheck.random(4, 3, 8);
        assertArrayEquals(ln.apply(x, true).toFloatArray(), ln.apply(x, false).toFloatArray());
        Tensor first = ln.apply(x.slice(0, 0, 1));
        assertArrayEquals(first.toFloatArray(), ln.apply(x).slice(0, 0, 1).toFloatArray(), 1e-6f);
    }

    @Test
    void kerasErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerNormalization(3, 1e-3f, true, true, null).apply(Input.of(4)));
        assertTrue(e.getMessage().contains("axis 3 is out of bounds for input shape (None, 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerNormalization().apply(Input.of(Shape.NONE)));
        var c = new LayerNormalization().getConfig();
        assertEquals(-1, c.get("axis"));
        assertEquals(1e-3f, c.get("epsilon"));
        assertEquals(false, c.get("rms_scaling"));
        assertEquals(List.of(1, 2), new LayerNormalization(new int[] {1, 2}, 1e-3f, true, true, false, null, null, null).getConfig().get("axis"));
    }
}
