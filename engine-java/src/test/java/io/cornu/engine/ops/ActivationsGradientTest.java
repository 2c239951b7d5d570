package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tape gradients of the activations against central finite differences (step 1e-2). The
 * piecewise ones (relu, relu6, leaky relu, hard sigmoid, hard silu, elu and selu at 0) are checked
 * at points more than the step away from their kinks (0, 6, ±3), so that no difference quotient
 * straddles one; the smooth ones on random normal inputs and on a wide range.
 */
class ActivationsGradientTest {
    /** Away from every kink: 0, ±3 and 6 are all more than 0.05 from these points. */
    private static final Tensor AWAY_FROM_KINKS = Tensor.of(new float[] {-7f, -3.4f, -2.6f, -1f, -0.2f, 0.15f, 0.8f, 2.5f, 3.3f, 5.5f, 6.6f});
    /** A wide range for the smooth functions, tails included. */
    private static final Tensor WIDE = Tensor.of(new float[] {-8f, -4f, -2f, -1f, -0.5f, 0f, 0.5f, 1f, 2f, 4f, 8f});

    private static void checkBoth(UnaryOperator<Tensor> op) {
        check(x -> op.apply(x.get(0)), random(1, 3, 4));
        check(x -> op.apply(x.get(0)), WIDE);
    }

    @Test
    void smoothActivations() {
        checkBoth(Ops::tanh);
        checkBoth(Ops::sigmoid);
        checkBoth(Ops::softplus);
        checkBoth(Ops::softsign); // |x| has a kink at 0, but x / (1 + |x|) is C1 there
        checkBoth(Ops::swish);
        checkBoth(Ops::silu);
        checkBoth(Ops::logSigmoid);
        checkBoth(Ops::gelu);
        checkBoth(x -> Ops.gelu(x, false));
        checkBoth(Ops::elu); // alpha = 1: elu is C1 at 0
    }

    @Test
    void piecewiseActivationsAwayFromKinks() {
        check(x -> Ops.relu(x.get(0)), AWAY_FROM_KINKS);
        check(x -> Ops.relu6(x.get(0)), AWAY_FROM_KINKS);
        check(x -> Ops.leakyRelu(x.get(0)), AWAY_FROM_KINKS);
        check(x -> Ops.leakyRelu(x.get(0), 0.01f), AWAY_FROM_KINKS);
        check(x -> Ops.hardSigmoid(x.get(0)), AWAY_FROM_KINKS);
        check(x -> Ops.hardSilu(x.get(0)), AWAY_FROM_KINKS);
        check(x -> Ops.elu(x.get(0), 0.5f), AWAY_FROM_KINKS);
        check(x -> Ops.selu(x.get(0)), AWAY_FROM_KINKS);
    }

    @Test
    void derivativesAtTheKinksFollowTensorFlow() {
        Variable x = new Variable("x", Tensor.of(new float[] {0, 6, -3, 3}));
        Tensor relu, relu6, leaky, hard;
        try (GradientTape tape = new GradientTape(true)) {
            relu = tape.gradient(Ops.sum(Ops.relu(x)), List.of(x)).get(0);
            relu6 = tape.gradient(Ops.sum(Ops.relu6(x)), List.of(x)).get(0);
            leaky = tape.gradient(Ops.sum(Ops.leakyRelu(x)), List.of(x)).get(0);
            hard = tape.gradient(Ops.sum(Ops.hardSigmoid(x)), List.of(x)).get(0);
        }
        assertArrayEquals(new float[] {0, 1, 0, 1}, relu.toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 1}, relu6.toFloatArray());
        assertArrayEquals(new float[] {0.2f, 1, 0.2f, 1}, leaky.toFloatArray());
        assertArrayEquals(new float[] {1f / 6, 0, 0, 0}, hard.toFloatArray());
    }

    @Test
    void softmaxAndLogSoftmaxOverAnyAxes() {
        check(x -> Ops.softmax(x.get(0)), random(40, 3, 5));
        check(x -> Ops.logSoftmax(x.get(0)), random(41, 3, 5));
        check(x -> Ops.softmax(x.get(0), 0), random(42, 3, 5));
        check(x -> Ops.logSoftmax(x.get(0), 0), random(43, 3, 5));
        check(x -> Ops.softmax(x.get(0), 1), random(44, 2, 3, 4));
        check(x -> Ops.logSoftmax(x.get(0), -2), random(45, 2, 3, 4));
        check(x -> Ops.softmax(x.get(0), new int[] {0, 2}), random(46, 2, 3, 4));
        check(x -> Ops.logSoftmax(x.get(0), new int[] {0, 2}), random(47, 2, 3, 4));
        // on a transposed view: the gradient comes back in the input's layout
        check(x -> Ops.softmax(Ops.transpose(x.get(0)), 0), random(48, 3, 4));
    }

    @Test
    void softmaxGradientIsShiftInvariantOnLargeValues() {
        // softmax(x + c) = softmax(x): the gradients at x and at x + 1000 must agree. At 1000 a
        // finite difference of step 1e-2 would be dominated by float32 spacing (6e-5), so compare
        // the tape against itself at small values, which GradCheck verified above.
        Tensor small = random(50, 2, 4);
        Tensor w = random(51, 2, 4);
        for (boolean log : new boolean[] {false, true}) {
            float[] g0 = grad(small, w, log), g1 = grad(Ops.add(small, 1000f), w, log);
            for (int i = 0; i < g0.length; i++) assertEquals(g0[i], g1[i], 1e-4, "log=" + log + " element " + i);
        }
    }

    private static float[] grad(Tensor x, Tensor w, boolean log) {
        Variable v = new Variable("x", x);
        try (GradientTape tape = new GradientTape()) {
            Tensor y = log ? Ops.logSoftmax(v) : Ops.softmax(v);
            return tape.gradient(Ops.sum(Ops.mul(y, w)), List.of(v)).get(0).toFloatArray();
        }
    }
}
