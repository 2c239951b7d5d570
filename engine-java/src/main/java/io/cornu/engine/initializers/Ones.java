package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.SplittableRandom;

/** All ones, as Keras' {@code Ones}: the default of normalization scales ({@code gamma}). */
public final class Ones implements Initializer {
    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        return Tensor.ones(shape);
    }

    @Override
    public String name() {
        return "Ones";
    }

    @Override
    public String toString() {
        return "Ones{}";
    }
}
