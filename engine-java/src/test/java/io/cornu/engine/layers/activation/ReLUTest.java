package io.cornu.engine.layers.activation;

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

class ReLUTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(ReLU::new).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).run();
        LayerTestCase.of(() -> new ReLU(2.5f, 0.1f, 0.5f, null)).inputShape(2, 5).expectedOutputShape(2, 5).run();
        LayerTestCase.of(LeakyReLU::new).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).run();
        LayerTestCase.of(() -> new ELU(0.5f)).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).run();
    }

    private static void parity(String file, io.cornu.engine.layers.Layer layer) {
        Fixture f = Fixture.load("core/" + file + ".json");
        f.checkForwardAndGradients(xs -> layer.apply(xs.get(0)), List.of("x"), Map.of());
    }

    @Test
    void pytorchParity() {
        parity("relu", new ReLU());
        parity("relu_max6", new ReLU(6f, 0f, 0f, null));
        parity("relu_slope", new ReLU(null, 0.2f, 0f, null));
        parity("relu_threshold", new ReLU(null, 0f, 0.5f, null));
        parity("relu_full", new ReLU(2.5f, 0.1f, 0.5f, null));
        parity("leaky_relu", new LeakyReLU());
        parity("elu", new ELU(0.7f));
        parity("elu_default", new ELU());
    }

    @Test
    void kerasFormulaByHand() {
        Tensor x = Tensor.of(new float[] {-2, 0.25f, 1, 3});
        // threshold 0.5, slope 0.1, max 2.5: x <= 0.5 -> 0.1 * (x - 0.5); else min(x, 2.5)
        assertArrayEquals(new float[] {-0.25f, -0.025f, 1, 2.5f}, new ReLU(2.5f, 0.1f, 0.5f, null).apply(x).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.6f, 0.25f, 1, 3}, new LeakyReLU().apply(x).toFloatArray(), 1e-6f);
        assertEquals(0.3f, new LeakyReLU().negativeSlope(), "Keras 3's LeakyReLU layer default");
    }

    @Test
    void kerasArgumentErrors() {
        assertEquals("max_value of a ReLU layer cannot be a negative value. Received: max_value=-1.0",
                assertThrows(IllegalArgumentException.class, () -> new ReLU(-1f, 0f, 0f, null)).getMessage());
        assertEquals("negative_slope of a ReLU layer cannot be None or a negative value. Received: negative_slope=-0.5",
                assertThrows(IllegalArgumentException.class, () -> new ReLU(null, -0.5f, 0f, null)).getMessage());
        assertEquals("threshold of a ReLU layer cannot be None or a negative value. Received: threshold=-0.5",
                assertThrows(IllegalArgumentException.class, () -> new ReLU(null, 0f, -0.5f, null)).getMessage());
        assertEquals("The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=-0.1",
                assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-0.1f)).getMessage());
    }

    @Test
    void configsHaveKerasKeys() {
        var c = new ReLU(6f, 0f, 0f, null).getConfig();
        assertEquals(6f, c.get("max_value"));
        assertEquals(0f, c.get("negative_slope"));
        assertEquals(0f, c.get("threshold"));
        assertEquals(0.3f, new LeakyReLU().getConfig().get("negative_slope"));
        assertEquals(1f, new ELU().getConfig().get("alpha"));
    }
}
