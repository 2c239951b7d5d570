package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.Tensor;

/** Activation functions and softmax, and their gradients. Reached through {@link Ops}. */
final class Activations {
    private Activations() {
    }

    static Tensor relu(Tensor x) {
        Tensor src = x.contiguous();
        Tensor out = Tensor.zeros(x.dims());
        Kernels.get().relu(src.buffer(), src.offset(), out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "relu", new Tensor[] {x}, (g, needed) -> {
                Tensor gc = g.contiguous();
                Tensor dx = Tensor.zeros(x.dims());
                Kernels.get().reluBackward(src.buffer(), src.offset(), gc.buffer(), gc.offset(), dx.buffer(), 0, dx.size());
                return new Tensor[] {dx};
            });
        }
        return out;
    }

    /** Softmax over the last axis. Gradient: {@code y * (g - sum(g * y))} per row. */
    static Tensor softmax(Tensor x, int axis) {
        checkLastAxis("softmax", x, axis);
        Tensor src = x.contiguous();
        Tensor out = Tensor.zeros(x.dims());
        int cols = x.rank() == 0 ? 1 : x.dim(-1);
        int rows = cols == 0 ? 0 : x.size() / cols;
        Kernels.get().softmaxRows(src.buffer(), src.offset(), out.buffer(), 0, rows, cols);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "softmax", new Tensor[] {x}, (g, needed) -> {
                Tensor gy = Arithmetic.mul(g, out);
                return new Tensor[] {Arithmetic.sub(gy, Arithmetic.mul(out, Reductions.sum(gy, new int[] {-1}, true)))};
            });
        }
        return out;
    }

    /** {@code x - logsumexp(x)} over the last axis, computed stably. */
    static Tensor logSoftmax(Tensor x, int axis) {
        checkLastAxis("log_softmax", x, axis);
        Tensor m = Reductions.max(stop(x), new int[] {-1}, true);
        Tensor shifted = Arithmetic.sub(x, m);
        Tensor lse = Arithmetic.log(Reductions.sum(Arithmetic.exp(shifted), new int[] {-1}, true));
        return Arithmetic.sub(shifted, lse);
    }

    private static Tensor stop(Tensor x) {
        return Tensor.wrap(x.toFloatArray(), x.dims());
    }

    private static void checkLastAxis(String op, Tensor x, int axis) {
        if (x.rank() == 0 || (axis != -1 && axis != x.rank() - 1)) {
            throw new IllegalArgumentException(op + ": only the last axis is supported for now. Received: axis=" + axis
                    + " for a tensor of shape " + x.shape());
        }
    }
}
