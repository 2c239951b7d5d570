package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.tensor;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdamWTest {
    static final double[][] GRADS = {{2.0, -1.0, 0.5}, {0.25, -0.5, 1.5}, {-0.125, 0.25, -0.25}};

    /**
     * Keras: first w -= w * weight_decay * lr (decoupled), then the Adam step
     * (alpha = lr sqrt(1 - b2^t) / (1 - b1^t); m, v moving averages; w -= alpha m / (sqrt(v) + eps)).
     */
    private static void checkThreeSteps(float weightDecay, boolean amsgrad) {
        double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        Variable w = variable("w", 1, -2, 0.5);
        AdamW opt = new AdamW(0.1f, weightDecay, 0.9f, 0.999f, 1e-7f, amsgrad);
        double[] ref = {1, -2, 0.5}, m = new double[3], v = new double[3], vHat = new double[3];
        for (int t = 1; t <= 3; t++) {
            double[] g = GRADS[t - 1];
            step(opt, w, g);
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < 3; i++) {
                ref[i] -= ref[i] * weightDecay * lr;
                m[i] += (g[i] - m[i]) * (1 - b1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                vHat[i] = Math.max(vHat[i], v[i]);
                ref[i] -= alpha * m[i] / (Math.sqrt(amsgrad ? vHat[i] : v[i]) + eps);
            }
            assertValues(ref, w, "w after step " + t);
        }
    }

    @Test
    void defaultWeightDecayFirstThreeUpdates() {
        checkThreeSteps(0.004f, false);
    }

    @Test
    void strongWeightDecayFirstThreeUpdates() {
        checkThreeSteps(0.5f, false);
    }

    @Test
    void amsgradFirstThreeUpdates() {
        checkThreeSteps(0.1f, true);
    }

    /** Keras' single-step example: lr 0.5, default weight decay 0.004. */
    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new AdamW(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.4980, 1.4960, 2.494, 3.492}, w, 1e-4, "w");
    }

    /** With zero gradients only the decay moves the weights; excluded variables stay put. */
    @Test
    void weightDecayAndExclusions() {
        Variable kernel = variable("dense/kernel", 2), bias = variable("dense/bias", 2), other = variable("other", 2);
        AdamW opt = new AdamW(1f);
        opt.excludeFromWeightDecay(List.of(other), List.of("bias"));
        for (int k = 0; k < 3; k++) {
            opt.applyGradients(List.of(tensor(0), tensor(0), tensor(0)), List.of(kernel, bias, other));
        }
        assertEquals(2 * Math.pow(1 - 0.004, 3), kernel.get(0), 1e-6);
        assertEquals(2f, bias.get(0));
        assertEquals(2f, other.get(0));
        assertEquals("`excludeFromWeightDecay()` can only be configured before the optimizer is built.",
                assertThrows(IllegalStateException.class, () -> opt.excludeFromWeightDecay(null, List.of("x"))).getMessage());
    }

    @Test
    void defaults() {
        AdamW opt = new AdamW();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.004f, opt.weightDecay());
        assertEquals(0.9f, opt.getConfig().get("beta_1"));
        assertEquals(0.999f, opt.getConfig().get("beta_2"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(false, opt.getConfig().get("amsgrad"));
        assertEquals("AdamW", opt.name());
        assertEquals(List.of("momentum", "velocity"), opt.slots());
    }

    @Test
    void badWeightDecayIsNamed() {
        assertEquals("Argument `weight_decay` must be a float >= 0. Received: weight_decay=-0.1",
                assertThrows(IllegalArgumentException.class, () -> new AdamW(0.001f, -0.1f)).getMessage());
    }
}
