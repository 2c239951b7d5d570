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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** AveragePooling1D and AveragePooling2D, as Keras' {@code average_pooling_test.py}. */
class AveragePoolingTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(AveragePooling2D::new).inputShape(2, 7, 6, 3).expectedOutputShape(2, 3, 3, 3).gradCheck().run();
        LayerTestCase.of(() -> new AveragePooling2D(new int[] {3}, new int[] {2}, "same", null)).inputShape(2, 7, 6, 3)
                .expectedOutputShape(2, 4, 3, 3).gradCheck().run();
        LayerTestCase.of(() -> new AveragePooling1D(3, 2, "same", null)).inputShape(2, 8, 4).expectedOutputShape(2, 4, 4).gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("average_pooling2d", new AveragePooling2D(2));
        ConvParity.check("average_pooling2d_same_3_2", new AveragePooling2D(new int[] {3}, new int[] {2}, "same", null));
        ConvParity.check("average_pooling1d_same", new AveragePooling1D(3, 2, "same", null));
        ConvParity.check("average_pooling1d", new AveragePooling1D(2));
    }

    @Test
    void paddingIsNotCountedInTheMean() {
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5}, 1, 5, 1);
        // pool 2, stride 2, "same": windows [1, 2], [3, 4], [5, pad] -> 1.5, 3.5, 5 (not 2.5)
        assertArrayEquals(new float[] {1.5f, 3.5f, 5f}, new AveragePooling1D(2, null, "same", null).apply(x).toFloatArray());
        assertArrayEquals(new float[] {1.5f, 3.5f}, new AveragePooling1D(2).apply(x).toFloatArray());
    }

    @Test
    void shapesAndConfig() {
        AveragePooling2D p = new AveragePooling2D(new int[] {2, 3}, new int[] {1, 2}, "valid", null);
        assertEquals("average_pooling2d", p.name());
        assertEquals(Shape.of(NONE, 9, NONE, 5), p.apply(Input.of(10, NONE, 5)).shape());
        assertEquals("average_pooling1d", new AveragePooling1D().name());
        Map<String, Object> c = p.getConfig();
        assertEquals(List.of(2, 3), c.get("pool_size"));
        assertEquals(List.of(1, 2), c.get("strides"));
        assertEquals(c, LayerRegistry.fromConfig("AveragePooling2D", c).getConfig());
    }
}
