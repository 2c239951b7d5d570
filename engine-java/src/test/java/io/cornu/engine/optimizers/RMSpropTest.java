package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RMSpropTest {

    /** Three steps by Keras' formula, worked in double: v = rho v + (1-rho) g^2; w -= lr g / sqrt(v + eps). */
    @Test
    void firstThreeUpdatesFollowKerasFormula() {
        Variable w = new Variable("w", Tensor.of(new float[] {1f, -2f}));
        RMSprop opt = new RMSprop(0.01f, 0.9f, 1e-7f);
        double[] wd = {1, -2}, v = {0, 0};
        float[][] grads = {{0.5f, -1f}, {0.25f, 2f}, {-1f, 0.1f}};
        for (float[] g : grads) {
            opt.applyGradients(List.of(Tensor.of(g)), List.of(w));
            for (int i = 0; i < 2; i++) {
                v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                wd[i] -= 0.01 * g[i] / Math.sqrt(v[i] + 1e-7);
            }
            assertEquals(wd[0], w.get(0), 1e-6);
            assertEquals(wd[1], w.get(1), 1e-6);
        }
        assertEquals(3, opt.iterations());
        assertEquals(v[1], opt.slotsOf(w)[0][1], 1e-6);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("RMSprop: rho must be in [0, 1). Received: rho=1.5",
                assertThrows(IllegalArgumentException.class, () -> new RMSprop(0.001f, 1.5f, 1e-7f)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizer.get("adamw-typo"));
    }
}
