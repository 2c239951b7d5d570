package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Long Short-Term Memory layer (Hochreiter 1997), as Keras' {@code LSTM}:
 * <pre>
 * z = x_t . kernel + h . recurrent_kernel + bias          gates in Keras order i, f, c, o
 * i = sigma(z_i),  f = sigma(z_f),  g = act(z_c),  o = sigma(z_o)
 * c = f * c + i * g,   h = o * act(c)                      output h; states [h, c]
 * </pre>
 * with {@code act} = {@link #activation()} (tanh) and {@code sigma} =
 * {@link #recurrentActivation()} (sigmoid). Weights: {@code kernel (input_dim, 4 * units)},
 * {@code recurrent_kernel (units, 4 * units)}, {@code bias (4 * units,)} whose forget block starts
 * at 1 ({@code unit_forget_bias}). Initializers glorot_uniform, orthogonal, zeros.
 *
 * <pre>{@code
 * new LSTM(32)                                         // (batch, steps, d) -> (batch, 32)
 * new LSTM(32).returnSequences(true).returnState(true) // [(batch, steps, 32), h, c]
 * }</pre>
 */
public class LSTM extends BaseRNN<LSTM> {
    private boolean unitForgetBias = true;

    public LSTM(int units, String name) {
        super(units, name);
    }

    public LSTM(int units) {
        this(units, null);
    }

    @Override
    RecurrentKernel.Cell cell() {
        return RecurrentKernel.Cell.LSTM;
    }

    @Override
    protected String cellName() {
        return "lstm_cell";
    }

    @Override
    public Activation recurrentActivation() {
        return super.recurrentActivation();
    }

    /** The activation of the gates i, f, o; sigmoid by default. Null is linear. */
    public LSTM recurrentActivation(Activation a) {
        setRecurrentActivation(a);
        return this;
    }

    public LSTM recurrentActivation(String name) {
        return recurrentActivation(RecurrentActivations.get(name));
    }

    public boolean unitForgetBias() {
        return unitForgetBias;
    }

    /** Start the forget-gate bias at 1 (true by default, as Keras). */
    public LSTM unitForgetBias(boolean v) {
        if (isBuilt()) throw new IllegalStateException("Layer \"" + name() + "\": `unit_forget_bias` must be set before the layer is built");
        this.unitForgetBias = v;
        return this;
    }

    @Override
    protected Initializer biasWeightInitializer() {
        Initializer base = biasInitializer();
        if (!unitForgetBias) return base;
        int u = units;
        return (shape, random) -> Ops.concatenate(List.of(
                base.create(new int[] {u}, random),
                Tensor.ones(u),
                base.create(new int[] {2 * u}, random)), 0);
    }

    @Override
    protected Tensor[] stepOps(Tensor z, Tensor[] states, Tensor[] recurrentMasks) {
        z = Ops.add(z, recurrentProduct(states[0], 0, 4, recurrentMasks));
        List<Tensor> parts = Ops.split(z, 4, 1);
        Activation a = activation(), ra = recurrentActivation();
        Tensor i = ra.apply(parts.get(0)), f = ra.apply(parts.get(1)), g = a.apply(parts.get(2)), o = ra.apply(parts.get(3));
        Tensor c = Ops.add(Ops.mul(f, states[1]), Ops.mul(i, g));
        Tensor h = Ops.mul(o, a.apply(c));
        return new Tensor[] {h, c};
    }

    @Override
    void putCellConfig(Map<String, Object> c) {
        c.put("unit_forget_bias", unitForgetBias);
    }

    /** The inverse of {@link #getConfig()}. */
    public static LSTM fromConfig(Map<String, Object> c) {
        LSTM l = configure(new LSTM(units(c), (String) c.get("name")), c);
        if (c.get("unit_forget_bias") instanceof Boolean v) l.unitForgetBias(v);
        return l;
    }
}
