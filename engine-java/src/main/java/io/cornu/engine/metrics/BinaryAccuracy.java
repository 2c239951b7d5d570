package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * How often predictions match binary labels, as Keras' {@code BinaryAccuracy}: a prediction above
 * {@code threshold} counts as 1, otherwise 0, and is compared with the label.
 *
 * <pre>{@code
 * BinaryAccuracy m = new BinaryAccuracy();
 * m.updateState(Tensor.of(new float[][] {{1}, {1}, {0}, {0}}), Tensor.of(new float[][] {{0.98f}, {1}, {0}, {0.6f}}));
 * m.result();   // 0.75
 * }</pre>
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
    private final float threshold;

    public BinaryAccuracy(String name, float threshold) {
        super(name, (t, p) -> matches(name, t, p, threshold));
        this.threshold = threshold;
    }

    public BinaryAccuracy(String name) {
        this(name, 0.5f);
    }

    public BinaryAccuracy(float threshold) {
        this("binary_accuracy", threshold);
    }

    public BinaryAccuracy() {
        this("binary_accuracy", 0.5f);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("threshold", threshold);
        return c;
    }

    public float threshold() {
        return threshold;
    }

    private static Tensor matches(String name, Tensor yTrue, Tensor yPred, float threshold) {
        int[] dims = MetricInputs.requireSameShape(name, yTrue, yPred);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) out[i] = t[i] == (p[i] > threshold ? 1f : 0f) ? 1f : 0f;
        return Tensor.wrap(out, dims);
    }
}
