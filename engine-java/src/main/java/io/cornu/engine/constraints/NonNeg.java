package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** Keeps the weights non-negative, as Keras' {@code keras.constraints.NonNeg}: {@code maximum(w, 0)}. */
public final class NonNeg implements Constraint {

    @Override
    public Tensor apply(Tensor w) {
        return Ops.maximum(w, Tensor.scalar(0f));
    }

    @Override
    public String toString() {
        return "NonNeg()";
    }
}
