package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.Tensor;

/** Elementwise arithmetic with broadcasting, and their gradients. Reached through {@link Ops}. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Tensor add(Tensor a, Tensor b) {
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("add", a, b, k::add, Float::sum);
        if (GradientTape.isRecording()) GradientTape.record(out, "add", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {g, g});
        return out;
    }

    static Tensor sub(Tensor a, Tensor b) {
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("subtract", a, b, k::sub, (x, y) -> x - y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "subtract", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {g, neg(g)});
        }
        return out;
    }

    static Tensor mul(Tensor a, Tensor b) {
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("multiply", a, b, k::mul, (x, y) -> x * y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "multiply", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {mul(g, b), mul(g, a)});
        }
        return out;
    }

    static Tensor div(Tensor a, Tensor b) {
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("divide", a, b, k::div, (x, y) -> x / y);
        if (GradientTape.isRecording()) {
            // d(a/b)/da = 1/b ; d(a/b)/db = -a/b^2 = -out/b
            GradientTape.record(out, "divide", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {div(g, b), neg(div(mul(g, out), b))});
        }
        return out;
    }

    /** {@code a * s + t}. */
    static Tensor scaleShift(Tensor a, float s, float t) {
        Tensor src = a.contiguous();
        Tensor out = Tensor.zeros(a.dims());
        Kernels.get().scaleShift(src.buffer(), src.offset(), s, t, out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "scale_shift", new Tensor[] {a}, (g, needed) -> new Tensor[] {scaleShift(g, s, 0f)});
        }
        return out;
    }

    static Tensor neg(Tensor a) {
        return scaleShift(a, -1f, 0f);
    }

    static Tensor exp(Tensor a) {
        Tensor src = a.contiguous();
        Tensor out = Tensor.zeros(a.dims());
        Kernels.get().exp(src.buffer(), src.offset(), out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) GradientTape.record(out, "exp", new Tensor[] {a}, (g, needed) -> new Tensor[] {mul(g, out)});
        return out;
    }

    static Tensor log(Tensor a) {
        Tensor src = a.contiguous();
        Tensor out = Tensor.zeros(a.dims());
        Kernels.get().log(src.buffer(), src.offset(), out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) GradientTape.record(out, "log", new Tensor[] {a}, (g, needed) -> new Tensor[] {div(g, a)});
        return out;
    }

    static Tensor square(Tensor a) {
        Tensor src = a.contiguous();
        Tensor out = Tensor.zeros(a.dims());
        Kernels.get().mul(src.buffer(), src.offset(), src.buffer(), src.offset(), out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "square", new Tensor[] {a}, (g, needed) -> new Tensor[] {mul(g, scaleShift(a, 2f, 0f))});
        }
        return out;
    }

    /** Values limited to {@code [lo, hi]}; the gradient passes where {@code lo <= x <= hi}. */
    static Tensor clip(Tensor a, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clip: expected min <= max. Received: min=" + lo + ", max=" + hi);
        float[] x = a.toFloatArray();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.min(Math.max(x[i], lo), hi);
        Tensor out = Tensor.wrap(y, a.dims());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "clip", new Tensor[] {a}, (g, needed) -> {
                float[] gd = g.toFloatArray();
                for (int i = 0; i < gd.length; i++) if (x[i] < lo || x[i] > hi) gd[i] = 0f;
                return new Tensor[] {Tensor.wrap(gd, a.dims())};
            });
        }
        return out;
    }
}
