package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

/**
 * Runs the {@link UnaryFunction} table over tensors and records their gradients; also the dtype
 * checks shared by the float ops.
 */
final class Elementwise {
    /** Below this many elements a unary op runs on the calling thread. */
    static final int PARALLEL_ELEMENTS = 1 << 17;

    private Elementwise() {
    }

    /**
     * Throws unless {@code x} is float32: {@code exp: expected a float32 tensor, got int32 tensor of shape (3,)}.
     */
    static void requireFloat(String op, Tensor x) {
        if (x.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": expected a float32 tensor, got " + x.dtype() + " tensor of shape " + x.shape());
        }
    }

    /** Throws unless both operands are float32, naming the op and the offending operand. */
    static void requireFloat(String op, Tensor a, Tensor b) {
        requireFloat(op, a);
        requireFloat(op, b);
    }

    static Tensor unary(UnaryFunction f, Tensor x) {
        return unary(f, x, 0f, 0f);
    }

    static Tensor unary(UnaryFunction f, Tensor x, float p) {
        return unary(f, x, p, 0f);
    }

    /** {@code f(x)} elementwise with parameters {@code p, q}; records {@code f'(x) * g} as the gradient. */
    static Tensor unary(UnaryFunction f, Tensor x, float p, float q) {
        requireFloat(f.opName(), x);
        Tensor src = x.contiguous();
        float[] xs = src.buffer();
        int xo = src.offset();
        int n = src.size();
        float[] y = new float[n];
        if (f.selfParallel || n < PARALLEL_ELEMENTS) {
            f.forward(xs, xo, y, 0, n, p, q);
        } else {
            Parallelism.forRange(n, PARALLEL_ELEMENTS, (lo, hi) -> f.forward(xs, xo, y, lo, hi, p, q));
        }
        Tensor out = Tensor.wrap(y, x.dims());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, f.opName(), new Tensor[] {x}, (g, needed) -> {
                Tensor gc = g.contiguous();
                float[] gd = gc.buffer();
                int go = gc.offset();
                float[] dx = new float[n];
                if (n < PARALLEL_ELEMENTS) {
                    f.backward(xs, xo, y, gd, go, dx, 0, n, p, q);
                } else {
                    Parallelism.forRange(n, PARALLEL_ELEMENTS, (lo, hi) -> f.backward(xs, xo, y, gd, go, dx, lo, hi, p, q));
                }
                return new Tensor[] {Tensor.wrap(dx, x.dims())};
            });
        }
        return out;
    }
}
