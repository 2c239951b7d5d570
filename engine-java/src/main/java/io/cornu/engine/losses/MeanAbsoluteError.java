package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * The mean of absolute differences between labels and predictions, as Keras'
 * {@code MeanAbsoluteError}: {@code loss = mean(abs(y_true - y_pred), axis=-1)}. The gradient at a
 * zero error is 0.
 */
public final class MeanAbsoluteError extends Loss {
    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        return Ops.mean(Ops.abs(Ops.sub(tp[0], tp[1])), -1);
    }
}
