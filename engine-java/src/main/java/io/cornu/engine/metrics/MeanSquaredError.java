package io.cornu.engine.metrics;

/**
 * The mean squared error over every sample seen, as Keras' {@code metrics.MeanSquaredError}:
 * {@code mean(square(y_true - y_pred))}.
 *
 * <pre>{@code
 * MeanSquaredError m = new MeanSquaredError();
 * m.updateState(Tensor.of(new float[][] {{0, 1}, {0, 0}}), Tensor.of(new float[][] {{1, 1}, {0, 0}}));
 * m.result();   // 0.25
 * }</pre>
 */
public final class MeanSquaredError extends MeanMetricWrapper {
    public MeanSquaredError(String name) {
        super(name, (t, p) -> ErrorMetrics.errors(name, t, p, ErrorMetrics.Kind.SQUARED));
    }

    public MeanSquaredError() {
        this("mean_squared_error");
    }
}
