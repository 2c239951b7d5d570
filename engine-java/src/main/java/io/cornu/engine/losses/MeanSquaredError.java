package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The mean of squares of errors between labels and predictions, as Keras' {@code MeanSquaredError}:
 * {@code loss = mean(square(y_true - y_pred), axis=-1)}.
 *
 * <pre>{@code
 * new MeanSquaredError().apply(Tensor.of(new float[] {1, 0, 1}), Tensor.of(new float[] {0.9f, 0.1f, 0.8f}));   // 0.02
 * }</pre>
 */
public final class MeanSquaredError extends Loss {
    public MeanSquaredError() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public MeanSquaredError(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "mean_squared_error"}). */
    public MeanSquaredError(Reduction reduction, String name) {
        super(name == null ? "mean_squared_error" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static MeanSquaredError fromConfig(Map<String, Object> config) {
        checkConfigKeys("MeanSquaredError", config);
        return new MeanSquaredError(configReduction(config), configName(config, "mean_squared_error"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.square(Ops.sub(tp[0], tp[1])), -1);
    }
}
