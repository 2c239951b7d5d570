package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.SplittableRandom;

/** Makes the initial value of a weight of a given shape, as Keras' {@code keras.initializers}. */
@FunctionalInterface
public interface Initializer {
    Tensor create(int[] shape, SplittableRandom random);

    /** Keras' name of this initializer, for configs. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The initializer Keras calls {@code name}: {@code "glorot_uniform"}, {@code "zeros"}, {@code "ones"}. */
    static Initializer get(String name) {
        return switch (name) {
            case "glorot_uniform", "GlorotUniform" -> new GlorotUniform();
            case "zeros", "Zeros" -> new Zeros();
            case "ones", "Ones" -> new Ones();
            case "orthogonal", "Orthogonal" -> new Orthogonal();
            default -> throw new IllegalArgumentException("Unknown initializer: '" + name
                    + "'. Known: glorot_uniform, zeros, ones, orthogonal");
        };
    }
}
