package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * The result of {@link Ops#topK}: the {@code k} largest entries along the last axis, in
 * descending order, and their positions. Equal values keep their original order (the lower index
 * first), as in TensorFlow's {@code top_k}.
 *
 * <pre>{@code
 * TopK top = Ops.topK(Tensor.of(new float[] {1, 5, 3, 5}), 2);
 * top.values();   // [5., 5.]
 * top.indices();  // [1, 3] (int32)
 * }</pre>
 *
 * @param values  float32, the input's shape with the last axis of size {@code k}; differentiable
 *                with respect to the input (the gradient is scattered back to the chosen positions)
 * @param indices int32, same shape: positions along the input's last axis
 */
public record TopK(Tensor values, Tensor indices) {

    static TopK compute(Tensor x, int k) {
        Elementwise.requireFloat("top_k", x);
        if (x.rank() == 0) throw new IllegalArgumentException("top_k: expected a tensor of rank >= 1, got shape " + x.shape());
        int[] dims = x.dims();
        int n = dims[dims.length - 1];
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("top_k: expected 1 <= k <= " + n + " (the last axis of shape " + x.shape() + "). Received: k=" + k);
        }
        AxisRows r = AxisRows.of(x, new int[] {dims.length - 1});
        float[] vals = new float[r.rows * k];
        int[] idx = new int[r.rows * k];
        long[] keys = new long[n];
        for (int i = 0; i < r.rows; i++) {
            int base = r.offset + i * n;
            // sort (descending value, ascending index) as one long: high half orders the values
            for (int j = 0; j < n; j++) keys[j] = ((long) ~sortableBits(r.data[base + j]) << 32) | j;
            Arrays.sort(keys);
            for (int j = 0; j < k; j++) {
                int at = (int) keys[j];
                idx[i * k + j] = at;
                vals[i * k + j] = r.data[base + at];
            }
        }
        int[] outShape = dims.clone();
        outShape[outShape.length - 1] = k;
        Tensor values = Tensor.wrap(vals, outShape);
        if (GradientTape.isRecording()) {
            int rows = r.rows;
            GradientTape.record(values, "top_k", new Tensor[] {x}, (g, needed) -> {
                float[] gd = g.toFloatArray();
                float[] dx = new float[rows * n];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < k; j++) dx[i * n + idx[i * k + j]] += gd[i * k + j];
                }
                return new Tensor[] {Tensor.wrap(dx, dims)};
            });
        }
        return new TopK(values, Tensor.wrap(idx, outShape));
    }

    /** An int with the same order as the float (as signed ints); NaN above +infinity. */
    private static int sortableBits(float v) {
        int bits = Float.floatToIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
