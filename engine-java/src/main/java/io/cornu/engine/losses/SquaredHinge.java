package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The squared hinge loss, as Keras' {@code SquaredHinge}:
 * {@code mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)}. Labels are -1 or 1; 0/1 labels
 * are converted to -1/1 first, as Keras does.
 */
public final class SquaredHinge extends Loss {
    public SquaredHinge() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public SquaredHinge(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "squared_hinge"}). */
    public SquaredHinge(Reduction reduction, String name) {
        super(name == null ? "squared_hinge" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static SquaredHinge fromConfig(Map<String, Object> config) {
        checkConfigKeys("SquaredHinge", config);
        return new SquaredHinge(configReduction(config), configName(config, "squared_hinge"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.square(Hinge.margin(tp[0], tp[1])), -1);
    }
}
