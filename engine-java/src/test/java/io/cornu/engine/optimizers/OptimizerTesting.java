package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers for the optimizer tests: float variables in, double references out. */
final class OptimizerTesting {
    private OptimizerTesting() {
    }

    static Variable variable(String name, double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return new Variable(name, Tensor.of(f));
    }

    static Tensor tensor(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Tensor.of(f);
    }

    /** One update of {@code w} with gradient {@code g}. */
    static void step(Optimizer opt, Variable w, double... g) {
        opt.applyGradients(List.of(tensor(g)), List.of(w));
    }

    /** The gradient as the optimizer sees it: rounded to float, then widened to double. */
    static double[] asFloat(double... g) {
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) r[i] = (float) g[i];
        return r;
    }

    /** Each value within {@code tol} (absolute, or relative above 1). */
    static void assertValues(double[] expected, Tensor actual, double tol, String what) {
        assertEquals(expected.length, actual.size(), what + ": size");
        float[] a = actual.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            double t = tol * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], a[i], t, what + "[" + i + "]");
        }
    }

    static void assertValues(double[] expected, Tensor actual, String what) {
        assertValues(expected, actual, 2e-6, what);
    }
}
