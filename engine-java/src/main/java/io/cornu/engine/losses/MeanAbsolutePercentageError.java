package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The mean absolute percentage error, as Keras' {@code MeanAbsolutePercentageError}:
 * {@code loss = 100 * mean(abs((y_true - y_pred) / maximum(abs(y_true), epsilon)), axis=-1)}, with
 * {@code epsilon = 1e-7} guarding against zero labels.
 */
public final class MeanAbsolutePercentageError extends Loss {
    public MeanAbsolutePercentageError() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public MeanAbsolutePercentageError(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "mean_absolute_percentage_error"}). */
    public MeanAbsolutePercentageError(Reduction reduction, String name) {
        super(name == null ? "mean_absolute_percentage_error" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static MeanAbsolutePercentageError fromConfig(Map<String, Object> config) {
        checkConfigKeys("MeanAbsolutePercentageError", config);
        return new MeanAbsolutePercentageError(configReduction(config), configName(config, "mean_absolute_percentage_error"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor denominator = Ops.maximum(Ops.abs(tp[0]), Tensor.scalar(EPSILON));
        return Ops.mul(Ops.mean(Ops.abs(Ops.div(Ops.sub(tp[0], tp[1]), denominator)), -1), 100f);
    }
}
