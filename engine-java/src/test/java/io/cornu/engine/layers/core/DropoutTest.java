package io.cornu.engine.layers.core;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.layers.Input;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(42);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new Dropout(0.5f)).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).run();
        LayerTestCase.of(() -> new Dropout(0.3f, new int[] {-1, 1, 4}, 7L, null)).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).run();
        LayerTestCase.of(() -> new SpatialDropout1D(0.5f)).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).run();
        LayerTestCase.of(() -> new SpatialDropout2D(0.5f, 3L, null)).inputShape(2, 3, 5, 4).expectedOutputShape(2, 3, 5, 4).run();
    }

    @Test
    void inferencePassesInputThrough() {
        Dropout d = new Dropout(0.5f);
        Tensor x = Tensor.ones(4, 8);
        assertSame(x, d.apply(x, false));
        assertSame(x, new Dropout(0f).apply(x, true));
    }

    @Test
    void trainingDropsAboutRateAndRescales() {
        Dropout d = new Dropout(0.25f);
        Tensor y = d.apply(Tensor.ones(200, 100), true);
        int zeros = 0;
        for (float v : y.toFloatArray()) {
            if (v == 0f) zeros++;
            else assertEquals(1f / 0.75f, v, 1e-6f);
        }
        assertEquals(0.25, zeros / 20000.0, 0.02);
        assertEquals(0f, Ops.sum(new Dropout(1f).apply(Tensor.ones(3, 3), true)).item());
    }

    @Test
    void gradientFlowsThroughTheSameMask() {
        Dropout d = new Dropout(0.5f, null, 11L, null);
        Tensor x = Tensor.ones(5, 6);
        Tensor y;
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            y = d.apply(x, true);
            g = tape.gradient(Ops.sum(y), List.of(x));
        }
        assertArrayEquals(y.toFloatArray(), g.get(0).toFloatArray(), 0f);
    }

    @Test
    void seededLayersRepeatTheirMaskSequence() {
        Tensor x = Tensor.ones(4, 10);
        Dropout a = new Dropout(0.5f, null, 5L, null), b = new Dropout(0.5f, null, 5L, null);
        Tensor a1 = a.apply(x, true), a2 = a.apply(x, true);
        assertArrayEquals(a1.toFloatArray(), b.apply(x, true).toFloatArray());
        assertArrayEquals(a2.toFloatArray(), b.apply(x, true).toFloatArray());
        assertFalse(Arrays.equals(a1.toFloatArray(), a2.toFloatArray()), "successive calls draw new masks");
    }

    @Test
    void noiseShapeSharesDrawsAlongSizeOneAxes() {
        Tensor y = new Dropout(0.5f, new int[] {-1, 1, -1}, 3L, null).apply(Tensor.ones(3, 7, 5), true);
        for (int b = 0; b < 3; b++) {
            for (int f = 0; f < 5; f++) {
                float first = y.get(b, 0, f);
                for (int t = 1; t < 7; t++) assertEquals(first, y.get(b, t, f));
            }
        }
    }

    @Test
    void spatialDropoutDropsWholeChannels() {
        Tensor y1 = new SpatialDropout1D(0.5f, 1L, null).apply(Tensor.ones(4, 6, 8), true);
        Tensor y2 = new SpatialDropout2D(0.5f, 2L, null).apply(Tensor.ones(2, 3, 3, 8), true);
        for (int b = 0; b < 4; b++) for (int c = 0; c < 8; c++) for (int t = 1; t < 6; t++) assertEquals(y1.get(b, 0, c), y1.get(b, t, c));
        for (int b = 0; b < 2; b++) for (int c = 0; c < 8; c++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            assertEquals(y2.get(b, 0, 0, c), y2.get(b, i, j, c));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpatialDropout1D(0.5f, null, "sd").apply(Input.of(4)));
        assertEquals("Input 0 of layer \"sd\" is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (None, 4)", e.getMessage());
    }

    @Test
    void masksPassThrough() {
        Tensor x = Tensor.ones(2, 3, 4);
        Tensor mask = Tensor.of(new float[][] {{1, 1, 0}, {1, 0, 0}});
        x.setKerasMask(mask);
        Tensor y = new Dropout(0.5f).apply(x, true);
        assertSame(mask, y.kerasMask());
    }

    @Test
    void kerasArgumentErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5f));
        assertEquals("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5f, new int[] {-1, 0}, null, null));
        assertTrue(e.getMessage().endsWith("Received negative or zero value at index 1: 0"), e.getMessage());
    }

    @Test
    void configHasKerasKeys() {
        var c = new Dropout(0.5f, new int[] {-1, 1, 8}, 3L, "drop").getConfig();
        assertEquals(0.5f, c.get("rate"));
        assertEquals(3L, c.get("seed"));
        assertEquals(Arrays.asList(null, 1, 8), c.get("noise_shape"));
        assertEquals(List.of("name", "trainable", "dtype", "rate", "seed"), List.copyOf(new SpatialDropout1D(0.1f).getConfig().keySet()));
        assertEquals(Shape.of(Shape.NONE, 5), new Dropout(0.1f).apply(Input.of(5)).shape());
    }
}
