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

    public abstract void updateState(Tensor yTrue, Tensor yPred);

    public abstract double result();

    public abstract void resetState();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + "=" + result() + ")";
    }
}
