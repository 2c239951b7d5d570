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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConcatenateTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(Concatenate::new).inputShape(2, 3, 4).inputShape(2, 3, 5).expectedOutputShape(2, 3, 9).supportsMasking(true).gradCheck().run();
        LayerTestCase.of(() -> new Concatenate(1)).inputShape(2, 3, 4).inputShape(2, 5, 4).expectedOutputShape(2, 8, 4).run();
    }

    @Test
    void pytorchParity() {
        Concatenate c = new Concatenate(1);
        Fixture.load("core/concatenate_axis1.json").checkForwardAndGradients(xs -> c.applyEager(xs, false).get(0), List.of("a", "b"), Map.of());
    }

    @Test
    void shapesKeepNoneAndMismatchesAreKerasErrors() {
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 12), new Concatenate().apply(List.of(Input.of(Shape.NONE, 4), Input.of(Shape.NONE, 8))).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 4), new Concatenate(1).apply(List.of(Input.of(Shape.NONE, 4), Input.of(3, 4))).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Concatenate().apply(List.of(Input.of(3, 4), Input.of(5, 4))));
        assertEquals("A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
                + "Received: input_shape=[(None, 3, 4), (None, 5, 4)]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Concatenate().apply(List.of(Input.of(3, 4), Input.of(4))));
        assertEquals("A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
                + "Received: input_shape=[(None, 3, 4), (None, 4)]", e.getMessage());
    }

    @Test
    void masksAreCombinedAsKeras() {
        Tensor a = Tensor.ones(2, 3, 2), b = Tensor.ones(2, 3, 1);
        a.setKerasMask(Tensor.of(new float[][] {{1, 1, 0}, {1, 0, 0}}));
        // along features: an unmasked input counts as all ones, so every step is kept
        Tensor y = new Concatenate().applyEager(List.of(a, b), false).get(0);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, y.kerasMask().toFloatArray());
        b.setKerasMask(Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}}));
        y = new Concatenate().applyEager(List.of(a, b), false).get(0);
        assertArrayEquals(new float[] {1, 1, 0, 1, 0, 1}, y.kerasMask().toFloatArray(), "any over the masks");
        // along time: the masks are joined
        Tensor c = Tensor.ones(2, 2, 1);
        Tensor z = new Concatenate(1).applyEager(List.of(b, c), false).get(0);
        assertArrayEquals(new float[] {0, 1, 0, 1, 1, 0, 0, 1, 1, 1}, z.kerasMask().toFloatArray());
        assertNull(new Concatenate().applyEager(List.of(Tensor.ones(1, 2), Tensor.ones(1, 2)), false).get(0).kerasMask());
    }

    @Test
    void configHasAxis() {
        assertEquals(-1, new Concatenate().getConfig().get("axis"));
        assertEquals(1, new Concatenate(1).getConfig().get("axis"));
    }
}
