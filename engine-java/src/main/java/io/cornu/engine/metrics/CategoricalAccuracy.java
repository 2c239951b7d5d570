package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * How often the arg-max of the prediction equals the arg-max of the one-hot label, as Keras'
 * {@code categorical_accuracy}. Ties in the prediction go to the first maximum, as {@code argmax}.
 */
public final class CategoricalAccuracy extends Metric {
    private double correct;
    private double total;

    public CategoricalAccuracy(String name) {
        super(name);
    }

    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        int classes = yPred.dim(-1);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        float[] w = sampleWeight == null ? null : sampleWeight.toFloatArray();
        int rows = classes == 0 ? 0 : p.length / classes;
        for (int r = 0; r < rows; r++) {
            double wi = weight(sampleWeight, w, r);
            if (argmax(t, r * classes, classes) == argmax(p, r * classes, classes)) correct += wi;
            total += wi;
        }
    }

    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }

    @Override
    public double result() {
        return total == 0 ? 0 : (double) correct / total;
    }

    @Override
    public void resetState() {
        correct = 0;
        total = 0;
    }
}
