package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * How often the one-hot label's class is among the {@code k} highest-scored classes, as Keras'
 * {@code TopKCategoricalAccuracy} ({@code k = 5} by default). A class tied with the k-th score
 * counts as in the top {@code k}, as TensorFlow's {@code in_top_k}.
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public TopKCategoricalAccuracy(int k, String name) {
        super(name, (t, p) -> matches(name, t, p, k));
        if (k < 1) throw new IllegalArgumentException("TopKCategoricalAccuracy: k must be >= 1. Received: k=" + k);
        this.k = k;
    }

    public TopKCategoricalAccuracy(int k) {
        this(k, "top_k_categorical_accuracy");
    }

    public TopKCategoricalAccuracy() {
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
        if (yPred.rank() < 1 || !yTrue.shape().equals(yPred.shape())) {
            throw MetricInputs.mismatch(name, yTrue, yPred, "must have the same shape");
        }
        int classes = yPred.dim(-1);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        int rows = classes == 0 ? 0 : p.length / classes;
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = MetricInputs.inTopK(p, r * classes, classes, MetricInputs.argmax(t, r * classes, classes), k) ? 1f : 0f;
        }
        return Tensor.wrap(out, MetricInputs.withoutLast(yPred.dims()));
    }
}
