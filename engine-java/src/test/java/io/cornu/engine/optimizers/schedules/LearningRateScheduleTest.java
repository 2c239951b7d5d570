package io.cornu.engine.optimizers.schedules;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.Adagrad;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.optimizers.SGD;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** User schedules: any {@code step -> lr} function, evaluated at the optimizer's iterations. */
class LearningRateScheduleTest {

    @Test
    void userScheduleDrivesTheOptimizer() {
        LearningRateSchedule oneOverT = step -> 1f / (step + 1);
        Variable w = new Variable("w", Tensor.of(new float[] {0f}));
        Optimizer opt = new SGD(oneOverT);
        double ref = 0;
        for (int k = 0; k < 5; k++) {
            opt.applyGradients(List.of(Tensor.of(new float[] {1f})), List.of(w));
            ref -= 1.0 / (k + 1);
            assertEquals(ref, w.get(0), 1e-6);
        }
        assertEquals(1f / 6, opt.learningRate(), 1e-7);
    }

    /** Every optimizer takes a schedule: Adagrad's three steps with lr(step) = 0.1 * 0.5^step. */
    @Test
    void scheduleInAnotherOptimizer() {
        Variable w = new Variable("w", Tensor.of(new float[] {1f}));
        Optimizer opt = new Adagrad(step -> 0.1f * (float) Math.pow(0.5, step));
        double ref = 1, acc = 0.1;
        for (int t = 0; t < 3; t++) {
            opt.applyGradients(List.of(Tensor.of(new float[] {0.5f})), List.of(w));
            acc += 0.25;
            ref -= 0.1 * Math.pow(0.5, t) * 0.5 / Math.sqrt(acc + 1e-7);
            assertEquals(ref, w.get(0), 1e-6);
        }
    }

    @Test
    void userSchedulesNeedNotBeSerializable() {
        LearningRateSchedule s = step -> 0.1f;
        assertThrows(UnsupportedOperationException.class, s::getConfig);
    }
}
