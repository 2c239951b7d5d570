package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The hinge loss, as Keras' {@code Hinge}: {@code mean(maximum(1 - y_true * y_pred, 0), axis=-1)}.
 * Labels are -1 or 1; when every label is 0 or 1 they are converted to -1 or 1 first, as Keras does.
 */
public final class Hinge extends Loss {
    public Hinge() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public Hinge(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "hinge"}). */
    public Hinge(Reduction reduction, String name) {
        super(name == null ? "hinge" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static Hinge fromConfig(Map<String, Object> config) {
        checkConfigKeys("Hinge", config);
        return new Hinge(configReduction(config), configName(config, "hinge"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(margin(tp[0], tp[1]), -1);
    }

    /** {@code maximum(1 - y * p, 0)} with binary labels converted to -1/1. */
    static Tensor margin(Tensor yTrue, Tensor yPred) {
        return Ops.relu(Ops.add(Ops.neg(Ops.mul(toSigned(yTrue), yPred)), 1f));
    }

    /** Keras' {@code convert_binary_labels_to_hinge}: {@code 2y - 1} when all labels are 0 or 1, else unchanged. */
    static Tensor toSigned(Tensor y) {
        for (float v : y.toFloatArray()) if (v != 0f && v != 1f) return y;
        return Ops.add(Ops.mul(y, 2f), -1f);
    }
}
