package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * The Poisson loss, as Keras' {@code Poisson}: {@code mean(y_pred - y_true * log(y_pred + eps), axis=-1)}
 * with {@code eps = 1e-7}; for count targets predicted as rates.
 */
public final class Poisson extends Loss {
    public Poisson() {
        super("poisson");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.sub(tp[1], Ops.mul(tp[0], Ops.log(Ops.add(tp[1], EPSILON)))), -1);
    }
}
