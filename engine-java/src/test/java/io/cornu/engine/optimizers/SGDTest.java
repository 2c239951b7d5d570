package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SGDTest {
    static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.25, 2.0, -0.75}, {-1.0, 0.125, 1.5}};

    /** Keras: w = w - lr * g. */
    @Test
    void plainFirstThreeUpdates() {
        Variable w = variable("w", 1, -2, 0.5);
        SGD opt = new SGD(0.1f);
        double[] ref = {1, -2, 0.5};
        for (double[] g : GRADS) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) ref[i] -= 0.1 * g[i];
            assertValues(ref, w, "w");
        }
        assertEquals(3, opt.iterations());
        assertTrue(opt.variables().isEmpty(), "no slot without momentum");
    }

    /** Keras: velocity = momentum * velocity - lr * g; w = w + velocity. */
    @Test
    void momentumFirstThreeUpdates() {
        Variable w = variable("w", 1, -2, 0.5);
        SGD opt = new SGD(0.1f, 0.9f);
        double[] ref = {1, -2, 0.5}, m = new double[3];
        for (double[] g : GRADS) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] - 0.1 * g[i];
                ref[i] += m[i];
            }
            assertValues(ref, w, "w");
            assertValues(m, opt.slot(w, "momentum"), "momentum");
        }
    }

    /** Keras: velocity = momentum * velocity - lr * g; w = w + momentum * velocity - lr * g. */
    @Test
    void nesterovFirstThreeUpdates() {
        Variable w = variable("w", 1, -2, 0.5);
        SGD opt = new SGD(0.1f, 0.9f, true);
        double[] ref = {1, -2, 0.5}, m = new double[3];
        for (double[] g : GRADS) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] - 0.1 * g[i];
                ref[i] += 0.9 * m[i] - 0.1 * g[i];
            }
            assertValues(ref, w, "w");
        }
        // nesterov really differs from plain momentum on this example
        Variable plain = variable("p", 1, -2, 0.5);
        SGD p = new SGD(0.1f, 0.9f, false);
        for (double[] g : GRADS) step(p, plain, g);
        assertFalse(Math.abs(plain.get(0) - w.get(0)) < 1e-3);
    }

    /** Keras' own single-step example: lr 0.5, g [1, 6, 7, 2] on [1, 2, 3, 4]. */
    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new SGD(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.5, -1.0, -0.5, 3.0}, w, "w");
    }

    @Test
    void defaultsAndSlots() {
        SGD opt = new SGD();
        assertEquals(0.01f, opt.learningRate());
        assertEquals(0f, opt.momentum());
        assertFalse(opt.nesterov());
        assertEquals(List.of(), opt.slots());
        SGD withMomentum = SGD.builder().momentum(0.5f).build();
        assertEquals(List.of("momentum"), withMomentum.slots());
        Variable w = variable("dense/kernel", 1);
        step(withMomentum, w, 1);
        Variable m = withMomentum.slot(w, "momentum");
        assertNotNull(m);
        assertEquals("SGD/dense_kernel_momentum", m.name());
        assertEquals(List.of(m), withMomentum.variables());
    }

    @Test
    void badMomentumIsNamed() {
        assertEquals("`momentum` must be a float between [0, 1]. Received: momentum=1.5",
                assertThrows(IllegalArgumentException.class, () -> new SGD(0.1f, 1.5f)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SGD(0.1f, -0.1f));
    }
}
