package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.ops.Ops;

/**
 * The activations recurrent layers use by default, as {@link Activation}s with their Keras names:
 * {@link #TANH} (the default {@code activation}) and {@link #SIGMOID} (the default
 * {@code recurrent_activation}), plus {@link #HARD_SIGMOID}. {@link #get} resolves any Keras name
 * these or {@link Activation#get} know.
 */
public final class RecurrentActivations {
    /** {@code tanh(x)}. */
    public static final Activation TANH = Activation.named("tanh", Ops::tanh);
    /** {@code 1 / (1 + exp(-x))}. */
    public static final Activation SIGMOID = Activation.named("sigmoid", Ops::sigmoid);
    /** Keras 3's {@code relu6(x + 3) / 6}. */
    public static final Activation HARD_SIGMOID = Activation.named("hard_sigmoid", Ops::hardSigmoid);

    private RecurrentActivations() {
    }

    /** The activation Keras calls {@code name}; null is the identity, as in Keras. */
    public static Activation get(String name) {
        if (name == null) return Activation.LINEAR;
        return switch (name) {
            case "tanh" -> TANH;
            case "sigmoid" -> SIGMOID;
            case "hard_sigmoid" -> HARD_SIGMOID;
            default -> {
                try {
                    yield Activation.get(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown activation function: '" + name
                            + "'. Known to recurrent layers: tanh, sigmoid, hard_sigmoid, and " + e.getMessage(), e);
                }
            }
        };
    }
}
