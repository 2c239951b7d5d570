package io.cornu.engine.metrics;

/**
 * The mean absolute error over every sample seen, as Keras' {@code metrics.MeanAbsoluteError}:
 * {@code mean(abs(y_true - y_pred))}.
 *
 * <pre>{@code
 * MeanAbsoluteError m = new MeanAbsoluteError();
 * m.updateState(Tensor.of(new float[][] {{0, 1}, {0, 0}}), Tensor.of(new float[][] {{1, 1}, {0, 0}}));
 * m.result();   // 0.25
 * }</pre>
 */
public final class MeanAbsoluteError extends MeanMetricWrapper {
    public MeanAbsoluteError(String name) {
        super(name, (t, p) -> ErrorMetrics.errors(name, t, p, ErrorMetrics.Kind.ABSOLUTE));
    }

    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }
}
