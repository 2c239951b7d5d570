package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.Input;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaximumMinimumTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(Maximum::new).inputShape(2, 3, 4).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).gradCheck().run();
        LayerTestCase.of(Minimum::new).inputShape(2, 4).inputShape(2, 4).inputShape(2, 4).expectedOutputShape(2, 4).gradCheck().run();
    }

    @Test
    void pytorchParity() {
        Maximum max = new Maximum();
        Minimum min = new Minimum();
        Fixture.load("core/maximum.json").checkForwardAndGradients(xs -> max.applyEager(xs, false).get(0), List.of("a", "b", "c"), Map.of());
        Fixture.load("core/minimum.json").checkForwardAndGradients(xs -> min.applyEager(xs, false).get(0), List.of("a", "b", "c"), Map.of());
    }

    @Test
    void elementwiseWithBroadcasting() {
        Tensor a = Tensor.of(new float[][] {{1, 5}, {-2, 0}}), b = Tensor.of(new float[][] {{3, 2}});
        assertArrayEquals(new float[] {3, 5, 3, 2}, new Maximum().applyEager(List.of(a, b), false).get(0).toFloatArray());
        assertArrayEquals(new float[] {1, 2, -2, 0}, new Minimum().applyEager(List.of(a, b), false).get(0).toFloatArray());
        assertEquals(Shape.of(Shape.NONE, 3, 4), new Maximum().apply(List.of(Input.of(3, 4), Input.of(1, 4))).shape());
    }

    @Test
    void needsTwoInputsWithCompatibleShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Maximum().apply(Input.of(3)));
        assertTrue(e.getMessage().contains("should be called on a list of at least 2 inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Minimum().apply(List.of(Input.of(3), Input.of(4))));
        assertTrue(e.getMessage().contains("inputs have incompatible shapes"), e.getMessage());
    }
}
