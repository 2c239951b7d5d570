package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Applies an activation function to its input, as Keras' {@code Activation} layer:
 * {@code new Activation("relu")}, or any {@link io.cornu.engine.activations.Activation}.
 *
 * <p>Names are Keras': {@code linear}, {@code relu}, {@code relu6}, {@code leaky_relu},
 * {@code elu}, {@code selu}, {@code gelu} (exact, as {@code keras.activations.gelu}), {@code mish},
 * {@code sigmoid}, {@code hard_sigmoid}, {@code tanh}, {@code hard_tanh}, {@code tanh_shrink},
 * {@code softmax}, {@code log_softmax}, {@code softplus}, {@code softsign}, {@code silu}/{@code swish},
 * {@code hard_silu}/{@code hard_swish}, {@code log_sigmoid}, {@code exponential}.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
public class Activation extends Layer {
    private final io.cornu.engine.activations.Activation activation;

    public Activation(io.cornu.engine.activations.Activation activation, String name) {
        super(name);
        if (activation == null) throw new IllegalArgumentException("Activation: `activation` must not be null. Received: activation=None");
        this.activation = activation;
    }

    /** The activation Keras calls {@code activation}, e.g. {@code "relu"}. */
    public Activation(String activation) {
        this(get(activation), null);
    }

    public io.cornu.engine.activations.Activation activation() {
        return activation;
    }

    /**
     * The activation function Keras calls {@code name}; {@link io.cornu.engine.activations.Activation#get}
     * plus the other Keras activations, or Keras' error for unknown names.
     */
    public static io.cornu.engine.activations.Activation get(String name) {
        if (name == null) return io.cornu.engine.activations.Activation.LINEAR;
        // keras.activations.gelu is exact (approximate=False); keras.ops.gelu defaults to the tanh form
        if (name.equals("gelu")) return named(name, x -> Ops.gelu(x, false));
        try {
            return io.cornu.engine.activations.Activation.get(name);
        } catch (IllegalArgumentException unknown) {
            return switch (name) {
                case "relu6" -> named(name, Ops::relu6);
                case "leaky_relu" -> named(name, Ops::leakyRelu);
                case "elu" -> named(name, Ops::elu);
                case "selu" -> named(name, Ops::selu);
                case "mish" -> named(name, x -> Ops.mul(x, Ops.tanh(Ops.softplus(x))));
                case "hard_tanh" -> named(name, x -> Ops.clip(x, -1f, 1f));
                case "tanh_shrink" -> named(name, x -> Ops.sub(x, Ops.tanh(x)));
                case "sigmoid" -> named(name, Ops::sigmoid);
                case "hard_sigmoid" -> named(name, Ops::hardSigmoid);
                case "tanh" -> named(name, Ops::tanh);
                case "log_softmax" -> named(name, Ops::logSoftmax);
                case "softplus" -> named(name, Ops::softplus);
                case "softsign" -> named(name, Ops::softsign);
                case "silu", "swish" -> named(name, Ops::silu);
                case "hard_silu", "hard_swish" -> named(name, Ops::hardSilu);
                case "log_sigmoid" -> named(name, Ops::logSigmoid);
                case "exponential" -> named(name, Ops::exp);
                default -> throw new IllegalArgumentException("Could not interpret activation function identifier: " + name);
            };
        }
    }

    private static io.cornu.engine.activations.Activation named(String name, java.util.function.UnaryOperator<Tensor> fn) {
        return io.cornu.engine.activations.Activation.named(name, fn);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return activation.apply(inputs);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static Activation fromConfig(Map<String, Object> c) {
        return new Activation(get(ConfigValues.getString(c, "activation", "linear")), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("activation", activation.name());
        return c;
    }
}
