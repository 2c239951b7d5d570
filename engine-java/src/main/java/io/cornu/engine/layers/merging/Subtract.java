package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** The difference of exactly two inputs, {@code a - b}, as Keras' {@code Subtract}. */
public class Subtract extends Merge {
    public Subtract(String name) {
        super(name);
    }

    public Subtract() {
        this(null);
    }

    @Override
    protected int expectedInputs() {
        return 2;
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.sub(acc, next);
    }
}
