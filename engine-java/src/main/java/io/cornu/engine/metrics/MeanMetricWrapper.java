package io.cornu.engine.metrics;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.function.BinaryOperator;

/**
 * The running weighted mean of a per-sample function of {@code (yTrue, yPred)}, as Keras'
 * {@code MeanMetricWrapper}: the base of the accuracies and of losses used as metrics.
 *
 * <pre>{@code
 * Metric mse = new MeanMetricWrapper("my_mse", (t, p) -> Ops.mean(Ops.square(Ops.sub(t, p)), -1));
 * Metric kld = MeanMetricWrapper.of(new KLDivergence());
 * }</pre>
 */
public class MeanMetricWrapper extends Mean {
    private final BinaryOperator<Tensor> fn;

    /** @param fn per-sample values, shape {@code (batch, ...)} (averaged per sample) */
    public MeanMetricWrapper(String name, BinaryOperator<Tensor> fn) {
        super(name);
        this.fn = fn;
    }

    /** The loss averaged over every sample seen, named as the loss. */
    public static MeanMetricWrapper of(Loss loss) {
        return of(loss.name(), loss);
    }

    /** The loss averaged over every sample seen, named {@code name}. */
    public static MeanMetricWrapper of(String name, Loss loss) {
        return new MeanMetricWrapper(name, loss::call);
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        // metrics are not differentiated: keep a recording tape from noting their ops
        Tensor p = GradientTape.isRecording() ? Ops.stopGradient(yPred) : yPred;
        accumulate(fn.apply(yTrue, p), sampleWeight);
    }
}
