package io.cornu.engine.layers.merging;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/** The elementwise mean of its inputs, as Keras' {@code Average}. */
public class Average extends Merge {
    public Average(String name) {
        super(name);
    }

    public Average() {
        this(null);
    }

    @Override
    protected Tensor merge(Tensor acc, Tensor next) {
        return Ops.add(acc, next);
    }

    @Override
    protected Tensor finish(Tensor acc, int count) {
        return Ops.mul(acc, 1f / count);
    }
}
