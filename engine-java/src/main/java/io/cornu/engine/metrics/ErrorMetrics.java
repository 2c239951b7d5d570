package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/** Elementwise errors between labels and predictions, for the regression metrics. */
final class ErrorMetrics {
    private ErrorMetrics() {
    }

    enum Kind { SQUARED, ABSOLUTE }

    /** {@code (y_true - y_pred)^2} or {@code |y_true - y_pred|}, shaped as the inputs after rank alignment. */
    static Tensor errors(String name, Tensor yTrue, Tensor yPred, Kind kind) {
        int[] dims = MetricInputs.requireSameShape(name, yTrue, yPred);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            float d = t[i] - p[i];
            out[i] = kind == Kind.SQUARED ? d * d : Math.abs(d);
        }
        return Tensor.wrap(out, dims);
    }
}
