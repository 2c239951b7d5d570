package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** Multiplies its inputs elementwise, as Keras' {@code Multiply}. Inputs must have shapes that broadcast together. */
public class Multiply extends Merge {
    public Multiply(String name) {
        super(name);
    }

    public Multiply() {
        this(null);
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.mul(acc, next);
    }
}
