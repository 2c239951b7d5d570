package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamaxTest {
    static final double[][] GRADS = {{2.0, -1.0, 0.5}, {0.25, -0.5, 1.5}, {-0.125, 0.25, -0.25}};

    /** Keras: m += (g - m)(1 - b1); u = max(b2 u, |g|); w -= lr m / ((1 - b1^t)(u + eps)). */
    @Test
    void firstThreeUpdates() {
        checkThreeSteps(1e-7f);
    }

    /** A large epsilon shows where it sits: added to u, inside the bias correction's product. */
    @Test
    void largeEpsilon() {
        checkThreeSteps(0.5f);
    }

    private static void checkThreeSteps(float epsilon) {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        Adamax opt = new Adamax(0.01f, 0.9f, 0.999f, epsilon);
        double[] ref = {1, -2, 0.5}, m = new double[3], u = new double[3];
        for (int t = 1; t <= 3; t++) {
            double[] g = GRADS[t - 1];
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                m[i] += (g[i] - m[i]) * (1 - b1);
                u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
                ref[i] -= lr * m[i] / ((1 - Math.pow(b1, t)) * (u[i] + eps));
            }
            assertValues(ref, w, "w after step " + t);
            assertValues(m, opt.slot(w, "momentum"), "momentum");
            assertValues(u, opt.slot(w, "norm"), "norm");
        }
    }

    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new Adamax(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.5, 1.5, 2.5, 3.5}, w, 1e-4, "w");
    }

    @Test
    void defaults() {
        Adamax opt = new Adamax();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.9f, opt.getConfig().get("beta_1"));
        assertEquals(0.999f, opt.getConfig().get("beta_2"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(List.of("momentum", "norm"), opt.slots());
    }
}
