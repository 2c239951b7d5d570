package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static io.cornu.engine.ops.ArithmeticTest.assertClose;
import static io.cornu.engine.ops.ArithmeticTest.reference;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forward values of the activations: Keras' documented examples, the defining formulas in double,
 * stability at large |x|, and softmax / log-softmax over any axes.
 */
class ActivationsTest {
    private static final Tensor X = Tensor.of(new float[] {-30, -6, -3.5f, -3, -1, -0.3f, 0, 0.3f, 1, 3, 3.5f, 6, 30});
    private static final Tensor M101 = Tensor.of(new float[] {-1, 0, 1});

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static void check(UnaryOperator<Tensor> op, DoubleUnaryOperator definition) {
        assertClose(reference(X, definition), op.apply(X), 1e-6, 1e-7);
    }

    @Test
    void kerasDocumentedExamples() {
        // the examples in the keras.ops docstrings (float32 outputs)
        assertClose(new double[] {0, 0, 0.1, 0.2, 6, 6}, Ops.relu6(Tensor.of(new float[] {-3, -2, 0.1f, 0.2f, 6, 8})), 1e-7, 0);
        assertClose(new double[] {0.33333334, 0.5, 0.6666667}, Ops.hardSigmoid(M101), 1e-7, 0);
        assertClose(new double[] {-0.2, 0, 1}, Ops.leakyRelu(M101), 1e-7, 0);
        assertClose(new double[] {-0.63212055, 0, 1}, Ops.elu(M101), 1e-7, 0);
        assertClose(new double[] {-1.11133074, 0, 1.05070099}, Ops.selu(M101), 1e-7, 0);
        assertClose(new double[] {-0.15880801, 0, 0.84119199}, Ops.gelu(M101), 1e-7, 0);
        assertClose(new double[] {-0.15865525, 0, 0.84134475}, Ops.gelu(M101, false), 1e-7, 0);
        assertClose(new double[] {0.45366606, 0.6931472, 1.0086660}, Ops.softplus(Tensor.of(new float[] {-0.555f, 0, 0.555f})), 1e-7, 0);
        assertClose(new double[] {-0.09090909, -0.90909094, 0.5, 0, 0.990099}, Ops.softsign(Tensor.of(new float[] {-0.1f, -10, 1, 0, 100})), 1e-7, 0);
        assertClose(new double[] {-0.26894143, 0, 0.7310586}, Ops.silu(M101), 1e-7, 0);
        assertClose(new double[] {0.0024726232, 0.7310586, 0.5, 0.7310586, 0.9975274}, Ops.sigmoid(Tensor.of(new float[] {-6, 1, 0, 1, 6})), 1e-6, 0);
    }

    @Test
    void activationsMatchTheirDefinitionsInDouble() {
        check(Ops::relu, v -> Math.max(v, 0));
        check(Ops::relu6, v -> Math.min(Math.max(v, 0), 6));
        check(Ops::leakyRelu, v -> v >= 0 ? v : 0.2 * v);
        check(x -> Ops.leakyRelu(x, 0.01f), v -> v >= 0 ? v : 0.01 * v);
        check(Ops::elu, v -> v > 0 ? v : Math.exp(v) - 1);
        check(x -> Ops.elu(x, 0.5f), v -> v > 0 ? v : 0.5 * (Math.exp(v) - 1));
        check(Ops::selu, v -> 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * (Math.exp(v) - 1)));
        check(Ops::tanh, Math::tanh);
        check(Ops::sigmoid, ActivationsTest::sigmoid);
        check(Ops::hardSigmoid, v -> Math.min(Math.max(v / 6 + 0.5, 0), 1));
        check(Ops::softplus, v -> Math.log(1 + Math.exp(v)));
        check(Ops::softsign, v -> v / (1 + Math.abs(v)));
        check(Ops::swish, v -> v * sigmoid(v));
        check(Ops::silu, v -> v * sigmoid(v));
        check(Ops::logSigmoid, v -> Math.log(sigmoid(v)));
        check(Ops::hardSilu, v -> v * Math.min(Math.max(v / 6 + 0.5, 0), 1));
        check(Ops::gelu, v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
    }

    @Test
    void exactGeluMatchesTheNormalCdf() {
        // x * Phi(x) with Phi from an independent erfc (CPython's libm), including the far tail
        Tensor x = Tensor.of(new float[] {-10, -1, 0, 1, 2});
        assertClose(new double[] {-7.619853024160593e-23, -0.15865525393145707, 0, 0.8413447460685429, 1.9544997361036416},
                Ops.gelu(x, false), 1e-6, 0);
    }

    @Test
    void stableForLargeMagnitudes() {
        // exp(-20) is still a normal float: the small side keeps its relative precision
        Tensor big = Tensor.of(new float[] {-20, 20});
        double t = Math.exp(-20);
        assertClose(new double[] {t / (1 + t), 1 / (1 + t)}, Ops.sigmoid(big), 1e-6, 0);
        assertClose(new double[] {Math.log1p(t), 20 + Math.log1p(t)}, Ops.softplus(big), 1e-6, 0);
        assertClose(new double[] {-20 - Math.log1p(t), -Math.log1p(t)}, Ops.logSigmoid(big), 1e-6, 0);
        assertClose(new double[] {-20 * t / (1 + t), 20 / (1 + t)}, Ops.silu(big), 1e-6, 0);
        // far out, no overflow to inf or NaN (exp(-100) is below float32's normal range)
        Tensor huge = Tensor.of(new float[] {-100, 100});
        assertClose(new double[] {0, 1}, Ops.sigmoid(huge), 0, 1e-40);
        assertClose(new double[] {0, 100}, Ops.softplus(huge), 0, 1e-40);
        assertClose(new double[] {-100, 0}, Ops.logSigmoid(huge), 0, 1e-40);
        assertClose(new double[] {0, 100}, Ops.silu(huge), 0, 1e-40);
        assertClose(new double[] {-1, 1}, Ops.tanh(huge), 0, 0);
        assertClose(new double[] {0, 100}, Ops.gelu(huge), 0, 0);
        assertClose(new double[] {0, 100}, Ops.gelu(huge, false), 0, 0);
        for (float v : Ops.softplus(Tensor.of(new float[] {-1e30f, 1e30f})).toFloatArray()) assertTrue(Float.isFinite(v));
    }

    @Test
    void invalidArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.sigmoid(Tensor.ofInts(1, 2)));
        assertEquals("sigmoid: expected a float32 tensor, got int32 tensor of shape (2,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.leakyRelu(X, Float.NaN));
        assertEquals("leaky_relu: expected a finite negative_slope. Received: negative_slope=NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.softmax(Tensor.zeros(2, 3), 2));
        assertEquals("softmax: axis 2 is out of bounds for a tensor of rank 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.logSoftmax(Tensor.zeros(2, 3), new int[0]));
        assertEquals("log_softmax: expected at least one axis. Received: axis=[]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.softmax(Tensor.ofLongs(1, 2)));
        assertEquals("softmax: expected a float32 tensor, got int64 tensor of shape (2,)", e.getMessage());
    }

    // ---- softmax and log-softmax ----

    /** Softmax and log-softmax in double over {@code axis} of a rank-3 tensor, by explicit index loops. */
    private static double[][] softmaxReference(Tensor x, int axis) {
        int[] d = x.dims();
        float[] v = x.toFloatArray();
        double[] sm = new double[v.length], lsm = new double[v.length];
        int[] stride = {d[1] * d[2], d[2], 1};
        for (int i = 0; i < v.length; i++) {
            int pos = (i / stride[axis]) % d[axis];
            int base = i - pos * stride[axis];
            double m = Double.NEGATIVE_INFINITY, s = 0;
            for (int k = 0; k < d[axis]; k++) m = Math.max(m, v[base + k * stride[axis]]);
            for (int k = 0; k < d[axis]; k++) s += Math.exp(v[base + k * stride[axis]] - m);
            lsm[i] = v[i] - m - Math.log(s);
            sm[i] = Math.exp(lsm[i]);
        }
        return new double[][] {sm, lsm};
    }

    @Test
    void softmaxAndLogSoftmaxOverEveryAxis() {
        Tensor x = Ops.mul(random(5, 2, 3, 4), 3f);
        for (int axis = 0; axis < 3; axis++) {
            double[][] ref = softmaxReference(x, axis);
            assertClose(ref[0], Ops.softmax(x, axis), 1e-5, 1e-7);
            assertClose(ref[1], Ops.logSoftmax(x, axis), 1e-5, 1e-6);
            assertClose(ref[0], Ops.softmax(x, axis - 3), 1e-5, 1e-7); // negative axis
            assertArrayEquals(x.dims(), Ops.softmax(x, axis).dims());
        }
        // a transposed (non-contiguous) input over its first axis
        Tensor t = x.reshape(6, 4).transpose(); // (4, 6)
        double[][] ref = softmaxReference(t.reshape(1, 4, 6), 1);
        assertClose(ref[0], Ops.softmax(t, 0), 1e-5, 1e-7);
        assertClose(ref[1], Ops.logSoftmax(t, 0), 1e-5, 1e-6);
    }

    @Test
    void softmaxOverSeveralAxesNormalisesEachGroup() {
        Tensor x = random(6, 2, 3, 4);
        Tensor s = Ops.softmax(x, new int[] {0, 2});
        float[] sums = Ops.sum(s, 0, 2).toFloatArray();
        for (float v : sums) assertEquals(1f, v, 1e-6);
        // equals softmax of the flattened group: move axis 1 first, flatten the other two
        Tensor grouped = Ops.softmax(x.permute(1, 0, 2).reshape(3, 8), -1);
        assertClose(reference(grouped, v -> v), s.permute(1, 0, 2).reshape(3, 8), 1e-6, 1e-7);
        Tensor ls = Ops.logSoftmax(x, new int[] {0, 2});
        assertClose(reference(s, Math::log), ls, 1e-5, 1e-6);
    }

    @Test
    void softmaxIsStableAndNormalised() {
        Tensor x = Tensor.of(new float[][] {{1000, 1001, 1002}, {-5, 0, 5}});
        float[] s = Ops.softmax(x).toFloatArray();
        double e0 = 1 / (1 + Math.E + Math.E * Math.E);
        assertEquals(e0, s[0], 1e-6);
        assertEquals(e0 * Math.E * Math.E, s[2], 1e-6);
        assertEquals(1.0, s[3] + s[4] + s[5], 1e-6);
        float[] ls = Ops.logSoftmax(x).toFloatArray();
        for (int i = 0; i < 6; i++) assertEquals(Math.log(s[i]), ls[i], 1e-5);
        assertTrue(Float.isFinite(ls[0]));
    }

    @Test
    void logSoftmaxKeepsFullPrecisionOnLargeInputs() {
        // (x - max) is exact here, so the result is as precise as for small inputs
        Tensor x = Tensor.of(new float[] {3000, 3001, 3002, -3000});
        double tail = Math.log(1 + Math.exp(-1) + Math.exp(-2));
        assertClose(new double[] {-2 - tail, -1 - tail, -tail, -6002 - tail}, Ops.logSoftmax(x), 1e-7, 1e-7);
        assertClose(new double[] {0, Double.NEGATIVE_INFINITY}, Ops.logSoftmax(Tensor.of(new float[] {0, Float.NEGATIVE_INFINITY})), 0, 0);
        assertClose(new double[] {1, 0}, Ops.softmax(Tensor.of(new float[] {0, Float.NEGATIVE_INFINITY})), 0, 0);
        // and in the other axis layout, along axis 0 of a column
        assertClose(new double[] {-2 - tail, -1 - tail, -tail, -6002 - tail}, Ops.logSoftmax(x.reshape(4, 1), 0), 1e-7, 1e-7);
    }
}
