package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The mean squared logarithmic error, as Keras' {@code MeanSquaredLogarithmicError}:
 * {@code loss = mean(square(log(y_pred + 1) - log(y_true + 1)), axis=-1)}, where values below
 * {@code epsilon = 1e-7} are raised to it first.
 */
public final class MeanSquaredLogarithmicError extends Loss {
    public MeanSquaredLogarithmicError() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public MeanSquaredLogarithmicError(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "mean_squared_logarithmic_error"}). */
    public MeanSquaredLogarithmicError(Reduction reduction, String name) {
        super(name == null ? "mean_squared_logarithmic_error" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static MeanSquaredLogarithmicError fromConfig(Map<String, Object> config) {
        checkConfigKeys("MeanSquaredLogarithmicError", config);
        return new MeanSquaredLogarithmicError(configReduction(config), configName(config, "mean_squared_logarithmic_error"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor eps = Tensor.scalar(EPSILON);
        Tensor first = Ops.log1p(Ops.maximum(tp[1], eps));
        Tensor second = Ops.log1p(Ops.maximum(tp[0], eps));
        return Ops.mean(Ops.square(Ops.sub(first, second)), -1);
    }
}
