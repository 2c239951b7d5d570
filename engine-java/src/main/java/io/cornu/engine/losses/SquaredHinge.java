package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * The squared hinge loss, as Keras' {@code SquaredHinge}:
 * {@code mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)}. Labels are -1 or 1; 0/1 labels
 * are converted to -1/1 first, as Keras does.
 */
public final class SquaredHinge extends Loss {
    public SquaredHinge() {
        super("squared_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.square(Hinge.margin(tp[0], tp[1])), -1);
    }
}
