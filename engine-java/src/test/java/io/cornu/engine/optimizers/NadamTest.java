package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.tensor;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NadamTest {
    static final double[][] GRADS = {{2.0, -1.0, 0.5}, {0.25, -0.5, 1.5}, {-0.125, 0.25, -0.25}};

    /**
     * Keras' Nadam with the momentum cache: u_t = b1 (1 - 0.5 * 0.96^t), u_t1 = b1 (1 - 0.5 * 0.96^(t+1)),
     * u_product *= u_t (once per update); m, v moving averages;
     * m_hat = u_t1 m / (1 - u_product u_t1) + (1 - u_t) g / (1 - u_product); v_hat = v / (1 - b2^t);
     * w -= lr m_hat / (sqrt(v_hat) + eps).
     */
    @Test
    void firstThreeUpdatesOnTwoVariables() {
        checkThreeSteps(1e-7f);
    }

    /** A large epsilon shows where it sits: added to sqrt(v_hat). */
    @Test
    void largeEpsilon() {
        checkThreeSteps(0.5f);
    }

    private static void checkThreeSteps(float epsilon) {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = epsilon;
        Variable w = variable("w", 1, -2, 0.5);
        Variable b = variable("b", 0.25);
        Nadam opt = new Nadam(0.01f, 0.9f, 0.999f, epsilon);
        double[] ref = {1, -2, 0.5, 0.25}, m = new double[4], v = new double[4];
        double uProduct = 1;
        for (int t = 1; t <= 3; t++) {
            double[] g = {GRADS[t - 1][0], GRADS[t - 1][1], GRADS[t - 1][2], -GRADS[t - 1][0]};
            opt.applyGradients(List.of(tensor(g[0], g[1], g[2]), tensor(g[3])), List.of(w, b));
            double uT = b1 * (1 - 0.5 * Math.pow(0.96, t));
            double uT1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
            uProduct *= uT;   // shared: once per update, not once per variable
            for (int i = 0; i < 4; i++) {
                m[i] += (g[i] - m[i]) * (1 - b1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                double mHat = uT1 * m[i] / (1 - uProduct * uT1) + (1 - uT) * g[i] / (1 - uProduct);
                double vHat = v[i] / (1 - Math.pow(b2, t));
                ref[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            assertValues(new double[] {ref[0], ref[1], ref[2]}, w, "w after step " + t);
            assertValues(new double[] {ref[3]}, b, "b after step " + t);
            assertEquals(uProduct, opt.variables().get(0).item(), 1e-6, "u_product");
        }
    }

    @Test
    void kerasSingleStep() {
        Variable w = variable("w", 1, 2, 3, 4);
        step(new Nadam(0.5f), w, 1, 6, 7, 2);
        assertValues(new double[] {0.4686, 1.4686, 2.4686, 3.4686}, w, 1e-4, "w");
    }

    @Test
    void defaultsAndState() {
        Nadam opt = new Nadam();
        assertEquals(0.001f, opt.learningRate());
        assertEquals(0.9f, opt.getConfig().get("beta_1"));
        assertEquals(0.999f, opt.getConfig().get("beta_2"));
        assertEquals(1e-7f, opt.getConfig().get("epsilon"));
        assertEquals(List.of("momentum", "velocity"), opt.slots());
        assertEquals(List.of("Nadam/u_product"), opt.variables().stream().map(Variable::name).toList());
        Variable w = variable("w", 1);
        step(opt, w, 1);
        assertEquals(List.of("Nadam/u_product", "Nadam/w_momentum", "Nadam/w_velocity"),
                opt.variables().stream().map(Variable::name).toList());
    }
}
