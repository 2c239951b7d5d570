package io.cornu.engine.layers.activation;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivationTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new Activation("tanh")).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).gradCheck().run();
        LayerTestCase.of(() -> new Activation("softmax")).inputShape(2, 5).expectedOutputShape(2, 5).run();
        LayerTestCase.of(() -> new Activation(io.cornu.engine.activations.Activation.named("double", x -> Ops.mul(x, 2f)), null))
                .inputShape(2, 5).expectedOutputShape(2, 5).serializable(false).run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"elu", "exponential", "gelu", "hard_sigmoid", "hard_silu", "leaky_relu", "linear", "log_sigmoid", "log_softmax",
        "mish", "relu", "relu6", "selu", "sigmoid", "silu", "softmax", "softplus", "softsign", "tanh"})
    void pytorchParity(String name) {
        Fixture f = Fixture.load("core/activation_" + name + ".json");
        Activation layer = new Activation(name);
        assertEquals(name, layer.getConfig().get("activation"));
        f.checkForwardAndGradients(xs -> layer.apply(xs.get(0)), List.of("x"), Map.of());
    }

    @Test
    void aliasesAndErrors() {
        Tensor x = Tensor.of(new float[] {-2, 0.5f, 3});
        assertArrayEquals(new Activation("silu").apply(x).toFloatArray(), new Activation("swish").apply(x).toFloatArray());
        assertArrayEquals(new Activation("hard_silu").apply(x).toFloatArray(), new Activation("hard_swish").apply(x).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation("nope"));
        assertEquals("Could not interpret activation function identifier: nope", e.getMessage());
    }
}
