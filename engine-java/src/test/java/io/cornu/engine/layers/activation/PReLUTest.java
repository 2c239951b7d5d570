package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Input;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
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

class PReLUTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(PReLU::new).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).expectedWeights("alpha").expectedTrainableWeights(1)
                .supportsMasking(true).gradCheck().run();
        LayerTestCase.of(() -> new PReLU(1, 2)).inputShape(2, 3, 3, 4).expectedOutputShape(2, 3, 3, 4).expectedWeights("alpha").run();
    }

    @Test
    void alphaHasTheSampleShapeExceptSharedAxes() {
        PReLU full = new PReLU();
        full.apply(Input.of(5, 4));
        assertEquals(Shape.of(5, 4), full.alpha().shape());
        PReLU perChannel = new PReLU(1, 2);
        perChannel.apply(Input.of(Shape.NONE, Shape.NONE, 8));
        assertEquals(Shape.of(1, 1, 8), perChannel.alpha().shape());
        assertArrayEquals(new float[8], perChannel.alpha().toFloatArray(), "alpha starts at zero: a plain relu");
    }

    @Test
    void pytorchParity() {
        Fixture f = Fixture.load("core/prelu.json");
        PReLU p = new PReLU();
        p.apply(f.tensor("inputs", "x"));
        p.setWeights(List.of(f.tensor("weights", "alpha")));
        f.checkForwardAndGradients(xs -> p.apply(xs.get(0)), List.of("x"), Fixture.weights("alpha", p.alpha()));

        Fixture s = Fixture.load("core/prelu_shared.json");
        PReLU shared = new PReLU(1);
        shared.apply(s.tensor("inputs", "x"));
        shared.setWeights(List.of(s.tensor("weights", "alpha")));
        s.checkForwardAndGradients(xs -> shared.apply(xs.get(0)), List.of("x"), Fixture.weights("alpha", shared.alpha()));
    }

    @Test
    void unknownUnsharedDimensionsAndWrongInputsAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PReLU().apply(Input.of(Shape.NONE, 4)));
        assertTrue(e.getMessage().contains("must be defined to create `alpha`, or listed in `shared_axes`"), e.getMessage());
        PReLU p = new PReLU(null, null, "prelu_x");
        p.apply(Input.of(3, 4));
        e = assertThrows(IllegalArgumentException.class, () -> p.apply(Input.of(3, 5)));
        assertEquals("Input 0 of layer \"prelu_x\" is incompatible with the layer: expected axis 2 of input shape to have value 4, "
                + "but received input with shape (None, 3, 5)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PReLU(0));
    }

    @Test
    void configHasKerasKeys() {
        var c = new PReLU(1, 2).getConfig();
        assertEquals(java.util.Map.of("class_name", "Zeros", "config", java.util.Map.of()), c.get("alpha_initializer"), "Keras' nested form");
        assertEquals(List.of(1, 2), c.get("shared_axes"));
        assertEquals(null, new PReLU().getConfig().get("shared_axes"));
        Tensor y = new PReLU().apply(Tensor.of(new float[][] {{-1, 2}}));
        assertArrayEquals(new float[] {0, 2}, y.toFloatArray(), 0f);
    }
}
