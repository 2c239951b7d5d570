package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RMSpropTest {
    static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.25, 2.0, -0.75}, {-1.0, 0.125, 1.5}};

    /**
     * Three steps of Keras' rule, in double:
     * v = rho v + (1-rho) g^2; [a = rho a + (1-rho) g]; inc = lr g / sqrt(v [- a^2] + eps);
     * [mom = momentum mom + inc; w -= mom] or w -= inc.
     */
    private static void checkThreeSteps(float momentum, boolean centered) {
        checkThreeSteps(momentum, centered, 1e-7f);
    }

    private static void checkThreeSteps(float momentum, boolean centered, float epsilon) {
        double lr = 0.01, rho = 0.9, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        RMSprop opt = new RMSprop(0.01f, 0.9f, momentum, epsilon, centered);
        double[] ref = {1, -2, 0.5}, v = new double[3], a = new double[3], mom = new double[3];
        for (double[] g : GRADS) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                double denominator = v[i] + eps;
                if (centered) {
                    a[i] = rho * a[i] + (1 - rho) * g[i];
                    denominator = v[i] - a[i] * a[i] + eps;
                }
                double inc = lr * g[i] / Math.sqrt(denominator);
                if (momentum > 0) {
                    mom[i] = momentum * mom[i] + inc;
                    ref[i] -= mom[i];
                } else {
                    ref[i] -= inc;
                }
            }
            assertValues(ref, w, "w");
            assertValues(v, opt.slot(w, "velocity"), "velocity");
            if (centered) assertValues(a, opt.slot(w, "average_gradient"), "average_gradient");
            if (momentum > 0) assertValues(mom, opt.slot(w, "momentum"), "momentum");
        }
        assertEquals(3, opt.iterations());
    }

    @Test
    void plainFirstThreeUpdates() {
        checkThreeSteps(0f, false);
    }

    @Test
    void momentumFirstThreeUpdates() {
        checkThreeSteps(0.9f, false);
    }

    @Test
    void centeredFirstThreeUpdates() {
        checkThreeSteps(0f, true);
    }

    @Test
    void centeredWithMomentumFirstThreeUpdates() {
        checkThreeSteps(0.5f, true);
    }

    /** A large epsilon shows where it sits: inside the square root, as in Keras. */
    @Test
    void epsilonInsideTheSquareRoot() {
        checkThreeSteps(0f, false, 0.5f);
        checkThreeSteps(0f, true, 0.5f);
    }

    /** Keras' examples: its single step test, and its docstring (var 10, gradient = var, lr 0.1 gives 9.683772). */
    @Test
    void kerasExamples() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new RMSprop(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {-0.5811, 0.4189, 1.4189, 2.4189}, w, 1e-4, "w");
        Variable v = variable("v", 10);
        step(new RMSprop(0.1f), v, 10);
        assertEquals(9.683772, v.get(0), 1e-5);
    }

    @Test
    void defaultsAndSlots() {
        RMSprop opt = new RMSprop();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.9f, opt.getConfig().get("rho"));
        assertEquals(0f, opt.getConfig().get("momentum"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(false, opt.getConfig().get("centered"));
        assertEquals(List.of("velocity"), opt.slots());
        assertEquals(List.of("velocity", "momentum", "average_gradient"),
                RMSprop.builder().momentum(0.9f).centered(true).build().slots());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("Argument `rho` must be a float in [0, 1). Received: rho=1.5",
                assertThrows(IllegalArgumentException.class, () -> new RMSprop(0.001f, 1.5f, 1e-7f)).getMessage());
        assertEquals("Argument `epsilon` must be a float >= 0. Received: epsilon=-1.0",
                assertThrows(IllegalArgumentException.class, () -> RMSprop.builder().epsilon(-1f).build()).getMessage());
    }
}
