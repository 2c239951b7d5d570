package io.cornu.engine.layers.rnn;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Fully-connected RNN where the output is fed back as the next input, as Keras' {@code SimpleRNN}:
 * {@code h = act(x_t . kernel + h . recurrent_kernel + bias)} with {@code act} tanh by default.
 * Weights: {@code kernel (input_dim, units)}, {@code recurrent_kernel (units, units)},
 * {@code bias (units,)}.
 *
 * <pre>{@code new SimpleRNN(32).returnSequences(true)}</pre>
 */
public class SimpleRNN extends BaseRNN<SimpleRNN> {

    public SimpleRNN(int units, String name) {
        super(units, name);
    }

    public SimpleRNN(int units) {
        this(units, null);
    }

    @Override
    RecurrentKernel.Cell cell() {
        return RecurrentKernel.Cell.SIMPLE;
    }

    @Override
    protected String cellName() {
        return "simple_rnn_cell";
    }

    @Override
    protected Tensor[] stepOps(Tensor x, Tensor[] states, Tensor[] recurrentMasks) {
        return new Tensor[] {activation().apply(Ops.add(x, recurrentProduct(states[0], 0, 1, recurrentMasks)))};
    }

    /** SimpleRNN has no recurrent activation. */
    @Override
    void putRecurrentActivation(Map<String, Object> c) {
    }

    /** The inverse of {@link #getConfig()}. */
    public static SimpleRNN fromConfig(Map<String, Object> c) {
        return configure(new SimpleRNN(units(c), (String) c.get("name")), c);
    }
}
