package io.cornu.engine.layers.conv;

import io.cornu.engine.layers.Input;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SeparableConv1D and SeparableConv2D, as Keras' {@code separable_conv_test.py}. */
class SeparableConvTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(13);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new SeparableConv2D(5, 3)).inputShape(2, 6, 5, 3).expectedOutputShape(2, 4, 3, 5)
                .expectedWeights("depthwise_kernel", "pointwise_kernel", "bias").gradCheck().run();
        LayerTestCase.of(() -> new SeparableConv2D(4, new int[] {2, 3}, new int[] {2}, "same", null, 2, null, false, null, null, null, null))
                .inputShape(2, 5, 6, 2).expectedOutputShape(2, 3, 3, 4).expectedWeights("depthwise_kernel", "pointwise_kernel").run();
        LayerTestCase.of(() -> new SeparableConv1D(4, 3, 1, "same", 2, 2, null, true, null, null, null, null)).inputShape(2, 8, 3)
                .expectedOutputShape(2, 8, 4).expectedWeights("depthwise_kernel", "pointwise_kernel", "bias").gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("separable_conv2d", new SeparableConv2D(4, new int[] {3}, null, "same", null, 2, null, true, null, null, null, null));
        ConvParity.check("separable_conv2d_stride2", new SeparableConv2D(3, new int[] {3}, new int[] {2}, "valid", null, 1, null, true,
                null, null, null, null));
        ConvParity.check("separable_conv1d", new SeparableConv1D(4, 3, 1, "valid", 1, 2, null, true, null, null, null, null));
    }

    @Test
    void kerasWeightsAndParamCount() {
        SeparableConv2D s = new SeparableConv2D(64, new int[] {3}, null, "same", null, 2, null, true, null, null, null, null);
        assertEquals("separable_conv2d", s.name());
        assertEquals(Shape.of(NONE, 32, NONE, 64), s.apply(Input.of(32, NONE, 16)).shape());
        assertEquals(Shape.of(3, 3, 16, 2), s.depthwiseKernel().shape());
        assertEquals(Shape.of(1, 1, 32, 64), s.pointwiseKernel().shape());
        assertEquals(Shape.of(64), s.bias().shape());
        assertEquals(3 * 3 * 16 * 2 + 32 * 64 + 64, s.countParams());
        SeparableConv1D s1 = new SeparableConv1D(8, 5);
        s1.apply(Input.of(NONE, 4));
        assertEquals(Shape.of(1, 4, 8), s1.pointwiseKernel().shape());
    }

    @Test
    void kerasArgumentErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeparableConv2D(0, 3));
        assertTrue(e.getMessage().endsWith("Received: filters=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SeparableConv1D(4, 3, 1, "causal", 1, 1, null, true, null, null, null, null));
        assertTrue(e.getMessage().contains("Received: padding=causal"), e.getMessage());
        Map<String, Object> c = new SeparableConv2D(8, 3, "relu").getConfig();
        assertEquals(1, c.get("depth_multiplier"));
        assertEquals(8, c.get("filters"));
        assertEquals(List.of(3, 3), c.get("kernel_size"));
        assertEquals(java.util.Map.of("class_name", "GlorotUniform", "config", java.util.Collections.singletonMap("seed", null)), c.get("pointwise_initializer"));
        assertEquals(c, LayerRegistry.fromConfig("SeparableConv2D", c).getConfig());
    }
}
