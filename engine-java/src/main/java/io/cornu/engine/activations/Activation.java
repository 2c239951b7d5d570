package io.cornu.engine.activations;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.function.UnaryOperator;

/**
 * An activation function with its Keras name, as in {@code keras.activations}:
 * {@code Activation.get("relu")}, or one of the constants.
 */
public interface Activation {
    Activation LINEAR = named("linear", x -> x);
    Activation RELU = named("relu", Ops::relu);
    Activation SOFTMAX = named("softmax", Ops::softmax);

    Tensor apply(Tensor x);

    /** Keras' name, used in configs and summaries. */
    String name();

    /** An activation from a function and its name. */
    static Activation named(String name, UnaryOperator<Tensor> fn) {
        return new Activation() {
            @Override
            public Tensor apply(Tensor x) {
                return fn.apply(x);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** The activation Keras calls {@code name}; null or {@code "linear"} is the identity. */
    static Activation get(String name) {
        if (name == null) return LINEAR;
        return switch (name) {
            case "linear" -> LINEAR;
            case "relu" -> RELU;
            case "softmax" -> SOFTMAX;
            default -> throw new IllegalArgumentException("Unknown activation function: '" + name
                    + "'. Known: linear, relu, softmax");
        };
    }
}
