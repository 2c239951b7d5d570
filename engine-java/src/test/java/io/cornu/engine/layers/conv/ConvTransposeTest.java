package io.cornu.engine.layers.conv;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.layers.Input;
import io.cornu.engine.ops.Ops;
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

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conv1DTranspose and Conv2DTranspose, as Keras' {@code conv_transpose_test.py}. */
class ConvTransposeTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(14);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new Conv2DTranspose(5, new int[] {3}, new int[] {2}, "same", null)).inputShape(2, 4, 3, 3)
                .expectedOutputShape(2, 8, 6, 5).expectedWeights("kernel", "bias").gradCheck().run();
        LayerTestCase.of(() -> new Conv2DTranspose(2, new int[] {3}, new int[] {2}, "valid", "relu")).inputShape(2, 3, 4, 3)
                .expectedOutputShape(2, 7, 9, 2).expectedWeights("kernel", "bias").run();
        // output_padding=1: (5 - 1) * 2 + 4 - 2 * 2 + 1 = 9 steps
        LayerTestCase.of(() -> new Conv1DTranspose(3, 4, 2, "same", 1, 1, null, true, null, null, null)).inputShape(2, 5, 2)
                .expectedOutputShape(2, 9, 3).expectedWeights("kernel", "bias").gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("conv2d_transpose_valid_stride2", new Conv2DTranspose(3, new int[] {3}, new int[] {2}, "valid", null));
        ConvParity.check("conv2d_transpose_same_stride2", new Conv2DTranspose(2, new int[] {3}, new int[] {2}, "same", null));
        ConvParity.check("conv2d_transpose_output_padding", new Conv2DTranspose(2, new int[] {4, 3}, new int[] {3, 2}, "same",
                new int[] {2, 1}, null, null, true, null, null, null));
        ConvParity.check("conv2d_transpose_dilated", new Conv2DTranspose(2, new int[] {3}, null, "valid", null, new int[] {2}, null, true,
                null, null, null));
        ConvParity.check("conv1d_transpose_same_stride2", new Conv1DTranspose(3, 4, 2, "same", null));
    }

    @Test
    void kerasLayoutAndShapes() {
        Conv2DTranspose t = new Conv2DTranspose(16, new int[] {3}, new int[] {2}, "same", "relu");
        assertEquals("conv2d_transpose", t.name());
        assertEquals(Shape.of(NONE, 14, NONE, 16), t.apply(Input.of(7, NONE, 8)).shape());
        assertEquals(Shape.of(3, 3, 16, 8), t.kernel().shape(), "(kh, kw, filters, in)");
        assertEquals(3 * 3 * 16 * 8 + 16, t.countParams());
        assertEquals("conv1d_transpose", new Conv1DTranspose(4, 3, 1, "valid", null).name());
        // valid: in * s + max(k - s, 0); with output_padding: (in - 1) * s + k - 2 * pad + output_padding
        assertEquals(Shape.of(NONE, 15, 2), new Conv1DTranspose(2, 3, 2, "valid", null).computeOutputShape(Shape.of(NONE, 7, 1)));
        assertEquals(Shape.of(NONE, 16, 2), new Conv1DTranspose(2, 3, 2, "valid", 1, 1, null, true, null, null, null)
                .computeOutputShape(Shape.of(NONE, 7, 1)));
        assertEquals(Shape.of(NONE, 14, 2), new Conv1DTranspose(2, 3, 2, "same", 1, 1, null, true, null, null, null)
                .computeOutputShape(Shape.of(NONE, 7, 1)));
    }

    @Test
    void isTheAdjointOfTheConvolution() {
        // <conv2d(z, K), x> == <conv2dTranspose(x, K), z> for the same kernel, strides and padding
        Conv2DTranspose t = new Conv2DTranspose(3, new int[] {3}, new int[] {2}, "same", null, null, null, false, null, null, null);
        Tensor x = random(1, 2, 4, 5, 2);
        Tensor y = t.apply(x);
        Tensor z = random(2, y.dims());
        Tensor conv = Ops.conv2d(z, t.kernel(), new int[] {2, 2}, "same", new int[] {1, 1});
        double a = Ops.sum(Ops.mul(conv, x)).item(), b = Ops.sum(Ops.mul(y, z)).item();
        assertEquals(a, b, 1e-3 * Math.abs(a));
    }

    @Test
    void kerasArgumentErrorsAndConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2DTranspose(2, new int[] {3}, new int[] {2}, "same", new int[] {2}, null, null, true, null, null, null));
        assertEquals("`output_padding` must be < `strides`. Received: output_padding=(2, 2), strides=(2, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(-1, 3));
        assertTrue(e.getMessage().endsWith("Received: filters=-1"), e.getMessage());
        Map<String, Object> c = new Conv2DTranspose(8, new int[] {4}, new int[] {2}, "same", "relu").getConfig();
        assertEquals(List.of(4, 4), c.get("kernel_size"));
        assertNull(c.get("output_padding"));
        assertEquals(c, LayerRegistry.fromConfig("Conv2DTranspose", c).getConfig());
        Map<String, Object> c2 = new Conv2DTranspose(8, new int[] {4}, new int[] {2}, "same", new int[] {1, 0}, null, null, true, null, null,
                null).getConfig();
        assertEquals(List.of(1, 0), c2.get("output_padding"));
        assertArrayEquals(new int[] {1, 0}, ((Conv2DTranspose) LayerRegistry.fromConfig("Conv2DTranspose", c2)).outputPadding());
    }

    @Test
    void gradientsReachInputAndKernel() {
        Conv1DTranspose t = new Conv1DTranspose(2, 3, 2, "valid", null);
        Tensor x = random(5, 2, 4, 3);
        t.apply(x);
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            g = tape.gradient(Ops.sum(t.apply(x)), List.of(x, t.kernel(), t.bias()));
        }
        assertArrayEquals(x.dims(), g.get(0).dims());
        assertArrayEquals(new int[] {3, 2, 3}, g.get(1).dims());
        // every output position gets the bias: (2 batches) * (4 * 2 + 1 steps)
        assertArrayEquals(new float[] {18, 18}, g.get(2).toFloatArray());
    }
}
