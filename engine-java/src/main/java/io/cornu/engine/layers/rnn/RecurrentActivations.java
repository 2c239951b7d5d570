package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;

/**
 * The activations recurrent layers use by default: {@link #TANH} (the default {@code activation})
 * and {@link #SIGMOID} (the default {@code recurrent_activation}), the {@link Activation} constants
 * of those names. {@link #get} resolves Keras names as {@link Activation#get} does.
 *
 * <p>The fused recurrent kernel recognises activations by their Keras name: tanh, sigmoid,
 * hard_sigmoid, relu and linear run inside it; any other activation (a custom
 * {@code Activation.named(...)} included) runs on the step-by-step ops path.
 */
public final class RecurrentActivations {
    /** {@code tanh(x)}. */
    public static final Activation TANH = Activation.TANH;
    /** {@code 1 / (1 + exp(-x))}. */
    public static final Activation SIGMOID = Activation.SIGMOID;
    /** Keras 3's {@code relu6(x + 3) / 6}. */
    public static final Activation HARD_SIGMOID = Activation.HARD_SIGMOID;

    private RecurrentActivations() {
    }

    /** The activation Keras calls {@code name}; null is the identity, as in Keras. */
    public static Activation get(String name) {
        return Activation.get(name);
    }
}
