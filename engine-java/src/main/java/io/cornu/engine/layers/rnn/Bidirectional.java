package io.cornu.engine.layers.rnn;

import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a recurrent layer over the sequence in both directions and merges the two outputs, as
 * Keras' {@code Bidirectional}. The wrapped layer is not used itself: a forward copy
 * ({@code forward_<name>}) and a backward copy ({@code backward_<name>}, {@code go_backwards})
 * are made from its config, with fresh weights (forward's first in {@link #weights()}). With
 * {@code return_sequences} the backward outputs are flipped back to the input's time order before
 * merging, and both copies output zeros at masked steps.
 *
 * <p>{@code mergeMode}: {@code "concat"} (default; the last axis doubles), {@code "sum"},
 * {@code "mul"}, {@code "ave"}, or null for the two outputs as separate tensors. With
 * {@code return_state} the forward states then the backward states follow the output(s). Initial
 * states, as extra inputs after the sequence: the forward layer's, then the backward layer's.
 *
 * <pre>{@code new Bidirectional(new LSTM(64).returnSequences(true))     // (batch, steps, 128)}</pre>
 */
public class Bidirectional extends Layer {
    private final BaseRNN<?> forwardLayer;
    private final BaseRNN<?> backwardLayer;
    private final String mergeMode;

    /**
     * @param layer         the recurrent layer to run both ways (its config is copied)
     * @param mergeMode     "concat", "sum", "mul", "ave", or null for separate outputs
     * @param backwardLayer the layer for the backward direction (with {@code go_backwards}), or null for a copy of {@code layer}
     * @param name          the layer's name, or null
     */
    public Bidirectional(BaseRNN<?> layer, String mergeMode, BaseRNN<?> backwardLayer, String name) {
        super(name);
        if (layer == null) {
            throw new IllegalArgumentException("Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance. Received: null");
        }
        if (mergeMode != null && !List.of("sum", "mul", "ave", "concat").contains(mergeMode)) {
            throw new IllegalArgumentException("Invalid merge mode. Received: " + mergeMode
                    + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
        }
        this.mergeMode = mergeMode;
        this.forwardLayer = copy(layer, "forward_" + removePrefix(layer.name(), "forward_"), null);
        this.backwardLayer = backwardLayer != null ? backwardLayer
                : copy(layer, "backward_" + removePrefix(layer.name(), "backward_"), true);
        if (forwardLayer.goBackwards() == this.backwardLayer.goBackwards()) {
            throw new IllegalArgumentException("Forward layer and backward layer should have different `go_backwards` value. Received: "
                    + "forward_layer.go_backwards " + forwardLayer.goBackwards() + ", backward_layer.go_backwards=" + this.backwardLayer.goBackwards());
        }
        for (String a : List.of("return_sequences", "return_state")) {
            Object f = forwardLayer.getConfig().get(a), b = this.backwardLayer.getConfig().get(a);
            if (!f.equals(b)) {
                throw new IllegalArgumentException("Forward layer and backward layer are expected to have the same value for attribute \""
                        + a + "\", got \"" + f + "\" for forward layer and \"" + b + "\" for backward layer");
            }
        }
        // Keras: masked steps output zeros in both directions when whole sequences are returned
        forwardLayer.zeroOutputForMask(forwardLayer.returnSequences());
        this.backwardLayer.zeroOutputForMask(this.backwardLayer.returnSequences());
        trackLayer(forwardLayer);
        trackLayer(this.backwardLayer);
    }

    public Bidirectional(BaseRNN<?> layer, String mergeMode) {
        this(layer, mergeMode, null, null);
    }

    public Bidirectional(BaseRNN<?> layer) {
        this(layer, "concat", null, null);
    }

    private static BaseRNN<?> copy(BaseRNN<?> layer, String name, Boolean goBackwards) {
        Map<String, Object> c = new LinkedHashMap<>(layer.getConfig());
        c.put("name", name);
        if (goBackwards != null) c.put("go_backwards", goBackwards);
        Layer l = LayerRegistry.fromConfig(layer.className(), c);
        if (!(l instanceof BaseRNN<?> r)) {
            throw new IllegalArgumentException("Bidirectional: the layer registered as " + layer.className() + " is not a recurrent layer");
        }
        return r;
    }

    private static String removePrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    public BaseRNN<?> forwardLayer() {
        return forwardLayer;
    }

    public BaseRNN<?> backwardLayer() {
        return backwardLayer;
    }

    /** "concat", "sum", "mul", "ave", or null. */
    public String mergeMode() {
        return mergeMode;
    }

    public boolean returnSequences() {
        return forwardLayer.returnSequences();
    }

    public boolean returnState() {
        return forwardLayer.returnState();
    }

    // ---- building and shapes --------------------------------------------------------------------

    @Override
    protected void build(Shape inputShape) {
        forwardLayer.ensureBuilt(inputShape);
        backwardLayer.ensureBuilt(inputShape);
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        List<List<Shape>> parts = split(inputShapes);
        forwardLayer.ensureBuilt(parts.get(0));
        backwardLayer.ensureBuilt(parts.get(1));
    }

    /** {@code [sequence, forward states...]} and {@code [sequence, backward states...]}. */
    private static <T> List<List<T>> split(List<T> inputs) {
        int states = inputs.size() - 1;
        if (states % 2 != 0) {
            throw new IllegalArgumentException("Bidirectional: expected as many initial states for the backward layer as for the forward one "
                    + "(an even number after the sequence). Received: " + states + " initial state tensors");
        }
        List<T> f = new ArrayList<>(), b = new ArrayList<>();
        f.add(inputs.get(0));
        b.add(inputs.get(0));
        f.addAll(inputs.subList(1, 1 + states / 2));
        b.addAll(inputs.subList(1 + states / 2, inputs.size()));
        return List.of(f, b);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        List<Shape> out = computeOutputShapes(List.of(inputShape));
        if (out.size() != 1) throw new IllegalStateException("Layer \"" + name() + "\" has " + out.size() + " outputs");
        return out.get(0);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        List<List<Shape>> parts = split(inputShapes);
        List<Shape> f = forwardLayer.computeOutputShapes(parts.get(0));
        List<Shape> b = backwardLayer.computeOutputShapes(parts.get(1));
        List<Shape> out = new ArrayList<>();
        Shape y = f.get(0);
        if (mergeMode == null) {
            out.add(y);
            out.add(b.get(0));
        } else if (mergeMode.equals("concat")) {
            out.add(y.with(-1, y.get(-1) * 2));
        } else {
            out.add(y);
        }
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor mask = masks.isEmpty() ? null : masks.get(0);
        Tensor outMask = returnSequences() ? mask : null;
        List<Tensor> out = new ArrayList<>();
        out.add(outMask);
        if (mergeMode == null) out.add(outMask);
        if (returnState()) for (int i = 0; i < 2 * forwardLayer.stateCount(); i++) out.add(null);
        return out;
    }

    // ---- calling ------------------------------------------------------------------------------------

    /** Calls the layer on a symbolic sequence with initial states (forward's, then backward's); all outputs. */
    public List<KerasTensor> applyWithState(KerasTensor sequences, List<KerasTensor> initialState) {
        List<KerasTensor> in = new ArrayList<>();
        in.add(sequences);
        in.addAll(initialState);
        return applyMulti(in);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return call(List.of(inputs), training).get(0);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        List<List<Tensor>> parts = split(inputs);
        List<Tensor> f = forwardLayer.applyEager(parts.get(0), training);
        List<Tensor> b = backwardLayer.applyEager(parts.get(1), training);
        Tensor y = f.get(0), yRev = b.get(0);
        if (returnSequences()) yRev = flipTime(yRev);
        List<Tensor> out = new ArrayList<>();
        if (mergeMode == null) {
            out.add(y);
            out.add(yRev);
        } else {
            out.add(switch (mergeMode) {
                case "concat" -> Ops.concatenate(List.of(y, yRev), -1);
                case "sum" -> Ops.add(y, yRev);
                case "ave" -> Ops.mul(Ops.add(y, yRev), 0.5f);
                case "mul" -> Ops.mul(y, yRev);
                default -> throw new IllegalStateException(mergeMode);
            });
        }
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    /** The sequence {@code (batch, time, ...)} in reverse time order. */
    private static Tensor flipTime(Tensor y) {
        int t = y.dim(1);
        int[] idx = new int[t];
        for (int i = 0; i < t; i++) idx[i] = t - 1 - i;
        return Ops.take(y, Tensor.wrap(idx, t), 1);
    }

    // ---- config ------------------------------------------------------------------------------------

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("merge_mode", mergeMode);
        c.put("layer", serialize(forwardLayer));
        c.put("backward_layer", serialize(backwardLayer));
        return c;
    }

    private static Map<String, Object> serialize(Layer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", l.className());
        m.put("config", l.getConfig());
        return m;
    }

    /** The inverse of {@link #getConfig()}. */
    @SuppressWarnings("unchecked")
    public static Bidirectional fromConfig(Map<String, Object> c) {
        BaseRNN<?> layer = deserialize((Map<String, Object>) c.get("layer"));
        Object b = c.get("backward_layer");
        BaseRNN<?> backward = b == null ? null : deserialize((Map<String, Object>) b);
        String mode = c.containsKey("merge_mode") ? (String) c.get("merge_mode") : "concat";
        return new Bidirectional(layer, mode, backward, (String) c.get("name"));
    }

    @SuppressWarnings("unchecked")
    private static BaseRNN<?> deserialize(Map<String, Object> m) {
        Layer l = LayerRegistry.fromConfig((String) m.get("class_name"), (Map<String, Object>) m.get("config"));
        if (!(l instanceof BaseRNN<?> r)) throw new IllegalArgumentException("Bidirectional: " + m.get("class_name") + " is not a recurrent layer");
        return r;
    }
}
