package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdagradTest {
    static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.25, 2.0, -0.75}, {-1.0, 0.125, 1.5}};

    /** Keras: accumulator (from initial_accumulator_value) += g^2; w -= lr g / sqrt(accumulator + eps). */
    private static void checkThreeSteps(float initial, float epsilon) {
        double lr = 0.1, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        Adagrad opt = new Adagrad(0.1f, initial, epsilon);
        double[] ref = {1, -2, 0.5}, acc = {initial, initial, initial};
        for (double[] g : GRADS) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                acc[i] += g[i] * g[i];
                ref[i] -= lr * g[i] / Math.sqrt(acc[i] + eps);
            }
            assertValues(ref, w, "w");
            assertValues(acc, opt.slot(w, "accumulator"), "accumulator");
        }
    }

    @Test
    void firstThreeUpdates() {
        checkThreeSteps(0.1f, 1e-7f);
    }

    @Test
    void zeroInitialAccumulatorFirstThreeUpdates() {
        checkThreeSteps(0f, 1e-7f);
    }

    /** A large epsilon shows where it sits: inside the square root. */
    @Test
    void epsilonInsideTheSquareRoot() {
        checkThreeSteps(0.1f, 0.5f);
    }

    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new Adagrad(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.5233, 1.5007, 2.5005, 3.5061}, w, 1e-4, "w");
    }

    @Test
    void defaults() {
        Adagrad opt = new Adagrad();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.1f, opt.getConfig().get("initial_accumulator_value"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(List.of("accumulator"), opt.slots());
        Variable w = variable("w", 0, 0);
        step(opt, w, 0, 0);
        assertValues(new double[] {0.1, 0.1}, opt.slot(w, "accumulator"), "the accumulator starts at 0.1");
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("Argument `initial_accumulator_value` must be a float >= 0. Received: initial_accumulator_value=-1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adagrad(0.1f, -1f, 1e-7f)).getMessage());
    }
}
