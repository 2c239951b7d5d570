package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.SplittableRandom;

/** All zeros, as Keras' {@code Zeros}; Keras' default bias initializer. */
public final class Zeros implements Initializer {
    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        return Tensor.zeros(shape);
    }

    @Override
    public String name() {
        return "Zeros";
    }

    @Override
    public String toString() {
        return "Zeros{}";
    }
}
