package io.cornu.engine.ops;

import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;

/** Tape gradients of matmul and shape ops against central finite differences (the other families have their own *GradientTest). */
class OpsGradientTest {

    @Test
    void matmulAndShapes() {
        check(x -> Ops.matmul(x.get(0), x.get(1)), random(30, 3, 4), random(31, 4, 5));
        check(x -> Ops.matmul(Ops.transpose(x.get(0)), x.get(1)), random(32, 4, 3), random(33, 4, 2));
        check(x -> Ops.reshape(x.get(0), 2, -1), random(34, 3, 4));
    }
}
