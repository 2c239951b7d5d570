package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** The elementwise minimum of its inputs, as Keras' {@code Minimum}. Inputs must have shapes that broadcast together. */
public class Minimum extends Merge {
    public Minimum(String name) {
        super(name);
    }

    public Minimum() {
        this(null);
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.minimum(acc, next);
    }
}
