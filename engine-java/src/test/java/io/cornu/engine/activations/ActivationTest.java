package io.cornu.engine.activations;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationTest {
    private static final Tensor X = Tensor.of(new float[] {-2f, -0.5f, 0.5f, 2f});

    @Test
    void namesResolveToTheirFunctions() {
        String[] names = {"linear", "relu", "sigmoid", "tanh", "softplus", "softsign", "selu", "elu", "gelu", "silu", "swish",
            "relu6", "leaky_relu", "hard_sigmoid", "hard_silu", "exponential", "softmax", "log_softmax"};
        for (String n : names) {
            Activation a = Activation.get(n);
            assertEquals(n.equals("swish") ? "silu" : n, a.name());
            assertEquals(4, a.apply(X).size());
        }
        assertEquals(1 / (1 + Math.exp(0.5)), Activation.get("sigmoid").apply(X).get(1), 1e-6);
        assertEquals(Math.tanh(2), Activation.get("tanh").apply(X).get(3), 1e-6);
        assertEquals(Math.log1p(Math.exp(-2)), Activation.get("softplus").apply(X).get(0), 1e-6);
        // Keras' gelu activation is the exact erf form: x * Phi(x); Phi(-0.5) = 0.3085375387
        assertEquals(-0.5 * 0.3085375387, Activation.get("gelu").apply(X).get(1), 1e-6);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.get("relux"));
        assertTrue(e.getMessage().startsWith("Unknown activation function: 'relux'. Known: linear, relu"), e.getMessage());
    }
}
