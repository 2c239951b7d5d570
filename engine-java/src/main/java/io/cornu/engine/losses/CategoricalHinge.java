package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The categorical hinge loss, as Keras' {@code CategoricalHinge}: with one-hot labels,
 * {@code maximum(neg - pos + 1, 0)} where {@code pos = sum(y_true * y_pred, axis=-1)} and
 * {@code neg = max((1 - y_true) * y_pred, axis=-1)}.
 */
public final class CategoricalHinge extends Loss {
    public CategoricalHinge() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public CategoricalHinge(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "categorical_hinge"}). */
    public CategoricalHinge(Reduction reduction, String name) {
        super(name == null ? "categorical_hinge" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static CategoricalHinge fromConfig(Map<String, Object> config) {
        checkConfigKeys("CategoricalHinge", config);
        return new CategoricalHinge(configReduction(config), configName(config, "categorical_hinge"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor pos = Ops.sum(Ops.mul(tp[0], tp[1]), -1);
        Tensor neg = Ops.max(Ops.mul(Ops.add(Ops.neg(tp[0]), 1f), tp[1]), -1);
        return Ops.relu(Ops.add(Ops.sub(neg, pos), 1f));
    }
}
