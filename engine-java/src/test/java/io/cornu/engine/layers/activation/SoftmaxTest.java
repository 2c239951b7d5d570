package io.cornu.engine.layers.activation;

import io.cornu.engine.ops.Ops;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        // Keras' masks for Softmax broadcast against the scores (attention), so a (batch, steps) mask
        // of a (batch, steps, features) input is an error, not passed through
        LayerTestCase.of(Softmax::new).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).passesMaskThrough(false)
                .gradCheck().run();
        LayerTestCase.of(() -> new Softmax(new int[] {1, 2}, null)).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).passesMaskThrough(false).run();
    }

    @Test
    void pytorchParity() {
        Softmax last = new Softmax(), axis1 = new Softmax(1), both = new Softmax(new int[] {1, 2}, null);
        Fixture.load("core/softmax.json").checkForwardAndGradients(xs -> last.apply(xs.get(0)), List.of("x"), Map.of());
        Fixture.load("core/softmax_axis1.json").checkForwardAndGradients(xs -> axis1.apply(xs.get(0)), List.of("x"), Map.of());
        Fixture.load("core/softmax_axes12.json").checkForwardAndGradients(xs -> both.apply(xs.get(0)), List.of("x"), Map.of());
    }

    @Test
    void maskedPositionsGetZeroProbability() {
        Fixture f = Fixture.load("core/softmax_masked.json");
        Softmax s = new Softmax();
        Tensor mask = f.tensor("inputs", "mask");
        f.checkForwardAndGradients(xs -> {
            Tensor x = Ops.mul(xs.get(0), 1f);
            x.setKerasMask(mask);
            return s.apply(x);
        }, List.of("x", "mask"), Map.of());
        Tensor y = s.apply(withMask(Tensor.of(new float[][] {{1, 2, 3}}), Tensor.of(new float[][] {{1, 0, 1}})));
        float e1 = (float) Math.exp(1), e3 = (float) Math.exp(3);
        assertArrayEquals(new float[] {e1 / (e1 + e3), 0, e3 / (e1 + e3)}, y.toFloatArray(), 1e-6f);
    }

    private static Tensor withMask(Tensor x, Tensor mask) {
        x.setKerasMask(mask);
        return x;
    }

    @Test
    void masksThatDoNotBroadcastAreKerasErrors() {
        Tensor x = withMask(Tensor.ones(2, 3, 4), Tensor.ones(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Softmax().apply(x));
        assertTrue(e.getMessage().startsWith("The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 or match"), e.getMessage());
    }

    @Test
    void configAxisIsIntOrList() {
        assertEquals(-1, new Softmax().getConfig().get("axis"));
        assertEquals(List.of(1, 2), new Softmax(new int[] {1, 2}, null).getConfig().get("axis"));
    }
}
