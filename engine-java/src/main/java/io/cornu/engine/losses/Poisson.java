package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The Poisson loss, as Keras' {@code Poisson}: {@code mean(y_pred - y_true * log(y_pred + eps), axis=-1)}
 * with {@code eps = 1e-7}; for count targets predicted as rates.
 */
public final class Poisson extends Loss {
    public Poisson() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public Poisson(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "poisson"}). */
    public Poisson(Reduction reduction, String name) {
        super(name == null ? "poisson" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static Poisson fromConfig(Map<String, Object> config) {
        checkConfigKeys("Poisson", config);
        return new Poisson(configReduction(config), configName(config, "poisson"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.sub(tp[1], Ops.mul(tp[0], Ops.log(Ops.add(tp[1], EPSILON)))), -1);
    }
}
