package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.conv.ConvParity;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MaxPooling1D and MaxPooling2D, as Keras' {@code max_pooling_test.py}. */
class MaxPoolingTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
    }

    /**
     * Distinct values at least 0.1 apart in random order: finite differences (step 1e-2) never
     * cross a tie in a window, where the max is not differentiable.
     */
    static Tensor distinct(long seed, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < n; i++) values.add((i - n / 2) * 0.1f);
        Collections.shuffle(values, new Random(seed));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = values.get(i);
        return Tensor.wrap(v, shape);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(MaxPooling2D::new).inputData(distinct(1, 2, 7, 6, 3)).expectedOutputShape(2, 3, 3, 3).gradCheck().run();
        LayerTestCase.of(() -> new MaxPooling2D(new int[] {3}, new int[] {2}, "same", null)).inputData(distinct(2, 2, 7, 6, 3))
                .expectedOutputShape(2, 4, 3, 3).gradCheck().run();
        LayerTestCase.of(() -> new MaxPooling1D(3, 1, "valid", null)).inputData(distinct(3, 2, 8, 4)).expectedOutputShape(2, 6, 4)
                .gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("max_pooling2d", new MaxPooling2D(2));
        ConvParity.check("max_pooling2d_same_3_2", new MaxPooling2D(new int[] {3}, new int[] {2}, "same", null));
        ConvParity.check("max_pooling2d_overlap", new MaxPooling2D(new int[] {3, 2}, new int[] {1}, "valid", null));
        ConvParity.check("max_pooling1d_same", new MaxPooling1D(2, null, "same", null));
    }

    @Test
    void shapesFollowKeras() {
        MaxPooling2D p = new MaxPooling2D();
        assertEquals("max_pooling2d", p.name());
        assertArrayEquals(new int[] {2, 2}, p.poolSize());
        assertArrayEquals(new int[] {2, 2}, p.strides(), "strides default to the pool size");
        assertEquals(Shape.of(NONE, 13, 13, 32), p.apply(Input.of(26, 26, 32)).shape());
        assertEquals(Shape.of(NONE, 5, NONE, 64), new MaxPooling2D(2).apply(Input.of(11, NONE, 64)).shape());
        assertEquals(Shape.of(NONE, 5, 6, 64), new MaxPooling2D(2).computeOutputShape(Shape.of(NONE, 11, 12, 64)));
        assertEquals(Shape.of(NONE, 4, 8), new MaxPooling1D(2, null, "same", null).computeOutputShape(Shape.of(NONE, 7, 8)));
        assertEquals(Shape.of(NONE, NONE, 8), new MaxPooling1D().computeOutputShape(Shape.of(NONE, NONE, 8)));
        assertEquals(0, p.weights().size());
    }

    @Test
    void takesTheMaximumOfEachWindow() {
        Tensor x = Tensor.wrap(new float[] {1, 5, 2, 0, -1, 3, 7, 4, 9, 8, -2, 6, 0, 0, 1, 1}, 1, 4, 4, 1);
        assertArrayEquals(new float[] {5, 7, 9, 6}, new MaxPooling2D(2).apply(x).toFloatArray());
        // "same" padding never wins: all-negative inputs keep their own maximum
        Tensor neg = Tensor.wrap(new float[] {-3, -1, -2}, 1, 3, 1);
        assertArrayEquals(new float[] {-1, -2}, new MaxPooling1D(2, null, "same", null).apply(neg).toFloatArray());
    }

    @Test
    void kerasErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(new int[] {2}, null, "causal", null));
        assertEquals("The `padding` argument must be one of {'valid', 'same'}. Received: padding=causal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(0));
        assertTrue(e.getMessage().startsWith("The `pool_size` argument must be a tuple of 2 integers."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(3).apply(Input.of(2, 2, 4)));
        assertEquals("Computed output size would be negative. Received: `inputs.shape=(None, 2, 2, 4)` and `pool_size=[3 3]`.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling1D().apply(Input.of(2, 2, 4)));
        assertTrue(e.getMessage().contains("expected ndim=3, found ndim=4"), e.getMessage());
        Map<String, Object> c = new MaxPooling2D(new int[] {3, 2}, null, "same", null).getConfig();
        assertEquals(List.of(3, 2), c.get("pool_size"));
        assertEquals(List.of(3, 2), c.get("strides"));
        assertEquals("same", c.get("padding"));
        assertEquals("channels_last", c.get("data_format"));
        assertEquals(c, LayerRegistry.fromConfig("MaxPooling2D", c).getConfig());
        MaxPooling1D k = (MaxPooling1D) LayerRegistry.fromConfig("MaxPooling1D", Map.of("pool_size", 3, "strides", List.of(1)));
        assertArrayEquals(new int[] {3}, k.poolSize());
        assertArrayEquals(new int[] {1}, k.strides());
    }
}
