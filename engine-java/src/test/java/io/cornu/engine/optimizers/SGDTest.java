package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SGDTest {

    @Test
    void sgdWithMomentumFollowsKerasFormula() {
        Variable w = new Variable("w", Tensor.of(new float[] {1f}));
        SGD opt = new SGD(0.1f, 0.9f);
        double wd = 1, m = 0;
        for (float g : new float[] {1f, -0.5f, 2f}) {
            opt.applyGradients(List.of(Tensor.of(new float[] {g})), List.of(w));
            m = 0.9 * m - 0.1 * g;
            wd += m;
            assertEquals(wd, w.get(0), 1e-6);
        }
    }
}
