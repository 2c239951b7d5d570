package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {
    /** Gradients some of which shrink, so that AMSGrad's max(v_hat, v) differs from v. */
    static final double[][] GRADS = {{2.0, -1.0, 0.5}, {0.03125, -0.5, 0.0}, {-0.25, 0.25, 0.015625}};

    /**
     * Keras 3's Adam, in double: t = step; alpha = lr sqrt(1 - b2^t) / (1 - b1^t);
     * m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2); [v_hat = max(v_hat, v)]; w -= alpha m / (sqrt(v) + eps).
     */
    private static double[] checkThreeSteps(boolean amsgrad, float beta2) {
        return checkThreeSteps(amsgrad, beta2, 1e-7f);
    }

    private static double[] checkThreeSteps(boolean amsgrad, float beta2, float epsilon) {
        double lr = 0.01, b1 = 0.9, b2 = beta2, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        Adam opt = new Adam(0.01f, 0.9f, beta2, epsilon, amsgrad);
        double[] ref = {1, -2, 0.5}, m = new double[3], v = new double[3], vHat = new double[3];
        for (int t = 1; t <= 3; t++) {
            double[] g = GRADS[t - 1];
            step(opt, w, g);
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < 3; i++) {
                m[i] += (g[i] - m[i]) * (1 - b1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                vHat[i] = Math.max(vHat[i], v[i]);
                double denom = Math.sqrt(amsgrad ? vHat[i] : v[i]) + eps;
                ref[i] -= alpha * m[i] / denom;
            }
            assertValues(ref, w, "w after step " + t);
            assertValues(m, opt.slot(w, "momentum"), "momentum");
            assertValues(v, opt.slot(w, "velocity"), "velocity");
            if (amsgrad) assertValues(vHat, opt.slot(w, "velocity_hat"), "velocity_hat");
        }
        return ref;
    }

    @Test
    void firstThreeUpdates() {
        checkThreeSteps(false, 0.999f);
    }

    @Test
    void amsgradFirstThreeUpdates() {
        checkThreeSteps(true, 0.999f);
        // a short second-moment memory makes the maximum matter by more than the tolerance
        double[] ams = checkThreeSteps(true, 0.5f);
        double[] plain = checkThreeSteps(false, 0.5f);
        boolean differs = false;
        for (int i = 0; i < 3; i++) differs |= Math.abs(ams[i] - plain[i]) > 1e-4;
        assertTrue(differs, "the example must exercise AMSGrad's maximum");
    }

    /** A large epsilon shows Keras' form: added to sqrt(v), outside the bias correction. */
    @Test
    void epsilonOutsideTheSquareRoot() {
        checkThreeSteps(false, 0.999f, 0.5f);
    }

    /** The first Adam step moves each weight by about lr (m / sqrt(v) = sign(g) after bias correction). */
    @Test
    void firstStepIsAboutLearningRate() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new Adam(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.5, 1.5, 2.5, 3.5}, w, 1e-4, "w (Keras' single-step example)");
    }

    @Test
    void defaultsAndSlots() {
        Adam opt = new Adam();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.9f, opt.beta1());
        assertEquals(0.999f, opt.beta2());
        assertEquals(1e-7f, opt.epsilon());
        assertEquals(false, opt.amsgrad());
        assertEquals(List.of("momentum", "velocity"), opt.slots());
        assertEquals(List.of("momentum", "velocity", "velocity_hat"), Adam.builder().amsgrad(true).build().slots());
        Variable a = variable("a", 1, 2), b = variable("b", 3);
        opt.applyGradients(List.of(OptimizerTesting.tensor(1, 1), OptimizerTesting.tensor(1)), List.of(a, b));
        assertEquals(List.of("Adam/a_momentum", "Adam/a_velocity", "Adam/b_momentum", "Adam/b_velocity"),
                opt.variables().stream().map(Variable::name).toList());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("Argument `beta_1` must be a float in [0, 1). Received: beta_1=1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(0.001f, 1f, 0.999f, 1e-7f, false)).getMessage());
        assertEquals("Argument `beta_2` must be a float in [0, 1). Received: beta_2=-0.5",
                assertThrows(IllegalArgumentException.class, () -> Adam.builder().beta2(-0.5f).build()).getMessage());
    }
}
