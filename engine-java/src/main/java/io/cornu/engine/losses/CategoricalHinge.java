package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * The categorical hinge loss, as Keras' {@code CategoricalHinge}: with one-hot labels,
 * {@code maximum(neg - pos + 1, 0)} where {@code pos = sum(y_true * y_pred, axis=-1)} and
 * {@code neg = max((1 - y_true) * y_pred, axis=-1)}.
 */
public final class CategoricalHinge extends Loss {
    public CategoricalHinge() {
        super("categorical_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor pos = Ops.sum(Ops.mul(tp[0], tp[1]), -1);
        Tensor neg = Ops.max(Ops.mul(Ops.add(Ops.neg(tp[0]), 1f), tp[1]), -1);
        return Ops.relu(Ops.add(Ops.sub(neg, pos), 1f));
    }
}
