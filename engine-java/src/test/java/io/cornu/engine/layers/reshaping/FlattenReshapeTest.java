package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Input;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Flatten, Reshape, Permute and RepeatVector. */
class FlattenReshapeTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCases() {
        LayerTestCase.of(Flatten::new).inputShape(2, 3, 4).expectedOutputShape(2, 12).supportsMasking(false).gradCheck().run();
        LayerTestCase.of(Flatten::new).inputShape(3).expectedOutputShape(3, 1).training(false).run();
        LayerTestCase.of(() -> new Reshape(-1, 4)).inputShape(2, 12).expectedOutputShape(2, 3, 4).gradCheck().run();
        LayerTestCase.of(() -> new Permute(2, 1)).inputShape(2, 3, 4).expectedOutputShape(2, 4, 3).gradCheck().run();
        LayerTestCase.of(() -> new RepeatVector(3)).inputShape(2, 4).expectedOutputShape(2, 3, 4).gradCheck().run();
    }

    @Test
    void flattenKeepsTheBatchAxis() {
        Tensor x = GradCheck.random(1, 2, 3, 4);
        Tensor y = new Flatten().apply(x);
        assertArrayEquals(new int[] {2, 12}, y.dims());
        assertArrayEquals(x.toFloatArray(), y.toFloatArray());
        assertEquals(Shape.of(Shape.NONE, 784), new Flatten().apply(Input.of(28, 28, 1)).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE), new Flatten().apply(Input.of(Shape.NONE, 8)).shape());
        assertEquals(Shape.of(Shape.NONE, 1), new Flatten().computeOutputShape(Shape.of(Shape.NONE)));
    }

    @Test
    void reshapeResolvesMinusOneAsKeras() {
        assertEquals(Shape.of(Shape.NONE, 3, 4), new Reshape(-1, 4).apply(Input.of(12)).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 4), new Reshape(-1, 4).apply(Input.of(Shape.NONE, 4)).shape());
        Tensor y = new Reshape(2, -1).apply(Tensor.arange(0, 12, 1).reshape(2, 6));
        assertArrayEquals(new int[] {2, 2, 3}, y.dims());
        assertArrayEquals(Tensor.arange(0, 12, 1).toFloatArray(), y.toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reshape(5, 2).apply(Input.of(12)));
        assertEquals("The total size of the tensor must be unchanged. Received: input_shape=(12,), target_shape=(5, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, 5).apply(Input.of(12)));
        assertEquals("The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in "
                + "target_shape. Received: input_shape=(12,), target_shape=(-1, 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1));
        assertEquals("There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=(-1, -1).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(-2, 3));
        assertEquals("Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single unknown dimension. "
                + "Received: target_shape=(-2, 3).", e.getMessage());
        assertEquals(List.of(-1, 4), new Reshape(-1, 4).getConfig().get("target_shape"));
    }

    @Test
    void permuteCountsAxesFromOne() {
        Tensor x = GradCheck.random(7, 2, 3, 4, 5);
        Tensor y = new Permute(3, 1, 2).apply(x);
        assertArrayEquals(new int[] {2, 5, 3, 4}, y.dims());
        for (int b = 0; b < 2; b++) for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 5; k++) {
            assertEquals(x.get(b, i, j, k), y.get(b, k, i, j));
        }
        assertEquals(Shape.of(Shape.NONE, 64, 10), new Permute(2, 1).apply(Input.of(10, 64)).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Permute(0, 1));
        assertEquals("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. "
                + "Received dims=(0, 1)", e.getMessage());
        Permute p = new Permute(new int[] {2, 1}, "perm");
        e = assertThrows(IllegalArgumentException.class, () -> p.apply(Input.of(4)));
        assertEquals("Input 0 of layer \"perm\" is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (None, 4)", e.getMessage());
        assertEquals(List.of(2, 1), p.getConfig().get("dims"));
    }

    @Test
    void repeatVectorCopiesEachSample() {
        Tensor y = new RepeatVector(3).apply(Tensor.of(new float[][] {{1, 2}, {3, 4}}));
        assertArrayEquals(new int[] {2, 3, 2}, y.dims());
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, y.toFloatArray());
        assertEquals(Shape.of(Shape.NONE, 5, 8), new RepeatVector(5).apply(Input.of(8)).shape());
        assertEquals("Argument `n` should be a positive integer. Received: n=0",
                assertThrows(IllegalArgumentException.class, () -> new RepeatVector(0)).getMessage());
        assertEquals(3, new RepeatVector(3).getConfig().get("n"));
    }
}
