package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * How often the arg-max of the prediction equals the integer label, as Keras'
 * {@code SparseCategoricalAccuracy}. Labels (int or float) have shape {@code y_pred.shape[:-1]},
 * e.g. {@code (batch,)}, or {@code (batch, 1)}.
 *
 * <pre>{@code
 * SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
 * m.updateState(Tensor.of(new float[][] {{2}, {1}}), Tensor.of(new float[][] {{0.1f, 0.6f, 0.3f}, {0.05f, 0.95f, 0}}));
 * m.result();   // 0.5
 * }</pre>
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
    public SparseCategoricalAccuracy(String name) {
        super(name, (t, p) -> matches(name, t, p));
    }

    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    private static Tensor matches(String name, Tensor yTrue, Tensor yPred) {
        int[] dims = MetricInputs.sparseLabelDims(name, yTrue, yPred);
        int classes = yPred.dim(-1);
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        float[] out = new float[t.length];
        for (int r = 0; r < t.length; r++) out[r] = t[r] == MetricInputs.argmax(p, r * classes, classes) ? 1f : 0f;
        return Tensor.wrap(out, dims);
    }
}
