package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;

/** Every differentiable op's tape gradient against central finite differences. */
class OpsGradientTest {

    @Test
    void arithmeticWithBroadcasting() {
        check(x -> Ops.add(x.get(0), x.get(1)), random(1, 3, 4), random(2, 4));
        check(x -> Ops.sub(x.get(0), x.get(1)), random(3, 2, 1, 3), random(4, 5, 1));
        check(x -> Ops.mul(x.get(0), x.get(1)), random(5, 3, 4), random(6, 3, 1));
        Tensor denom = Ops.add(Ops.square(random(8, 1, 4)), 1f);
        check(x -> Ops.div(x.get(0), x.get(1)), random(7, 3, 4), denom);
    }

    @Test
    void unaryMath() {
        check(x -> Ops.exp(x.get(0)), random(10, 2, 5));
        check(x -> Ops.log(x.get(0)), Ops.add(Ops.square(random(11, 7)), 0.5f));
        check(x -> Ops.square(x.get(0)), random(12, 3, 3));
        check(x -> Ops.mul(x.get(0), 3f), random(13, 4));
        check(x -> Ops.add(x.get(0), -2f), random(14, 4));
        check(x -> Ops.neg(x.get(0)), random(15, 4));
        // clip: keep points away from the kinks so that differences do not straddle them
        check(x -> Ops.clip(x.get(0), -0.5f, 0.5f), Tensor.of(new float[] {-1.2f, -0.3f, 0.1f, 0.45f, 0.9f}));
    }

    @Test
    void reductions() {
        check(x -> Ops.sum(x.get(0)), random(20, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {0}, false), random(21, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {-1}, true), random(22, 2, 3, 4));
        check(x -> Ops.sum(x.get(0), new int[] {0, 2}, false), random(23, 2, 3, 4));
        check(x -> Ops.mean(x.get(0), 1), random(24, 3, 5));
        // max: entries at least 2h apart so that the difference quotient never changes the arg-max
        check(x -> Ops.max(x.get(0), new int[] {1}, false),
                Tensor.of(new float[][] {{0.2f, -0.6f, -1f, 0.9f}, {0.4f, -1.5f, 1.8f, 0.3f}, {0.65f, -1.9f, 0.5f, 0.1f}}));
    }

    @Test
    void matmulAndShapes() {
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(30, 3, 4), random(31, 4, 5));
        check(x -> Ops.matmul(Ops.transpose(x.get(0)), x.get(1)), random(32, 4, 3), random(33, 4, 2));
        check(x -> Ops.reshape(x.get(0), 2, -1), random(34, 3, 4));
    }

    @Test
    void activations() {
        // relu: values away from 0 so the finite difference does not cross the kink
        check(x -> Ops.relu(x.get(0)), Tensor.of(new float[] {-1.5f, -0.2f, 0.3f, 2f}));
        check(x -> Ops.softmax(x.get(0)), random(40, 3, 5));
        check(x -> Ops.logSoftmax(x.get(0)), random(41, 3, 5));
    }
}
