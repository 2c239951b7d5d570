package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.GlorotUniform;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Orthogonal;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@link SimpleRNN}, {@link LSTM} and {@link GRU} share, as Keras' {@code RNN} layer with its
 * built-in cells: the arguments ({@code units}, activations, initializers, {@code dropout},
 * {@code return_sequences}, {@code return_state}, {@code go_backwards}, ...), the weights
 * {@code kernel (input_dim, gates * units)}, {@code recurrent_kernel (units, gates * units)} and
 * {@code bias}, named {@code <layer>/<cell>/kernel} as Keras' variable paths, masking, initial
 * states and shapes.
 *
 * <p>Arguments other than {@code units} are set fluently before the layer is built:
 * <pre>{@code new LSTM(32).returnSequences(true).goBackwards(true)}</pre>
 *
 * <p>Inputs {@code (batch, timesteps, features)}, {@code timesteps} may be None. Outputs: the last
 * output {@code (batch, units)}, or all of them {@code (batch, timesteps, units)} with
 * {@code returnSequences}; with {@code returnState} followed by the final states
 * {@code (batch, units)} (LSTM: {@code h} then {@code c}). Initial states are extra inputs after the
 * sequence ({@link #applyWithState}). With a mask (e.g. from {@code Embedding(maskZero=true)}),
 * masked steps keep the previous state and repeat the previous output, as Keras does.
 *
 * <p>With the activations the fused kernel knows (tanh, sigmoid, hard_sigmoid, relu, linear) the
 * whole sequence runs as one op with a hand-written backward pass ({@link RecurrentKernel});
 * other activations run step by step on {@link Ops}.
 *
 * @param <T> the concrete layer, so that the fluent setters chain
 */
public abstract class BaseRNN<T extends BaseRNN<T>> extends Layer {
    protected final int units;
    private Activation activation = RecurrentActivations.TANH;
    private Activation recurrentActivation = RecurrentActivations.SIGMOID;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer recurrentInitializer = new Orthogonal();
    private Initializer biasInitializer = new Zeros();
    private double dropout;
    private double recurrentDropout;
    private Long seed;
    private SplittableRandom seedGenerator;
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean stateful;
    private boolean unroll;
    private boolean zeroOutputForMask;
    private boolean useFusedKernel = true;
    private int inputDim = -1;

    protected Variable kernel;
    protected Variable recurrentKernel;
    protected Variable bias;

    protected BaseRNN(int units, String name) {
        super(name);
        if (units <= 0) {
            throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive integer, got "
                    + units + ". Received: units=" + units);
        }
        this.units = units;
    }

    @SuppressWarnings("unchecked")
    protected final T self() {
        return (T) this;
    }

    /** The cell the fused kernel runs. */
    abstract RecurrentKernel.Cell cell();

    /** Keras' name of the cell, the middle part of the weights' paths: {@code lstm_cell}. */
    protected abstract String cellName();

    /** Number of state tensors: 2 for the LSTM ({@code h}, {@code c}), else 1. */
    public int stateCount() {
        return cell().states;
    }

    // ---- arguments ---------------------------------------------------------------------------------

    private void checkMutable(String arg) {
        if (isBuilt()) {
            throw new IllegalStateException("Layer \"" + name() + "\": `" + arg + "` must be set before the layer is built");
        }
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    /** The activation of the candidate state (and of the LSTM's output); tanh by default. Null is linear. */
    public T activation(Activation a) {
        checkMutable("activation");
        this.activation = a == null ? Activation.LINEAR : a;
        return self();
    }

    /** {@link #activation(Activation)} by Keras name: {@code "tanh"}, {@code "relu"}, ... */
    public T activation(String name) {
        return activation(RecurrentActivations.get(name));
    }

    protected Activation recurrentActivation() {
        return recurrentActivation;
    }

    protected void setRecurrentActivation(Activation a) {
        checkMutable("recurrent_activation");
        this.recurrentActivation = a == null ? Activation.LINEAR : a;
    }

    public boolean useBias() {
        return useBias;
    }

    public T useBias(boolean useBias) {
        checkMutable("use_bias");
        this.useBias = useBias;
        return self();
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    public T kernelInitializer(Initializer init) {
        checkMutable("kernel_initializer");
        this.kernelInitializer = init;
        return self();
    }

    public Initializer recurrentInitializer() {
        return recurrentInitializer;
    }

    public T recurrentInitializer(Initializer init) {
        checkMutable("recurrent_initializer");
        this.recurrentInitializer = init;
        return self();
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    public T biasInitializer(Initializer init) {
        checkMutable("bias_initializer");
        this.biasInitializer = init;
        return self();
    }

    public double dropout() {
        return dropout;
    }

    /**
     * Fraction of the input features to drop in training, one mask per sequence shared by all
     * timesteps and gates (Keras' default implementation). Clipped to {@code [0, 1]} as in Keras.
     */
    public T dropout(double rate) {
        checkMutable("dropout");
        this.dropout = Math.min(1.0, Math.max(0.0, rate));
        return self();
    }

    public double recurrentDropout() {
        return recurrentDropout;
    }

    /**
     * Fraction of the state's units to drop in training in the recurrent products. As in Keras, a
     * non-zero rate switches to per-gate masks (Keras' implementation 1): one recurrent mask per gate
     * and, with {@link #dropout(double)}, one input mask per gate, all fixed over the sequence. Such
     * training steps run step by step on {@link Ops} rather than in the fused kernel (inference is
     * unaffected). Clipped to {@code [0, 1]} as in Keras.
     */
    public T recurrentDropout(double rate) {
        checkMutable("recurrent_dropout");
        this.recurrentDropout = Math.min(1.0, Math.max(0.0, rate));
        return self();
    }

    public Long seed() {
        return seed;
    }

    /** Seeds the dropout masks of this layer (null: drawn from {@link RandomSeed}). */
    public T seed(Long seed) {
        checkMutable("seed");
        this.seed = seed;
        this.seedGenerator = seed == null ? null : new SplittableRandom(seed);
        return self();
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    /** Return the whole output sequence instead of the last output. */
    public T returnSequences(boolean v) {
        checkMutable("return_sequences");
        this.returnSequences = v;
        return self();
    }

    public boolean returnState() {
        return returnState;
    }

    /** Also return the final states after the output. */
    public T returnState(boolean v) {
        checkMutable("return_state");
        this.returnState = v;
        return self();
    }

    public boolean goBackwards() {
        return goBackwards;
    }

    /** Process the sequence from its end; the output sequence is then in reverse time order, as in Keras. */
    public T goBackwards(boolean v) {
        checkMutable("go_backwards");
        this.goBackwards = v;
        return self();
    }

    public boolean stateful() {
        return stateful;
    }

    /** Not implemented: {@code true} is rejected. */
    public T stateful(boolean v) {
        checkMutable("stateful");
        if (v) {
            throw new UnsupportedOperationException("Layer \"" + name() + "\" (" + className()
                    + "): stateful RNNs are not implemented in Cornu yet; pass the states explicitly as initial states. Received: stateful=true");
        }
        this.stateful = false;
        return self();
    }

    public boolean unroll() {
        return unroll;
    }

    /** Accepted for compatibility; the result is the same either way (the fused kernel never unrolls). */
    public T unroll(boolean v) {
        checkMutable("unroll");
        this.unroll = v;
        return self();
    }

    public boolean zeroOutputForMask() {
        return zeroOutputForMask;
    }

    /** Output zeros (instead of the previous output) at masked steps; Bidirectional sets it with return_sequences. */
    public T zeroOutputForMask(boolean v) {
        this.zeroOutputForMask = v;
        return self();
    }

    /** True when the whole sequence runs as one fused op (the default, when the activations allow it). */
    public boolean useFusedKernel() {
        return useFusedKernel;
    }

    /** {@code false} forces the step-by-step path on {@link Ops} (slower; for checks and experiments). */
    public T useFusedKernel(boolean v) {
        this.useFusedKernel = v;
        return self();
    }

    /** The {@code (input_dim, gates * units)} input kernel; null before building. */
    public Variable kernel() {
        return kernel;
    }

    /** The {@code (units, gates * units)} recurrent kernel; null before building. */
    public Variable recurrentKernel() {
        return recurrentKernel;
    }

    /** The bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    /** Keras' {@code kernel_regularizer}: a penalty on the kernel added to the loss; null for none. Before building. */
    public T kernelRegularizer(Regularizer regularizer) {
        regularizer("kernel", regularizer);
        return self();
    }

    /** Keras' {@code recurrent_regularizer}: a penalty on the recurrent kernel added to the loss; null for none. Before building. */
    public T recurrentRegularizer(Regularizer regularizer) {
        regularizer("recurrent", regularizer);
        return self();
    }

    /** Keras' {@code bias_regularizer}: a penalty on the bias added to the loss; null for none. Before building. */
    public T biasRegularizer(Regularizer regularizer) {
        regularizer("bias", regularizer);
        return self();
    }

    /** Keras' {@code kernel_constraint}: applied to the kernel after each optimizer update; null for none. Before building. */
    public T kernelConstraint(Constraint constraint) {
        constraint("kernel", constraint);
        return self();
    }

    /** Keras' {@code recurrent_constraint}: applied to the recurrent kernel after each optimizer update; null for none. Before building. */
    public T recurrentConstraint(Constraint constraint) {
        constraint("recurrent", constraint);
        return self();
    }

    /** Keras' {@code bias_constraint}: applied to the bias after each optimizer update; null for none. Before building. */
    public T biasConstraint(Constraint constraint) {
        constraint("bias", constraint);
        return self();
    }

    @Override
    public T activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return self();
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("kernel", "recurrent", "bias");
    }

    // ---- building ---------------------------------------------------------------------------------

    @Override
    protected void build(Shape inputShape) {
        checkSequenceShape(inputShape, false);
        if (!inputShape.isKnown(-1)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": the last dimension of the inputs to a " + className()
                    + " layer should be defined. Found None. Full input shape received: " + inputShape);
        }
        inputDim = inputShape.get(-1);
        int width = cell().gates * units;
        kernel = addWeight(cellName() + "/kernel", new int[] {inputDim, width}, kernelInitializer, true, regularizer("kernel"), constraint("kernel"));
        recurrentKernel = addWeight(cellName() + "/recurrent_kernel", new int[] {units, width}, recurrentInitializer, true, regularizer("recurrent"), constraint("recurrent"));
        if (useBias) bias = addWeight(cellName() + "/bias", biasShape(), biasWeightInitializer(), true, regularizer("bias"), constraint("bias"));
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        checkStateShapes(inputShapes);
        build(inputShapes.get(0));
    }

    /** The bias shape: {@code (gates * units,)} unless a subclass says otherwise. */
    protected int[] biasShape() {
        return new int[] {cell().gates * units};
    }

    /** The initializer the bias weight is created with (the LSTM adds its forget-gate ones). */
    protected Initializer biasWeightInitializer() {
        return biasInitializer;
    }

    private void checkSequenceShape(Shape shape, boolean built) {
        if (shape.rank() != 3) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected ndim=3, found ndim="
                    + shape.rank() + ". Full shape received: " + shape);
        }
        if (built && inputDim >= 0 && shape.isKnown(-1) && shape.get(-1) != inputDim) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected axis -1 of input shape "
                    + "to have value " + inputDim + ", but received input with shape " + shape);
        }
    }

    private void checkStateShapes(List<Shape> shapes) {
        int given = shapes.size() - 1;
        if (given != 0 && given != stateCount()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (" + className() + ") expects " + stateCount()
                    + " initial state tensor(s) after the sequence, but it received " + given + ". Received: initial_state shapes "
                    + shapes.subList(1, shapes.size()));
        }
        for (int i = 1; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            if (s.rank() != 2 || (s.isKnown(1) && s.get(1) != units)) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": initial state " + (i - 1) + " must have shape (batch_size, "
                        + units + "). Received: initial_state shape " + s);
            }
        }
    }

    // ---- shapes and masks -----------------------------------------------------------------------------

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        List<Shape> out = computeOutputShapes(List.of(inputShape));
        if (out.size() != 1) throw new IllegalStateException("Layer \"" + name() + "\" has " + out.size() + " outputs (return_state=True)");
        return out.get(0);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        Shape seq = inputShapes.get(0);
        checkSequenceShape(seq, true);
        checkStateShapes(inputShapes);
        int batch = seq.get(0);
        List<Shape> out = new ArrayList<>();
        out.add(returnSequences ? Shape.of(batch, seq.get(1), units) : Shape.of(batch, units));
        if (returnState) for (int i = 0; i < stateCount(); i++) out.add(Shape.of(batch, units));
        return out;
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** Keras' rule: the sequence output keeps the input's mask; the last output and the states have none. */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor mask = masks.isEmpty() ? null : masks.get(0);
        List<Tensor> out = new ArrayList<>();
        out.add(returnSequences ? mask : null);
        if (returnState) for (int i = 0; i < stateCount(); i++) out.add(null);
        return out;
    }

    // ---- calling ------------------------------------------------------------------------------------

    /** Calls the layer on a symbolic sequence with initial states (LSTM: {@code [h, c]}); all outputs. */
    public List<KerasTensor> applyWithState(KerasTensor sequences, List<KerasTensor> initialState) {
        List<KerasTensor> in = new ArrayList<>();
        in.add(sequences);
        in.addAll(initialState);
        return applyMulti(in);
    }

    /** Runs the layer on data with initial states; all outputs. */
    public List<Tensor> applyWithState(Tensor sequences, List<Tensor> initialState, boolean training) {
        List<Tensor> in = new ArrayList<>();
        in.add(sequences);
        in.addAll(initialState);
        return applyEager(in, training);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        List<Tensor> out = call(List.of(inputs), Collections.singletonList(null), training);
        return out.get(0);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        List<Tensor> masks = new ArrayList<>();
        for (Tensor t : inputs) masks.add(t.kerasMask());
        return call(inputs, masks, training);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        checkStateShapes(inputs.stream().map(Tensor::shape).toList());
        Tensor x = inputs.get(0);
        checkSequenceShape(x.shape(), true);
        Tensor mask = masks.isEmpty() ? null : masks.get(0);
        List<Tensor> initial = inputs.subList(1, inputs.size());
        // as Keras' cells: masks only for 0 < rate < 1
        boolean inputDrop = training && dropout > 0 && dropout < 1;
        boolean perGate = training && recurrentDropout > 0 && recurrentDropout < 1;
        Result r;
        if (perGate) {
            r = runOps(x, initial, mask, dropoutMasks(x.dim(0), x.dim(2)));
        } else {
            if (inputDrop) {
                x = Ops.dropout(x, (float) dropout, new int[] {x.dim(0), 1, x.dim(2)}, generator());
            }
            r = fusedSpec() != null ? runFused(x, initial, mask) : runOps(x, initial, mask, null);
        }
        List<Tensor> out = new ArrayList<>();
        out.add(returnSequences ? r.sequence : r.last);
        if (returnState) out.addAll(r.states);
        return out;
    }

    private SplittableRandom generator() {
        return seedGenerator != null ? seedGenerator.split() : RandomSeed.next();
    }

    /**
     * Per-gate masks for one training call with recurrent dropout, Keras' implementation 1: for each
     * gate (one for SimpleRNN) an input mask {@code (batch, features)} when {@code dropout > 0} and a
     * recurrent mask {@code (batch, units)}; values 0 or {@code 1 / (1 - rate)}.
     */
    record DropoutMasks(Tensor[] input, Tensor[] recurrent) {
    }

    private DropoutMasks dropoutMasks(int batch, int features) {
        int count = cell().gates;
        SplittableRandom gen = generator();
        Tensor[] in = null, rec = new Tensor[count];
        if (dropout > 0 && dropout < 1) {
            in = new Tensor[count];
            for (int g = 0; g < count; g++) in[g] = Ops.dropout(Tensor.ones(batch, features), (float) dropout, null, gen);
        }
        for (int g = 0; g < count; g++) rec[g] = Ops.dropout(Tensor.ones(batch, units), (float) recurrentDropout, null, gen);
        return new DropoutMasks(in, rec);
    }

    /** Outputs of a run: the sequence (processing order), the last output, the final states. */
    private record Result(Tensor sequence, Tensor last, List<Tensor> states) {
    }

    private RecurrentKernel.Spec fusedSpec() {
        if (!useFusedKernel) return null;
        FusedActivation a = FusedActivation.of(activation), ra = FusedActivation.of(recurrentActivation);
        if (a == null || ra == null) return null;
        return new RecurrentKernel.Spec(cell(), units, a, ra, resetAfterFlag(), goBackwards, zeroOutputForMask);
    }

    /** GRU's {@code reset_after}; false for the other cells. */
    boolean resetAfterFlag() {
        return false;
    }

    private Result runFused(Tensor x, List<Tensor> initial, Tensor mask) {
        int b = x.dim(0), t = x.dim(1);
        Tensor h0 = initial.isEmpty() ? null : initial.get(0);
        Tensor c0 = initial.size() > 1 ? initial.get(1) : null;
        Tensor packed = RecurrentKernel.run(fusedSpec(), x, kernel, recurrentKernel, bias, h0, c0, mask);
        Tensor sequence = returnSequences ? Ops.slice(packed, new int[] {0, 0, 0}, new int[] {b, t, units}) : null;
        Tensor last = Ops.squeeze(Ops.slice(packed, new int[] {0, t - 1, 0}, new int[] {b, 1, units}), 1);
        List<Tensor> states = new ArrayList<>();
        if (returnState) {
            for (int i = 0; i < stateCount(); i++) {
                states.add(Ops.squeeze(Ops.slice(packed, new int[] {0, t + i, 0}, new int[] {b, 1, units}), 1));
            }
        }
        return new Result(sequence, last, states);
    }

    /** The input bias added to the projection of the inputs (GRU reset_after: its first row), or null. */
    protected Tensor inputBias() {
        return bias;
    }

    /**
     * One step on {@link Ops}: the new states from the step's input projection {@code (batch, gates
     * * units)} (bias included) and the previous states. The output is the new {@code h}.
     * {@code recurrentMasks} (one per gate) are the recurrent dropout masks, or null.
     */
    protected abstract Tensor[] stepOps(Tensor projection, Tensor[] states, Tensor[] recurrentMasks);

    /**
     * {@code h . recurrent_kernel} for the gates {@code [fromGate, toGate)}; with recurrent dropout
     * masks, each gate's block multiplies its own masked copy of {@code h}.
     */
    protected final Tensor recurrentProduct(Tensor h, int fromGate, int toGate, Tensor[] masks) {
        int u = units, gates = cell().gates;
        if (masks == null) {
            Tensor r = fromGate == 0 && toGate == gates ? recurrentKernel
                    : Ops.slice(recurrentKernel, new int[] {0, fromGate * u}, new int[] {u, (toGate - fromGate) * u});
            return Ops.matmul(h, r);
        }
        List<Tensor> parts = new ArrayList<>();
        for (int g = fromGate; g < toGate; g++) {
            parts.add(Ops.matmul(Ops.mul(h, masks[g]), Ops.slice(recurrentKernel, new int[] {0, g * u}, new int[] {u, u})));
        }
        return parts.size() == 1 ? parts.get(0) : Ops.concatenate(parts, 1);
    }

    /** {@code h} times the recurrent dropout mask of {@code gate}, or {@code h} without masks. */
    protected static Tensor masked(Tensor h, Tensor[] masks, int gate) {
        return masks == null ? h : Ops.mul(h, masks[gate]);
    }

    private Result runOps(Tensor x, List<Tensor> initial, Tensor mask, DropoutMasks drop) {
        int b = x.dim(0), t = x.dim(1), width = cell().gates * units;
        if (t == 0) throw new IllegalArgumentException("Layer \"" + name() + "\": the input sequence has no timesteps (shape " + x.shape() + ")");
        Tensor proj;
        if (drop != null && drop.input() != null) {
            // each gate sees the inputs through its own mask
            List<Tensor> parts = new ArrayList<>();
            int in = x.dim(2);
            for (int g = 0; g < cell().gates; g++) {
                Tensor xg = Ops.mul(x, Ops.reshape(drop.input()[g], b, 1, in));
                parts.add(Ops.matmul(xg, Ops.slice(kernel, new int[] {0, g * units}, new int[] {in, units})));
            }
            proj = parts.size() == 1 ? parts.get(0) : Ops.concatenate(parts, -1);
        } else {
            proj = Ops.matmul(x, kernel);
        }
        Tensor ib = inputBias();
        if (ib != null) proj = Ops.add(proj, ib);
        Tensor[] states = new Tensor[stateCount()];
        for (int i = 0; i < states.length; i++) states[i] = initial.isEmpty() ? Tensor.zeros(b, units) : initial.get(i);
        float[] m = mask == null ? null : mask.toFloatArray();
        List<Tensor> outputs = new ArrayList<>(t);
        Tensor zeros = Tensor.zeros(b, units);
        for (int s = 0; s < t; s++) {
            int ti = goBackwards ? t - 1 - s : s;
            Tensor p = Ops.reshape(Ops.slice(proj, new int[] {0, ti, 0}, new int[] {b, 1, width}), b, width);
            Tensor[] next = stepOps(p, states, drop == null ? null : drop.recurrent());
            Tensor output = next[0];
            if (m != null) {
                float[] live = new float[b];
                for (int i = 0; i < b; i++) live[i] = m[i * t + ti] != 0f ? 1f : 0f;
                Tensor cond = Tensor.wrap(live, b, 1);
                output = Ops.where(cond, next[0], zeroOutputForMask ? zeros : states[0]);
                for (int i = 0; i < next.length; i++) next[i] = Ops.where(cond, next[i], states[i]);
            }
            outputs.add(output);
            states = next;
        }
        Tensor sequence = returnSequences ? Ops.stack(outputs, 1) : null;
        return new Result(sequence, outputs.get(t - 1), List.of(states));
    }

    // ---- config ------------------------------------------------------------------------------------

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("return_sequences", returnSequences);
        c.put("return_state", returnState);
        c.put("go_backwards", goBackwards);
        c.put("stateful", stateful);
        c.put("unroll", unroll);
        c.put("zero_output_for_mask", zeroOutputForMask);
        c.put("units", units);
        c.put("activation", activation.name());
        putRecurrentActivation(c);
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("recurrent_initializer", Initializers.serialize(recurrentInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        putCellConfig(c);
        c.put("dropout", dropout);
        c.put("recurrent_dropout", recurrentDropout);
        c.put("seed", seed);
        return c;
    }

    /** Adds {@code recurrent_activation} for the cells that have one. */
    void putRecurrentActivation(Map<String, Object> c) {
        c.put("recurrent_activation", recurrentActivation.name());
    }

    /** Adds the cell's own arguments ({@code unit_forget_bias}, {@code reset_after}). */
    void putCellConfig(Map<String, Object> c) {
    }

    /** Applies the shared config keys to a layer made from {@code c} (the inverse of {@link #getConfig()}). */
    static <L extends BaseRNN<L>> L configure(L layer, Map<String, Object> c) {
        if (c.containsKey("activation")) layer.activation(RecurrentActivations.get((String) c.get("activation")));
        if (c.containsKey("recurrent_activation")) layer.setRecurrentActivation(RecurrentActivations.get((String) c.get("recurrent_activation")));
        if (c.containsKey("use_bias")) layer.useBias((Boolean) c.get("use_bias"));
        if (c.get("kernel_initializer") != null) layer.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
        if (c.get("recurrent_initializer") != null) layer.recurrentInitializer(Initializers.get(c.get("recurrent_initializer")));
        if (c.get("bias_initializer") != null) layer.biasInitializer(Initializers.get(c.get("bias_initializer")));
        if (c.get("dropout") instanceof Number n) layer.dropout(n.doubleValue());
        if (c.get("recurrent_dropout") instanceof Number n) layer.recurrentDropout(n.doubleValue());
        if (c.get("seed") instanceof Number n) layer.seed(n.longValue());
        if (c.get("return_sequences") instanceof Boolean v) layer.returnSequences(v);
        if (c.get("return_state") instanceof Boolean v) layer.returnState(v);
        if (c.get("go_backwards") instanceof Boolean v) layer.goBackwards(v);
        if (c.get("stateful") instanceof Boolean v) layer.stateful(v);
        if (c.get("unroll") instanceof Boolean v) layer.unroll(v);
        if (c.get("zero_output_for_mask") instanceof Boolean v) layer.zeroOutputForMask(v);
        return layer;
    }

    static int units(Map<String, Object> c) {
        return ((Number) c.get("units")).intValue();
    }
}
