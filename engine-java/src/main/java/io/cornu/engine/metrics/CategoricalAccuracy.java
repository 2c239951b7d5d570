package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * How often the arg-max of the prediction equals the arg-max of the one-hot label, as Keras'
 * {@code CategoricalAccuracy}. Ties go to the first maximum, as {@code argmax}; logits work as well
 * as probabilities.
 *
 * <pre>{@code
 * CategoricalAccuracy m = new CategoricalAccuracy();
 * m.updateState(Tensor.of(new float[][] {{0, 0, 1}, {0, 1, 0}}), Tensor.of(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}}));
 * m.result();   // 0.5
 * }</pre>
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {
    public CategoricalAccuracy(String name) {
        super(name, (t, p) -> matches(name, t, p));
    }

    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    private static Tensor matches(String name, Tensor yTrue, Tensor yPred) {
        if (yPred.rank() < 1 || !yTrue.shape().equals(yPred.shape())) {
            throw MetricInputs.mismatch(name, yTrue, yPred, "must have the same shape");
        }
        int classes = yPred.dim(-1);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        int rows = classes == 0 ? 0 : p.length / classes;
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = MetricInputs.argmax(t, r * classes, classes) == MetricInputs.argmax(p, r * classes, classes) ? 1f : 0f;
        }
        return Tensor.wrap(out, MetricInputs.withoutLast(yPred.dims()));
    }
}
