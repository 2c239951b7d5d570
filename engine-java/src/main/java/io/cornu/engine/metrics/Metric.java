package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * A stateful metric, as Keras' {@code Metric}: {@link #updateState} accumulates over batches,
 * {@link #result} reads the value so far, {@link #resetState} starts over (each epoch).
 *
 * <p>A custom metric subclasses this class, keeps its state in fields, and implements the three
 * methods; it can then be passed to {@code compile} like a built-in one:
 * <pre>{@code
 * class TruePositives extends Metric {
 *     private double count;
 *     TruePositives() { super("true_positives"); }
 *     public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
 *         float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
 *         float[] w = sampleWeight == null ? null : sampleWeight.toFloatArray();
 *         for (int i = 0; i < t.length; i++) if (t[i] == 1 && p[i] > 0.5f) count += weight(sampleWeight, w, i);
 *     }
 *     public double result() { return count; }
 *     public void resetState() { count = 0; }
 * }
 * }</pre>
 */
public abstract class Metric {
    private final String name;

    protected Metric(String name) {
        this.name = name;
    }

    /** The name used in logs and History, e.g. {@code "accuracy"}. */
    public String name() {
        return name;
    }

    /** Accumulates a batch, every sample with weight 1. */
    public void updateState(Tensor yTrue, Tensor yPred) {
        updateState(yTrue, yPred, null);
    }

    /** Accumulates a batch with per-sample weights ({@code (batch,)}, or null for 1). */
    public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

    /** The value over every batch since the last {@link #resetState}. */
    public abstract double result();

    /** Forgets every batch seen so far. */
    public abstract void resetState();

    /**
     * Keras' {@code get_config}: {@code {"name": ...}}; metrics with options add theirs (e.g. {@code threshold}).
     * Built-in metrics are rebuilt from it by {@link Metrics#fromConfig}.
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("name", name);
        return c;
    }

    /** The weight of sample {@code i}: 1 without weights. */
    protected static double weight(Tensor sampleWeight, float[] cache, int i) {
        return sampleWeight == null ? 1.0 : cache[i];
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + "=" + result() + ")";
    }
}
