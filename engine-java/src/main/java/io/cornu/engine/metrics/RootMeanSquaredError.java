package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * The root of the mean squared error over every sample seen, as Keras'
 * {@code RootMeanSquaredError}: {@code sqrt(mean(square(y_pred - y_true)))}. Not the mean of the
 * per-batch roots.
 *
 * <pre>{@code
 * RootMeanSquaredError m = new RootMeanSquaredError();
 * m.updateState(Tensor.of(new float[][] {{0, 1}, {0, 0}}), Tensor.of(new float[][] {{1, 1}, {0, 0}}));
 * m.result();   // 0.5
 * }</pre>
 */
public final class RootMeanSquaredError extends Mean {
    public RootMeanSquaredError(String name) {
        super(name);
    }

    public RootMeanSquaredError() {
        this("root_mean_squared_error");
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        accumulate(ErrorMetrics.errors(name(), yTrue, yPred, ErrorMetrics.Kind.SQUARED), sampleWeight);
    }

    @Override
    public double result() {
        return Math.sqrt(super.result());
    }
}
