package io.cornu.engine.layers.conv;

import io.cornu.engine.initializers.Ones;
import io.cornu.engine.layers.Input;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DepthwiseConv1D and DepthwiseConv2D, as Keras' {@code depthwise_conv_test.py}. */
class DepthwiseConvTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(12);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new DepthwiseConv2D(new int[] {3}, null, "valid", 2, null, (String) null)).inputShape(2, 5, 6, 3)
                .expectedOutputShape(2, 3, 4, 6).expectedWeights("kernel", "bias").gradCheck().run();
        LayerTestCase.of(() -> new DepthwiseConv2D(new int[] {2, 3}, new int[] {2}, "same", 1, null, "relu")).inputShape(2, 5, 6, 2)
                .expectedOutputShape(2, 3, 3, 2).expectedWeights("kernel", "bias").run();
        LayerTestCase.of(() -> new DepthwiseConv1D(3, 1, "same", 3, 2, null, false, null, null, null)).inputShape(2, 7, 2)
                .expectedOutputShape(2, 7, 6).expectedWeights("kernel").gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("depthwise_conv2d", new DepthwiseConv2D(new int[] {3}, null, "valid", 2, null, (String) null));
        ConvParity.check("depthwise_conv2d_same_stride2", new DepthwiseConv2D(new int[] {2, 3}, new int[] {2, 2}, "same", 1, null, (String) null));
        ConvParity.check("depthwise_conv1d", new DepthwiseConv1D(3, 1, "same", 2, 1, null, true, null, null, null));
    }

    @Test
    void kerasWeightsAndShapes() {
        DepthwiseConv2D d = new DepthwiseConv2D(new int[] {3}, null, "same", 4, null, (String) null);
        assertEquals("depthwise_conv2d", d.name());
        assertEquals(Shape.of(NONE, NONE, 9, 12), d.apply(Input.of(NONE, 9, 3)).shape());
        assertEquals(Shape.of(3, 3, 3, 4), d.kernel().shape(), "(kh, kw, in, depth_multiplier), named kernel as in Keras 3");
        assertEquals(Shape.of(12), d.bias().shape());
        assertEquals(3 * 3 * 3 * 4 + 12, d.countParams());
        assertEquals("depthwise_conv1d", new DepthwiseConv1D(3).name());
    }

    @Test
    void channelsAreNotMixed() {
        // ones kernel with depth multiplier 2: output channels 2c and 2c+1 are the window sums of input channel c
        DepthwiseConv2D d = new DepthwiseConv2D(new int[] {2}, null, "valid", 2, null, null, false, new Ones(), null, null);
        Tensor x = Tensor.wrap(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 1, 2, 2, 2);
        assertArrayEquals(new float[] {10, 10, 100, 100}, d.apply(x).toFloatArray());
    }

    @Test
    void kerasArgumentErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DepthwiseConv2D(new int[] {3}, null, "valid", 0, null, (String) null));
        assertEquals("Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received: depth_multiplier=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DepthwiseConv1D(3, 1, "causal", 1, 1, null, true, null, null, null));
        assertTrue(e.getMessage().contains("Received: padding=causal"), e.getMessage());
        Map<String, Object> c = new DepthwiseConv2D(new int[] {3, 2}, new int[] {2}, "same", 3, null, "relu").getConfig();
        assertEquals(3, c.get("depth_multiplier"));
        assertEquals(List.of(3, 2), c.get("kernel_size"));
        assertEquals(List.of(2, 2), c.get("strides"));
        assertEquals(java.util.Map.of("class_name", "GlorotUniform", "config", java.util.Collections.singletonMap("seed", null)), c.get("depthwise_initializer"));
        assertEquals(c, LayerRegistry.fromConfig("DepthwiseConv2D", c).getConfig());
    }
}
