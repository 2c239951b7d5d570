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

class DotTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new Dot(1)).inputShape(2, 4).inputShape(2, 4).expectedOutputShape(2, 1).supportsMasking(true).gradCheck().run();
        LayerTestCase.of(() -> new Dot(new int[] {2, 2}, true, null)).inputShape(2, 3, 4).inputShape(2, 5, 4).expectedOutputShape(2, 3, 5)
                .gradCheck().run();
        LayerTestCase.of(() -> new Dot(new int[] {1, 2}, false, null)).inputShape(2, 3, 4).inputShape(2, 5, 3).expectedOutputShape(2, 4, 5).run();
    }

    private static void parity(String file, Dot dot) {
        Fixture.load("core/" + file + ".json").checkForwardAndGradients(xs -> dot.applyEager(xs, false).get(0), List.of("a", "b"), Map.of());
    }

    @Test
    void pytorchParity() {
        parity("dot", new Dot(1));
        parity("dot_normalize", new Dot(1, true));
        parity("dot_3d", new Dot(new int[] {2, 2}, false, null));
        parity("dot_3d_axis1", new Dot(1));
        parity("dot_mixed_rank", new Dot(new int[] {1, 1}, false, null));
    }

    @Test
    void cosineSimilarityOfVectors() {
        Tensor a = Tensor.of(new float[][] {{3, 4}, {1, 0}}), b = Tensor.of(new float[][] {{6, 8}, {0, 2}});
        assertArrayEquals(new float[] {50, 0}, new Dot(-1).applyEager(List.of(a, b), false).get(0).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {1, 0}, new Dot(-1, true).applyEager(List.of(a, b), false).get(0).toFloatArray(), 1e-6f);
    }

    @Test
    void shapesAsKeras() {
        assertEquals(Shape.of(Shape.NONE, 1), new Dot(-1).apply(List.of(Input.of(4), Input.of(4))).shape());
        assertEquals(Shape.of(Shape.NONE, 3, 5), new Dot(new int[] {2, 2}, false, null).apply(List.of(Input.of(3, 4), Input.of(5, 4))).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, Shape.NONE), new Dot(2).apply(List.of(Input.of(Shape.NONE, 4), Input.of(Shape.NONE, 4))).shape());
    }

    @Test
    void kerasErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dot(new int[] {1, 2, 3}, false, null));
        assertEquals("Invalid format for argument `axes`: it should contain two elements. Received: axes=[1, 2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dot(1).apply(List.of(Input.of(3), Input.of(4))));
        assertEquals("Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1). Full input shapes: (None, 3), (None, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dot(1).apply(List.of(Input.of(3), Input.of(3), Input.of(3))));
        assertEquals("A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=[(None, 3), (None, 3), (None, 3)]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dot(0).apply(List.of(Input.of(3), Input.of(3))));
        assertEquals("Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension to your inputs "
                + "using keras.ops.expand_dims(x, 0)", e.getMessage());
    }

    @Test
    void configAxesIntOrPair() {
        var c = new Dot(1, true).getConfig();
        assertEquals(1, c.get("axes"));
        assertEquals(true, c.get("normalize"));
        assertEquals(List.of(1, 2), new Dot(new int[] {1, 2}, false, null).getConfig().get("axes"));
    }
}
