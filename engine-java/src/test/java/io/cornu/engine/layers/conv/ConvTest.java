package io.cornu.engine.layers.conv;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Ones;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conv1D and Conv2D, as Keras' {@code conv_test.py}. */
class ConvTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(11);
    }

    // ---- run_layer_test ------------------------------------------------------------------------------

    @Test
    void conv2dLayerTestCase() {
        LayerTestCase.of(() -> new Conv2D(5, 2)).inputShape(2, 6, 7, 3).expectedOutputShape(2, 5, 6, 5)
                .expectedWeights("kernel", "bias").gradCheck().run();
        LayerTestCase.of(() -> new Conv2D(6, new int[] {2, 3}, new int[] {2, 1}, "same", null, 1, Activation.TANH, false, null, null, null))
                .inputShape(2, 5, 4, 2).expectedOutputShape(2, 3, 4, 6).expectedWeights("kernel").gradCheck().run();
        LayerTestCase.of(() -> new Conv2D(4, new int[] {3}, null, "same", new int[] {2}, 2, null, true, null, null, null))
                .inputShape(1, 6, 6, 4).expectedOutputShape(1, 6, 6, 4).expectedWeights("kernel", "bias").gradCheck().run();
    }

    @Test
    void conv1dLayerTestCase() {
        LayerTestCase.of(() -> new Conv1D(5, 2)).inputShape(2, 8, 3).expectedOutputShape(2, 7, 5)
                .expectedWeights("kernel", "bias").supportsMasking(false).gradCheck().run();
        LayerTestCase.of(() -> new Conv1D(3, 3, 1, "causal", 2, 1, Activation.RELU, true, null, null, null))
                .inputShape(2, 8, 4).expectedOutputShape(2, 8, 3).expectedWeights("kernel", "bias").run();
        LayerTestCase.of(() -> new Conv1D(4, 3, 2, "same", "relu")).inputShape(3, 9, 2).expectedOutputShape(3, 5, 4)
                .expectedWeights("kernel", "bias").run();
    }

    // ---- PyTorch parity ------------------------------------------------------------------------------

    @Test
    void conv2dMatchesPyTorch() {
        ConvParity.check("conv2d_valid", new Conv2D(4, 3));
        ConvParity.check("conv2d_same_stride2", new Conv2D(5, new int[] {3, 2}, new int[] {2, 2}, "same", null));
        ConvParity.check("conv2d_dilated_same_relu", new Conv2D(3, new int[] {3, 3}, null, "same", new int[] {2, 2}, 1, Activation.RELU,
                true, null, null, null));
        ConvParity.check("conv2d_groups", new Conv2D(6, new int[] {3}, null, "valid", null, 2, null, true, null, null, null));
    }

    @Test
    void conv1dMatchesPyTorch() {
        ConvParity.check("conv1d_valid", new Conv1D(4, 3));
        ConvParity.check("conv1d_causal_dilated", new Conv1D(3, 3, 1, "causal", 2, 1, null, true, null, null, null));
        ConvParity.check("conv1d_same_stride2", new Conv1D(4, 4, 2, "same", null));
    }

    // ---- weights, shapes ---------------------------------------------------------------------------------

    @Test
    void kerasWeightLayoutAndParamCount() {
        Conv2D c = new Conv2D(32, 3, "relu");
        assertEquals("conv2d", c.name());
        assertEquals("conv2d_1", new Conv2D(8, 3).name());
        assertEquals("conv1d", new Conv1D(8, 3).name());
        KerasTensor y = c.apply(Input.of(28, 28, 1));
        assertEquals(Shape.of(NONE, 26, 26, 32), y.shape());
        assertEquals(List.of("conv2d/kernel", "conv2d/bias"), c.weights().stream().map(v -> v.name()).toList());
        assertEquals(Shape.of(3, 3, 1, 32), c.kernel().shape());
        assertEquals(Shape.of(32), c.bias().shape());
        assertEquals(320, c.countParams());
        Conv2D grouped = new Conv2D(8, new int[] {3}, null, "valid", null, 4, null, true, null, null, null);
        grouped.apply(Input.of(10, 10, 12));
        assertEquals(Shape.of(3, 3, 3, 8), grouped.kernel().shape(), "kernel (kh, kw, in / groups, filters)");
    }

    @Test
    void unknownSpatialSizesStayNone() {
        assertEquals(Shape.of(NONE, NONE, NONE, 8), new Conv2D(8, 3).apply(Input.of(NONE, NONE, 3)).shape());
        assertEquals(Shape.of(NONE, 12, NONE, 8),
                new Conv2D(8, new int[] {3}, new int[] {2}, "same", null).apply(Input.of(23, NONE, 3)).shape());
        assertEquals(Shape.of(NONE, NONE, 16), new Conv1D(16, 5, 1, "causal", null).apply(Input.of(NONE, 4)).shape());
        // a model built on None steps runs on any length
        Conv1D c = new Conv1D(2, 3);
        c.apply(Input.of(NONE, 4));
        assertArrayEquals(new int[] {1, 8, 2}, c.apply(Tensor.ones(1, 10, 4)).dims());
        assertArrayEquals(new int[] {1, 3, 2}, c.apply(Tensor.ones(1, 5, 4)).dims());
    }

    @Test
    void outputShapesFollowKeras() {
        // valid: floor((in - kEff) / s) + 1; same: ceil(in / s)
        assertEquals(Shape.of(NONE, 4, 3, 2), new Conv2D(2, new int[] {3}, new int[] {2}, "valid", null).computeOutputShape(Shape.of(NONE, 9, 8, 1)));
        assertEquals(Shape.of(NONE, 5, 4, 2), new Conv2D(2, new int[] {3}, new int[] {2}, "same", null).computeOutputShape(Shape.of(NONE, 9, 8, 1)));
        assertEquals(Shape.of(NONE, 5, 4, 2), new Conv2D(2, new int[] {3}, null, "valid", new int[] {2}, 1, null, true, null, null, null)
                .computeOutputShape(Shape.of(NONE, 9, 8, 1)));
        assertEquals(Shape.of(NONE, 10, 2), new Conv1D(2, 4, 1, "causal", 3, 1, null, true, null, null, null)
                .computeOutputShape(Shape.of(NONE, 10, 1)));
    }

    @Test
    void computesTheKerasFormula() {
        // one 2x2 kernel of ones plus bias 1 over a 3x3 ramp: sums of each 2x2 window + 1
        Conv2D c = new Conv2D(1, new int[] {2}, null, "valid", null, 1, null, true, new Ones(), new Ones(), null);
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        assertArrayEquals(new float[] {13, 17, 25, 29}, c.apply(x).toFloatArray());
        // "same" with stride 1 and a 2x2 window pads one row and column after (the smaller half, 0, before)
        Conv2D s = new Conv2D(1, new int[] {2}, null, "same", null, 1, null, false, new Ones(), null, null);
        assertArrayEquals(new float[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, s.apply(x).toFloatArray());
    }

    @Test
    void causalOutputsDoNotSeeTheFuture() {
        Conv1D c = new Conv1D(3, 3, 1, "causal", 2, 1, null, true, null, null, null);
        Tensor x = random(3, 1, 12, 2);
        float[] y1 = c.apply(x).toFloatArray();
        Tensor x2 = x.copy();
        for (int c2 = 0; c2 < 2; c2++) x2.buffer()[9 * 2 + c2] += 5f; // change step 9 only
        float[] y2 = c.apply(x2).toFloatArray();
        // output t reads steps t, t - 2, t - 4: steps before 9 are untouched, 9 and 11 change, 10 does not
        for (int t = 0; t < 12; t++) {
            for (int o = 0; o < 3; o++) {
                boolean same = y1[t * 3 + o] == y2[t * 3 + o];
                assertEquals(t < 9 || t == 10, same, "step " + t + " channel " + o);
            }
        }
    }

    @Test
    void inputsMustMatchTheBuiltChannels() {
        Conv2D c = new Conv2D(4, 3, null);
        c.apply(Input.of(8, 8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.apply(Input.of(8, 8, 5)));
        assertEquals("Input 0 of layer \"conv2d\" is incompatible with the layer: expected axis -1 of input shape to have value 3, "
                + "but received input with shape (None, 8, 8, 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, 3).apply(Input.of(8, 3)));
        assertTrue(e.getMessage().contains("expected ndim=4, found ndim=3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, 3).apply(Input.of(8, 8, NONE)));
        assertTrue(e.getMessage().contains("channel dimension of the inputs should be defined"), e.getMessage());
    }

    @Test
    void tooSmallInputsAreKerasErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv1D(32, 5).apply(Input.of(2, 32)));
        assertEquals("Computed output size would be negative. Received `inputs shape=(None, 2, 32)`, `kernel shape=(5, 32, 32)`, "
                + "`dilation_rate=[1]`.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(32, 5).apply(Input.of(1, 1, 64)));
        assertEquals("Computed output size would be negative. Received `inputs shape=(None, 1, 1, 64)`, `kernel shape=(5, 5, 64, 32)`, "
                + "`dilation_rate=[1 1]`.", e.getMessage());
    }

    @Test
    void kerasArgumentErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(-3, 3));
        assertTrue(e.getMessage().endsWith("Received: filters=-3"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid value for argument `filters`. Expected a strictly positive value."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, 0));
        assertEquals("The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=0, including values {0, 0} "
                + "that do not satisfy `value > 0`", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, new int[] {3, 3, 3}, null, "valid", null));
        assertTrue(e.getMessage().startsWith("The `kernel_size` argument must be a tuple of 2 integers."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, new int[] {3}, new int[] {2}, "valid", new int[] {2}, 1,
                null, true, null, null, null));
        assertEquals("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 2)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, new int[] {3}, null, "causal", null));
        assertEquals("The `padding` argument must be one of {'valid', 'same'}. Received: padding=causal", e.getMessage());
        assertEquals("same", new Conv2D(4, new int[] {3}, null, "SAME", null).padding(), "padding is case-insensitive");
        e = assertThrows(IllegalArgumentException.class, () -> new Conv1D(4, 3, 1, "full", null));
        assertEquals("The `padding` argument must be one of {'valid', 'same', 'causal'}. Received: padding=full", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(6, new int[] {3}, null, "valid", null, 4, null, true, null, null, null));
        assertEquals("The number of filters must be evenly divisible by the number of groups. Received: groups=4, filters=6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2D(6, new int[] {3}, null, "valid", null, 2, null, true, null, null, null).apply(Input.of(5, 5, 3)));
        assertEquals("The number of input channels must be evenly divisible by the number of groups. Received groups=2, but the input "
                + "has 3 channels (full input shape is (None, 5, 5, 3)).", e.getMessage());
    }

    @Test
    void configHasKerasKeysAndRoundTrips() {
        Conv2D c = new Conv2D(16, new int[] {3, 5}, new int[] {1, 2}, "same", "relu");
        Map<String, Object> config = c.getConfig();
        assertEquals(16, config.get("filters"));
        assertEquals(List.of(3, 5), config.get("kernel_size"));
        assertEquals(List.of(1, 2), config.get("strides"));
        assertEquals("same", config.get("padding"));
        assertEquals("channels_last", config.get("data_format"));
        assertEquals(List.of(1, 1), config.get("dilation_rate"));
        assertEquals(1, config.get("groups"));
        assertEquals("relu", config.get("activation"));
        assertEquals(true, config.get("use_bias"));
        assertEquals(java.util.Map.of("class_name", "GlorotUniform", "config", java.util.Collections.singletonMap("seed", null)), config.get("kernel_initializer"));
        assertEquals(java.util.Map.of("class_name", "Zeros", "config", java.util.Map.of()), config.get("bias_initializer"));
        Conv2D copy = (Conv2D) LayerRegistry.fromConfig("Conv2D", config);
        assertEquals(config, copy.getConfig());
        // Keras' own config form: ints for one-value tuples, snake-case initializer names
        Conv1D k = (Conv1D) LayerRegistry.fromConfig("Conv1D", Map.of("name", "c", "filters", 8, "kernel_size", List.of(3),
                "padding", "causal", "kernel_initializer", "glorot_uniform"));
        assertEquals("causal", k.padding());
        assertArrayEquals(new int[] {1}, k.strides());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.fromConfig("Conv2D", Map.of("filters", 8, "kernel_size", 3, "data_format", "channels_first")));
        assertTrue(e.getMessage().contains("channels_last"), e.getMessage());
    }
}
