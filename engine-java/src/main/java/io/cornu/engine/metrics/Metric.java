package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * A stateful metric, as Keras' {@code Metric}: {@link #updateState} accumulates over batches,
 * {@link #result} reads the value so far, {@link #resetState} starts over (each epoch).
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

    public abstract double result();

    public abstract void resetState();

    /** The weight of sample {@code i}: 1 without weights. */
    protected static double weight(Tensor sampleWeight, float[] cache, int i) {
        return sampleWeight == null ? 1.0 : cache[i];
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + "=" + result() + ")";
    }
}
