package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.Tensor;

/** Matrix products on the GEMM kernel, and their gradients. Reached through {@link Ops}. */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** How a rank-2 tensor is handed to GEMM without copying: row-major, or a transposed view. */
    private record Operand(float[] data, int offset, int ld, boolean transposed) {
        static Operand of(Tensor t) {
            int[] s = t.strides();
            int[] d = t.dims();
            if (s[1] == 1 || d[1] == 1) return new Operand(t.buffer(), t.offset(), Math.max(s[0], d[1]), false);
            if (s[0] == 1 || d[0] == 1) return new Operand(t.buffer(), t.offset(), Math.max(s[1], d[0]), true);
            Tensor c = t.copy();
            return new Operand(c.buffer(), 0, d[1], false);
        }
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul: expected rank-2 tensors, got shapes " + a.shape() + " and " + b.shape());
        }
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        if (b.dim(0) != k) {
            throw new IllegalArgumentException("matmul: incompatible shapes " + a.shape() + " and " + b.shape()
                    + ": inner dimensions " + k + " and " + b.dim(0) + " differ");
        }
        Tensor out = Tensor.zeros(m, n);
        if (k == 0) return out;
        Operand oa = Operand.of(a), ob = Operand.of(b);
        Kernels.get().gemm(oa.transposed, ob.transposed, m, n, k, 1f, oa.data, oa.offset, oa.ld,
                ob.data, ob.offset, ob.ld, 0f, out.buffer(), 0, n);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "matmul", new Tensor[] {a, b},
                    (g, needed) -> new Tensor[] {
                            needed[0] ? matmul(g, b.transpose()) : null,
                            needed[1] ? matmul(a.transpose(), g) : null});
        }
        return out;
    }
}
