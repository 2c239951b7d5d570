package io.cornu.engine.testing;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Checks tape gradients against central finite differences. The function's output is reduced to
 * a scalar as {@code sum(f(x) * w)} with fixed random weights {@code w}, so every output element
 * contributes with a different weight (a plain sum would hide errors that cancel, e.g. in softmax).
 *
 * <p>Tolerance: ops run in float32, so the difference quotient with step {@code h} carries a
 * rounding error of about {@code ulp(f) / h} plus a truncation error of {@code O(h^2 f''')}. With
 * {@code h = 1e-2} and values of order 1 both stay near {@code 1e-3}, hence the default absolute
 * + relative tolerance of {@code 1e-2}.
 */
public final class GradCheck {
    private GradCheck() {
    }

    public static Tensor random(long seed, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextGaussian();
        return t;
    }

    /** Asserts that the gradient of {@code f} at {@code inputs} matches finite differences. */
    public static void check(Function<List<Tensor>, Tensor> f, double tol, Tensor... inputs) {
        List<Tensor> xs = new ArrayList<>(List.of(inputs));
        Tensor probe = f.apply(xs);
        Tensor w = random(99, probe.dims());
        List<Tensor> analytic;
        try (GradientTape tape = new GradientTape()) {
            for (Tensor x : xs) tape.watch(x);
            Tensor y = f.apply(xs);
            Tensor loss = io.cornu.engine.ops.Ops.sum(io.cornu.engine.ops.Ops.mul(y, w));
            analytic = tape.gradient(loss, xs);
        }
        double h = 1e-2;
        for (int k = 0; k < xs.size(); k++) {
            Tensor g = analytic.get(k);
            assertNotNull(g, "no gradient for input " + k);
            assertEquals(xs.get(k).shape(), g.shape(), "gradient shape of input " + k);
            float[] x = xs.get(k).buffer();
            float[] ga = g.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                float old = x[i];
                x[i] = (float) (old + h);
                double plus = weightedSum(f.apply(xs), w);
                x[i] = (float) (old - h);
                double minus = weightedSum(f.apply(xs), w);
                x[i] = old;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, ga[i], tol * (1 + Math.abs(numeric)),
                        "d/dx" + k + "[" + i + "]: numeric " + numeric + " vs tape " + ga[i]);
            }
        }
    }

    public static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        check(f, 1e-2, inputs);
    }

    private static double weightedSum(Tensor y, Tensor w) {
        float[] a = y.toFloatArray(), b = w.toFloatArray();
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
