package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * The Kullback-Leibler divergence between label and predicted distributions, as Keras'
 * {@code KLDivergence}: {@code sum(y_true * log(y_true / y_pred), axis=-1)}, with both clipped to
 * {@code [eps, 1]} ({@code eps = 1e-7}) so zero labels contribute nothing.
 */
public final class KLDivergence extends Loss {
    public KLDivergence() {
        super("kl_divergence");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor t = Ops.clip(tp[0], EPSILON, 1f);
        Tensor p = Ops.clip(tp[1], EPSILON, 1f);
        return Ops.sum(Ops.mul(t, Ops.log(Ops.div(t, p))), -1);
    }
}
