package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Gated Recurrent Unit (Cho et al. 2014), as Keras' {@code GRU}. Gates in Keras order z, r, h:
 * <pre>
 * x = x_t . kernel + input_bias,   rec = h . recurrent_kernel + recurrent_bias
 * z = sigma(x_z + rec_z),   r = sigma(x_r + rec_r)
 * hh = act(x_h + r * rec_h)                     reset_after=True (default; cuDNN-compatible)
 * hh = act(x_h + (r * h) . recurrent_kernel_h)  reset_after=False (bias without a recurrent part)
 * h = z * h + (1 - z) * hh
 * </pre>
 * Weights: {@code kernel (input_dim, 3 * units)}, {@code recurrent_kernel (units, 3 * units)},
 * {@code bias (2, 3 * units)} with {@code reset_after} (input bias, recurrent bias), else
 * {@code (3 * units,)}.
 *
 * <pre>{@code new GRU(32).returnSequences(true)}</pre>
 */
public class GRU extends BaseRNN<GRU> {
    private boolean resetAfter = true;

    public GRU(int units, String name) {
        super(units, name);
    }

    public GRU(int units) {
        this(units, null);
    }

    @Override
    RecurrentKernel.Cell cell() {
        return RecurrentKernel.Cell.GRU;
    }

    @Override
    protected String cellName() {
        return "gru_cell";
    }

    @Override
    public Activation recurrentActivation() {
        return super.recurrentActivation();
    }

    /** The activation of the gates z and r; sigmoid by default. Null is linear. */
    public GRU recurrentActivation(Activation a) {
        setRecurrentActivation(a);
        return this;
    }

    public GRU recurrentActivation(String name) {
        return recurrentActivation(RecurrentActivations.get(name));
    }

    public boolean resetAfter() {
        return resetAfter;
    }

    /** Apply the reset gate after the recurrent product (true, Keras' default) or before it. */
    public GRU resetAfter(boolean v) {
        if (isBuilt()) throw new IllegalStateException("Layer \"" + name() + "\": `reset_after` must be set before the layer is built");
        this.resetAfter = v;
        return this;
    }

    @Override
    boolean resetAfterFlag() {
        return resetAfter;
    }

    @Override
    protected int[] biasShape() {
        return resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units};
    }

    @Override
    protected Tensor inputBias() {
        if (bias == null || !resetAfter) return bias;
        return Ops.reshape(Ops.slice(bias, new int[] {0, 0}, new int[] {1, 3 * units}), 3 * units);
    }

    @Override
    protected Tensor[] stepOps(Tensor x, Tensor[] states, Tensor[] recurrentMasks) {
        Tensor h = states[0];
        int u = units;
        Activation a = activation(), ra = recurrentActivation();
        List<Tensor> xs = Ops.split(x, 3, 1);
        Tensor hh, z;
        if (resetAfter) {
            Tensor rec = recurrentProduct(h, 0, 3, recurrentMasks);
            if (bias != null) rec = Ops.add(rec, Ops.reshape(Ops.slice(bias, new int[] {1, 0}, new int[] {1, 3 * u}), 3 * u));
            List<Tensor> rs = Ops.split(rec, 3, 1);
            z = ra.apply(Ops.add(xs.get(0), rs.get(0)));
            Tensor r = ra.apply(Ops.add(xs.get(1), rs.get(1)));
            hh = a.apply(Ops.add(xs.get(2), Ops.mul(r, rs.get(2))));
        } else {
            Tensor rzr = recurrentProduct(h, 0, 2, recurrentMasks);
            List<Tensor> rs = Ops.split(rzr, 2, 1);
            z = ra.apply(Ops.add(xs.get(0), rs.get(0)));
            Tensor r = ra.apply(Ops.add(xs.get(1), rs.get(1)));
            Tensor rh = Ops.matmul(Ops.mul(r, masked(h, recurrentMasks, 2)), Ops.slice(recurrentKernel, new int[] {0, 2 * u}, new int[] {u, u}));
            hh = a.apply(Ops.add(xs.get(2), rh));
        }
        Tensor hNew = Ops.add(Ops.mul(z, h), Ops.mul(Ops.sub(Tensor.scalar(1f), z), hh));
        return new Tensor[] {hNew};
    }

    @Override
    void putCellConfig(Map<String, Object> c) {
        c.put("reset_after", resetAfter);
    }

    /** The inverse of {@link #getConfig()}. */
    public static GRU fromConfig(Map<String, Object> c) {
        GRU l = configure(new GRU(units(c), (String) c.get("name")), c);
        if (c.get("reset_after") instanceof Boolean v) l.resetAfter(v);
        return l;
    }
}
