package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** Sums its inputs elementwise, as Keras' {@code Add}. Inputs must have shapes that broadcast together. */
public class Add extends Merge {
    public Add(String name) {
        super(name);
    }

    public Add() {
        this(null);
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.add(acc, next);
    }
}
