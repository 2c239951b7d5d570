package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

/**
 * Elementwise comparisons with broadcasting, and {@code where}, which selects by such a
 * comparison. Reached through {@link Ops}.
 *
 * <p>Cornu has no boolean dtype: a comparison returns a <b>float32 mask</b> of 0s and 1s, which
 * multiplies directly with other float tensors (a masked mean is {@code sum(x * m) / sum(m)}).
 * Comparisons have no gradient. They accept int32, int64 and float32 operands in any combination:
 * two integer operands compare exactly as int64, otherwise both are compared in double (exact for
 * float32 and int32). NaN compares unequal to everything, itself included.
 */
final class Comparisons {
    private Comparisons() {
    }

    private enum Kind { EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL }

    static Tensor equal(Tensor a, Tensor b) {
        return compare("equal", a, b, Kind.EQUAL);
    }

    static Tensor notEqual(Tensor a, Tensor b) {
        return compare("not_equal", a, b, Kind.NOT_EQUAL);
    }

    static Tensor greater(Tensor a, Tensor b) {
        return compare("greater", a, b, Kind.GREATER);
    }

    static Tensor greaterEqual(Tensor a, Tensor b) {
        return compare("greater_equal", a, b, Kind.GREATER_EQUAL);
    }

    static Tensor less(Tensor a, Tensor b) {
        return compare("less", a, b, Kind.LESS);
    }

    static Tensor lessEqual(Tensor a, Tensor b) {
        return compare("less_equal", a, b, Kind.LESS_EQUAL);
    }

    private static Tensor compare(String op, Tensor a, Tensor b, Kind kind) {
        int[] shape = Broadcast.shape(op, a.dims(), b.dims());
        int n = sizeOf(shape);
        float[] out = new float[n];
        boolean aFloat = a.dtype() == DType.FLOAT32, bFloat = b.dtype() == DType.FLOAT32;
        if (aFloat && bFloat) {
            Tensor x = Broadcast.expand(a, shape), y = Broadcast.expand(b, shape);
            compareFloats(x.buffer(), x.offset(), y.buffer(), y.offset(), out, n, kind);
        } else if (!aFloat && !bFloat) {
            long[] x = a.broadcastTo(shape).toLongArray(), y = b.broadcastTo(shape).toLongArray();
            for (int i = 0; i < n; i++) out[i] = test(Long.compare(x[i], y[i]), kind) ? 1f : 0f;
        } else {
            double[] x = doubles(a, shape), y = doubles(b, shape);
            for (int i = 0; i < n; i++) out[i] = test(x[i], y[i], kind) ? 1f : 0f;
        }
        return Tensor.wrap(out, shape);
    }

    /** One loop per kind, so that each compiles to a branch-free (vectorisable) compare. */
    private static void compareFloats(float[] x, int xo, float[] y, int yo, float[] out, int n, Kind kind) {
        switch (kind) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] == y[yo + i] ? 1f : 0f; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] != y[yo + i] ? 1f : 0f; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] > y[yo + i] ? 1f : 0f; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] >= y[yo + i] ? 1f : 0f; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] < y[yo + i] ? 1f : 0f; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[xo + i] <= y[yo + i] ? 1f : 0f; }
        }
    }

    private static boolean test(double x, double y, Kind kind) {
        return switch (kind) {
            case EQUAL -> x == y;
            case NOT_EQUAL -> x != y;
            case GREATER -> x > y;
            case GREATER_EQUAL -> x >= y;
            case LESS -> x < y;
            case LESS_EQUAL -> x <= y;
        };
    }

    private static boolean test(int cmp, Kind kind) {
        return switch (kind) {
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case GREATER -> cmp > 0;
            case GREATER_EQUAL -> cmp >= 0;
            case LESS -> cmp < 0;
            case LESS_EQUAL -> cmp <= 0;
        };
    }

    /** {@code t} broadcast to {@code shape} as doubles: exact for float32 and int32. */
    private static double[] doubles(Tensor t, int[] shape) {
        Tensor v = t.broadcastTo(shape);
        double[] d = new double[sizeOf(shape)];
        if (t.dtype() == DType.FLOAT32) {
            float[] f = v.toFloatArray();
            for (int i = 0; i < d.length; i++) d[i] = f[i];
        } else {
            long[] l = v.toLongArray();
            for (int i = 0; i < d.length; i++) d[i] = l[i];
        }
        return d;
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    // ---- where ----

    /**
     * {@code cond ? a : b} elementwise, broadcasting all three; {@code cond} is true where it is
     * non-zero (a mask from a comparison, or an int tensor). Two float32 operands give float32,
     * two integer operands an integer result (int64 if either is), mixed ones float32. The
     * gradient of a float output goes to {@code a} where {@code cond} holds and to {@code b}
     * elsewhere; {@code cond} gets none.
     */
    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] ab = Broadcast.shape("where", a.dims(), b.dims());
        int[] shape = Broadcast.shape("where", cond.dims(), ab);
        int n = sizeOf(shape);
        boolean[] c = truth(cond, shape);
        if (a.dtype() != DType.FLOAT32 && b.dtype() != DType.FLOAT32) {
            long[] x = a.broadcastTo(shape).toLongArray(), y = b.broadcastTo(shape).toLongArray();
            if (a.dtype() == DType.INT64 || b.dtype() == DType.INT64) {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) out[i] = c[i] ? x[i] : y[i];
                return Tensor.wrap(out, shape);
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) (c[i] ? x[i] : y[i]);
            return Tensor.wrap(out, shape);
        }
        float[] x = a.broadcastTo(shape).toFloatArray(), y = b.broadcastTo(shape).toFloatArray();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = c[i] ? x[i] : y[i];
        Tensor result = Tensor.wrap(out, shape);
        if (GradientTape.isRecording()) {
            GradientTape.record(result, "where", new Tensor[] {cond, a, b}, (g, needed) -> {
                float[] gd = g.toFloatArray();
                float[] da = needed[1] && a.dtype() == DType.FLOAT32 ? new float[n] : null;
                float[] db = needed[2] && b.dtype() == DType.FLOAT32 ? new float[n] : null;
                for (int i = 0; i < n; i++) {
                    if (c[i]) {
                        if (da != null) da[i] = gd[i];
                    } else if (db != null) {
                        db[i] = gd[i];
                    }
                }
                return new Tensor[] {null, da == null ? null : Tensor.wrap(da, shape), db == null ? null : Tensor.wrap(db, shape)};
            });
        }
        return result;
    }

    /** Non-zero elements of {@code cond} broadcast to {@code shape}. */
    private static boolean[] truth(Tensor cond, int[] shape) {
        Tensor v = cond.broadcastTo(shape);
        boolean[] c = new boolean[sizeOf(shape)];
        if (cond.dtype() == DType.FLOAT32) {
            float[] f = v.toFloatArray();
            for (int i = 0; i < c.length; i++) c[i] = f[i] != 0f;
        } else {
            long[] l = v.toLongArray();
            for (int i = 0; i < c.length; i++) c[i] = l[i] != 0L;
        }
        return c;
    }
}
