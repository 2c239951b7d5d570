package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * The metric {@code "accuracy"} (or {@code "acc"}) when the loss does not tell which accuracy is
 * meant: at its first batch it becomes the accuracy Keras' {@code compile} picks from the shapes
 * (see {@link Metrics#accuracyFor}) and keeps the user's name.
 */
public final class AutoAccuracy extends Metric {
    private Metric resolved;

    public AutoAccuracy(String name) {
        super(name);
    }

    /** The accuracy chosen at the first batch, or null before it. */
    public Metric resolved() {
        return resolved;
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (resolved == null) resolved = Metrics.accuracyFor(name(), yTrue.shape(), yPred.shape());
        resolved.updateState(yTrue, yPred, sampleWeight);
    }

    @Override
    public double result() {
        return resolved == null ? 0 : resolved.result();
    }

    @Override
    public void resetState() {
        if (resolved != null) resolved.resetState();
    }

    @Override
    public String toString() {
        return "AutoAccuracy(" + name() + (resolved == null ? "" : " -> " + resolved.getClass().getSimpleName() + "=" + result()) + ")";
    }
}
