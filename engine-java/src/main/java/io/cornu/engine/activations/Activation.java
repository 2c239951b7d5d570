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
    Activation SIGMOID = named("sigmoid", Ops::sigmoid);
    Activation TANH = named("tanh", Ops::tanh);
    Activation SOFTPLUS = named("softplus", Ops::softplus);
    Activation SOFTSIGN = named("softsign", Ops::softsign);
    Activation SELU = named("selu", Ops::selu);
    Activation ELU = named("elu", Ops::elu);
    /** Exact (erf) form, as Keras' {@code activations.gelu} (whose {@code approximate} defaults to false, unlike {@code ops.gelu}). */
    Activation GELU = named("gelu", x -> Ops.gelu(x, false));
    Activation SILU = named("silu", Ops::silu);
    Activation RELU6 = named("relu6", Ops::relu6);
    Activation LEAKY_RELU = named("leaky_relu", Ops::leakyRelu);
    Activation HARD_SIGMOID = named("hard_sigmoid", Ops::hardSigmoid);
    Activation HARD_SILU = named("hard_silu", Ops::hardSilu);
    Activation EXPONENTIAL = named("exponential", Ops::exp);
    Activation LOG_SOFTMAX = named("log_softmax", Ops::logSoftmax);

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
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "softplus" -> SOFTPLUS;
            case "softsign" -> SOFTSIGN;
            case "selu" -> SELU;
            case "elu" -> ELU;
            case "gelu" -> GELU;
            case "silu", "swish" -> SILU;
            case "relu6" -> RELU6;
            case "leaky_relu" -> LEAKY_RELU;
            case "hard_sigmoid" -> HARD_SIGMOID;
            case "hard_silu", "hard_swish" -> HARD_SILU;
            case "exponential" -> EXPONENTIAL;
            case "log_softmax" -> LOG_SOFTMAX;
            default -> throw new IllegalArgumentException("Unknown activation function: '" + name + "'. Known: linear, relu, softmax, "
                    + "sigmoid, tanh, softplus, softsign, selu, elu, gelu, silu (swish), relu6, leaky_relu, hard_sigmoid, hard_silu, "
                    + "exponential, log_softmax");
        };
    }
}
