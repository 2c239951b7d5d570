package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** The elementwise maximum of its inputs, as Keras' {@code Maximum}. Inputs must have shapes that broadcast together. */
public class Maximum extends Merge {
    public Maximum(String name) {
        super(name);
    }

    public Maximum() {
        this(null);
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.maximum(acc, next);
    }
}
