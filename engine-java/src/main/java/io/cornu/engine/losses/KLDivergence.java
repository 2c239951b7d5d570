package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The Kullback-Leibler divergence between label and predicted distributions, as Keras'
 * {@code KLDivergence}: {@code sum(y_true * log(y_true / y_pred), axis=-1)}, with both clipped to
 * {@code [eps, 1]} ({@code eps = 1e-7}) so zero labels contribute nothing.
 */
public final class KLDivergence extends Loss {
    public KLDivergence() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public KLDivergence(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "kl_divergence"}). */
    public KLDivergence(Reduction reduction, String name) {
        super(name == null ? "kl_divergence" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static KLDivergence fromConfig(Map<String, Object> config) {
        checkConfigKeys("KLDivergence", config);
        return new KLDivergence(configReduction(config), configName(config, "kl_divergence"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor t = Ops.clip(tp[0], EPSILON, 1f);
        Tensor p = Ops.clip(tp[1], EPSILON, 1f);
        return Ops.sum(Ops.mul(t, Ops.log(Ops.div(t, p))), -1);
    }
}
