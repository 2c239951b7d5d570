package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/** The weighted mean of the values it is given, as Keras' {@code metrics.Mean}; tracks the loss in fit. */
public final class Mean extends Metric {
    private double total;
    private double count;

    public Mean(String name) {
        super(name);
    }

    /** Adds {@code value} with weight {@code weight} (e.g. a batch loss weighted by the batch size). */
    public void update(double value, double weight) {
        total += value * weight;
        count += weight;
    }

    /** Adds every element of {@code yPred}, weighted per sample; {@code yTrue} is ignored. */
    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        float[] v = yPred.toFloatArray();
        float[] w = sampleWeight == null ? null : sampleWeight.toFloatArray();
        int perSample = w == null || w.length == 0 ? 1 : Math.max(1, v.length / w.length);
        for (int i = 0; i < v.length; i++) update(v[i], w == null ? 1 : w[i / perSample]);
    }

    @Override
    public double result() {
        return count == 0 ? 0 : total / count;
    }

    @Override
    public void resetState() {
        total = 0;
        count = 0;
    }
}
