package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdadeltaTest {
    static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.25, 2.0, -0.75}, {-1.0, 0.125, 1.5}};

    /**
     * Keras: E[g^2] = rho E[g^2] + (1-rho) g^2; delta = -sqrt(E[dx^2] + eps) g / sqrt(E[g^2] + eps);
     * E[dx^2] = rho E[dx^2] + (1-rho) delta^2; w += lr delta.
     */
    @Test
    void firstThreeUpdates() {
        checkThreeSteps(1e-6f);
    }

    /** A large epsilon shows where it sits: inside both square roots. */
    @Test
    void largeEpsilon() {
        checkThreeSteps(0.25f);
    }

    private static void checkThreeSteps(float epsilon) {
        double lr = 1.0, rho = 0.8, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        Adadelta opt = new Adadelta(1f, 0.8f, epsilon);
        double[] ref = {1, -2, 0.5}, accG = new double[3], accD = new double[3];
        for (double[] g : GRADS) {
            double[] before = ref.clone();
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                accG[i] = rho * accG[i] + (1 - rho) * g[i] * g[i];
                double delta = -Math.sqrt(accD[i] + eps) * g[i] / Math.sqrt(accG[i] + eps);
                accD[i] = rho * accD[i] + (1 - rho) * delta * delta;
                ref[i] += lr * delta;
            }
            // the updates are small (~1e-3): check them to 0.1%, not just the weights
            float[] now = w.toFloatArray();
            for (int i = 0; i < 3; i++) {
                double expected = ref[i] - before[i];
                assertEquals(expected, now[i] - before[i], 1e-3 * Math.abs(expected) + 4e-7, "update " + i);
            }
            assertValues(accG, opt.slot(w, "accumulated_grad"), "accumulated_grad");
            float[] accDelta = opt.slot(w, "accumulated_delta_var").toFloatArray();
            for (int i = 0; i < 3; i++) assertEquals(accD[i], accDelta[i], 2e-3 * accD[i], "accumulated_delta_var " + i);
        }
    }

    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new Adadelta(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.9993, 1.9993, 2.9993, 3.9993}, w, 1e-4, "w");
    }

    @Test
    void defaults() {
        Adadelta opt = new Adadelta();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.95f, opt.getConfig().get("rho"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(List.of("accumulated_grad", "accumulated_delta_var"), opt.slots());
    }

    @Test
    void badRhoIsNamed() {
        assertEquals("Argument `rho` must be a float in [0, 1). Received: rho=NaN",
                assertThrows(IllegalArgumentException.class, () -> new Adadelta(1f, Float.NaN, 1e-7f)).getMessage());
    }
}
