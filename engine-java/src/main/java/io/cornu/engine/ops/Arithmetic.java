package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

/**
 * Elementwise arithmetic and math with broadcasting, and their gradients. Reached through
 * {@link Ops}. Binary ops broadcast like NumPy (the tape sums gradients back over broadcast axes);
 * unary math functions are entries of the {@link UnaryFunction} table. All take float32 tensors,
 * except {@code maximum} and {@code minimum}, which also take integers.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    // ---- binary ----

    static Tensor add(Tensor a, Tensor b) {
        Elementwise.requireFloat("add", a, b);
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("add", a, b, k::add, Float::sum);
        if (GradientTape.isRecording()) GradientTape.record(out, "add", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {g, g});
        return out;
    }

    static Tensor sub(Tensor a, Tensor b) {
        Elementwise.requireFloat("subtract", a, b);
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("subtract", a, b, k::sub, (x, y) -> x - y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "subtract", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {g, needed[1] ? neg(g) : null});
        }
        return out;
    }

    static Tensor mul(Tensor a, Tensor b) {
        Elementwise.requireFloat("multiply", a, b);
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("multiply", a, b, k::mul, (x, y) -> x * y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "multiply", new Tensor[] {a, b},
                    (g, needed) -> new Tensor[] {needed[0] ? mul(g, b) : null, needed[1] ? mul(g, a) : null});
        }
        return out;
    }

    static Tensor div(Tensor a, Tensor b) {
        Elementwise.requireFloat("divide", a, b);
        Kernels k = Kernels.get();
        Tensor out = Broadcast.binary("divide", a, b, k::div, (x, y) -> x / y);
        if (GradientTape.isRecording()) {
            // d(a/b)/da = 1/b ; d(a/b)/db = -a/b^2 = -out/b
            GradientTape.record(out, "divide", new Tensor[] {a, b}, (g, needed) -> new Tensor[] {
                    needed[0] ? div(g, b) : null, needed[1] ? neg(div(mul(g, out), b)) : null});
        }
        return out;
    }

    /**
     * {@code a ** b} elementwise. Gradients: {@code b a^(b-1)} for {@code a}, {@code a^b log(a)}
     * for {@code b} where {@code a > 0} and 0 elsewhere (as TensorFlow, where the log is undefined).
     */
    static Tensor pow(Tensor a, Tensor b) {
        Elementwise.requireFloat("power", a, b);
        Tensor out = Broadcast.binary("power", a, b, Arithmetic::powRow, (x, y) -> (float) Math.pow(x, y));
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "power", new Tensor[] {a, b}, (g, needed) -> {
                int[] shape = out.dims();
                float[] x = Broadcast.expand(a, shape).toFloatArray(), e = Broadcast.expand(b, shape).toFloatArray();
                float[] gd = g.toFloatArray(), y = out.buffer();
                float[] da = needed[0] ? new float[y.length] : null, db = needed[1] ? new float[y.length] : null;
                for (int i = 0; i < y.length; i++) {
                    if (da != null && e[i] != 0f) da[i] = (float) (gd[i] * e[i] * Math.pow(x[i], e[i] - 1.0));
                    if (db != null && x[i] > 0f) db[i] = (float) (gd[i] * y[i] * Math.log(x[i]));
                }
                return new Tensor[] {da == null ? null : Tensor.wrap(da, shape), db == null ? null : Tensor.wrap(db, shape)};
            });
        }
        return out;
    }

    /** {@code a ** p} for a constant exponent. */
    static Tensor pow(Tensor a, float p) {
        return Elementwise.unary(UnaryFunction.POW, a, p);
    }

    /** The larger of {@code a} and {@code b} elementwise; on ties the gradient goes to {@code a}, as in TensorFlow. */
    static Tensor maximum(Tensor a, Tensor b) {
        return extremum("maximum", a, b, true);
    }

    /** The smaller of {@code a} and {@code b} elementwise; on ties the gradient goes to {@code a}. */
    static Tensor minimum(Tensor a, Tensor b) {
        return extremum("minimum", a, b, false);
    }

    private static Tensor extremum(String op, Tensor a, Tensor b, boolean isMax) {
        boolean aInt = a.dtype() != DType.FLOAT32, bInt = b.dtype() != DType.FLOAT32;
        if (aInt && bInt) return integerExtremum(op, a, b, isMax);
        // one integer operand: compared as float32, as Keras promotes it (it gets no gradient)
        if (aInt) a = a.cast(DType.FLOAT32);
        if (bInt) b = b.cast(DType.FLOAT32);
        Tensor fa = a, fb = b;
        Tensor out = isMax
                ? Broadcast.binary(op, a, b, Arithmetic::maxRow, Math::max)
                : Broadcast.binary(op, a, b, Arithmetic::minRow, Math::min);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, op, new Tensor[] {fa, fb}, (g, needed) -> {
                int[] shape = out.dims();
                float[] x = Broadcast.expand(fa, shape).toFloatArray(), z = Broadcast.expand(fb, shape).toFloatArray();
                float[] gd = g.toFloatArray();
                float[] da = new float[gd.length], db = new float[gd.length];
                for (int i = 0; i < gd.length; i++) {
                    boolean toA = isMax ? x[i] >= z[i] : x[i] <= z[i];
                    if (toA) da[i] = gd[i];
                    else db[i] = gd[i];
                }
                return new Tensor[] {Tensor.wrap(da, shape), Tensor.wrap(db, shape)};
            });
        }
        return out;
    }

    /** Two integer operands: exact in int64, int32 unless either is int64. */
    private static Tensor integerExtremum(String op, Tensor a, Tensor b, boolean isMax) {
        int[] shape = Broadcast.shape(op, a.dims(), b.dims());
        long[] x = a.broadcastTo(shape).toLongArray(), z = b.broadcastTo(shape).toLongArray();
        if (a.dtype() == DType.INT64 || b.dtype() == DType.INT64) {
            long[] out = new long[x.length];
            for (int i = 0; i < x.length; i++) out[i] = isMax ? Math.max(x[i], z[i]) : Math.min(x[i], z[i]);
            return Tensor.wrap(out, shape);
        }
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (int) (isMax ? Math.max(x[i], z[i]) : Math.min(x[i], z[i]));
        return Tensor.wrap(out, shape);
    }

    private static void powRow(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]);
    }

    private static void maxRow(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.max(a[ao + i], b[bo + i]);
    }

    private static void minRow(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.min(a[ao + i], b[bo + i]);
    }

    // ---- affine ----

    /** {@code a * s + t}. */
    static Tensor scaleShift(Tensor a, float s, float t) {
        return scaleShift(t == 0f ? "multiply" : "add", a, s, t);
    }

    /** {@code a * s + t}, named {@code op} in error messages. */
    static Tensor scaleShift(String op, Tensor a, float s, float t) {
        Elementwise.requireFloat(op, a);
        Tensor src = a.contiguous();
        Tensor out = Tensor.zeros(a.dims());
        Kernels.get().scaleShift(src.buffer(), src.offset(), s, t, out.buffer(), 0, out.size());
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "scale_shift", new Tensor[] {a}, (g, needed) -> new Tensor[] {scaleShift(g, s, 0f)});
        }
        return out;
    }

    static Tensor neg(Tensor a) {
        return scaleShift("negative", a, -1f, 0f);
    }

    // ---- unary math (entries of the UnaryFunction table) ----

    static Tensor abs(Tensor a) {
        return Elementwise.unary(UnaryFunction.ABS, a);
    }

    static Tensor sign(Tensor a) {
        return Elementwise.unary(UnaryFunction.SIGN, a);
    }

    static Tensor exp(Tensor a) {
        return Elementwise.unary(UnaryFunction.EXP, a);
    }

    static Tensor expm1(Tensor a) {
        return Elementwise.unary(UnaryFunction.EXPM1, a);
    }

    static Tensor log(Tensor a) {
        return Elementwise.unary(UnaryFunction.LOG, a);
    }

    static Tensor log1p(Tensor a) {
        return Elementwise.unary(UnaryFunction.LOG1P, a);
    }

    static Tensor sqrt(Tensor a) {
        return Elementwise.unary(UnaryFunction.SQRT, a);
    }

    static Tensor rsqrt(Tensor a) {
        return Elementwise.unary(UnaryFunction.RSQRT, a);
    }

    static Tensor square(Tensor a) {
        return Elementwise.unary(UnaryFunction.SQUARE, a);
    }

    static Tensor erf(Tensor a) {
        return Elementwise.unary(UnaryFunction.ERF, a);
    }

    /** Values limited to {@code [lo, hi]}; the gradient passes where {@code lo <= x <= hi}. */
    static Tensor clip(Tensor a, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clip: expected min <= max. Received: min=" + lo + ", max=" + hi);
        return Elementwise.unary(UnaryFunction.CLIP, a, lo, hi);
    }
}
