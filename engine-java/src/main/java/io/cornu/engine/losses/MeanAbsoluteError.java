package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The mean of absolute differences between labels and predictions, as Keras'
 * {@code MeanAbsoluteError}: {@code loss = mean(abs(y_true - y_pred), axis=-1)}. The gradient at a
 * zero error is 0.
 */
public final class MeanAbsoluteError extends Loss {
    public MeanAbsoluteError() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public MeanAbsoluteError(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "mean_absolute_error"}). */
    public MeanAbsoluteError(Reduction reduction, String name) {
        super(name == null ? "mean_absolute_error" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static MeanAbsoluteError fromConfig(Map<String, Object> config) {
        checkConfigKeys("MeanAbsoluteError", config);
        return new MeanAbsoluteError(configReduction(config), configName(config, "mean_absolute_error"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.abs(Ops.sub(tp[0], tp[1])), -1);
    }
}
