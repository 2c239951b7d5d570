package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.Tensor;

/** Differentiable shape changes (views where possible). Reached through {@link Ops}. */
final class Shaping {
    private Shaping() {
    }

    static Tensor reshape(Tensor x, int[] shape) {
        Tensor out = x.reshape(shape);
        if (GradientTape.isRecording()) {
            int[] in = x.dims();
            GradientTape.record(out, "reshape", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.reshape(in)});
        }
        return out;
    }

    static Tensor transpose(Tensor x) {
        Tensor out = x.transpose();
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "transpose", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.transpose()});
        }
        return out;
    }
}
