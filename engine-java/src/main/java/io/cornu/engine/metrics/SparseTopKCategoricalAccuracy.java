package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * How often the integer label is among the {@code k} highest-scored classes, as Keras'
 * {@code SparseTopKCategoricalAccuracy} ({@code k = 5} by default); labels as for
 * {@link SparseCategoricalAccuracy}. Ties with the k-th score count as in.
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public SparseTopKCategoricalAccuracy(int k, String name) {
        super(name, (t, p) -> matches(name, t, p, k));
        if (k < 1) throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: k must be >= 1. Received: k=" + k);
        this.k = k;
    }

    public SparseTopKCategoricalAccuracy(int k) {
        this(k, "sparse_top_k_categorical_accuracy");
    }

    public SparseTopKCategoricalAccuracy() {
        this(5);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("k", k);
        return c;
    }

    public int k() {
        return k;
    }

    private static Tensor matches(String name, Tensor yTrue, Tensor yPred, int k) {
        int[] dims = MetricInputs.sparseLabelDims(name, yTrue, yPred);
        int classes = yPred.dim(-1);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        float[] out = new float[t.length];
        for (int r = 0; r < t.length; r++) {
            int label = t[r] == Math.rint(t[r]) ? (int) t[r] : -1;
            out[r] = MetricInputs.inTopK(p, r * classes, classes, label, k) ? 1f : 0f;
        }
        return Tensor.wrap(out, dims);
    }
}
