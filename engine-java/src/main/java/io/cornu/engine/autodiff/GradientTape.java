package io.cornu.engine.autodiff;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records ops while open so that gradients can be computed afterwards, as TensorFlow's
 * {@code tf.GradientTape}:
 *
 * <pre>{@code
 * try (GradientTape tape = new GradientTape()) {
 *     Tensor loss = Ops.mean(Ops.square(Ops.sub(Ops.matmul(x, w), y)));
 *     List<Tensor> grads = tape.gradient(loss, List.of(w));
 * }
 * }</pre>
 *
 * <p>A tape records an op when one of its inputs is watched: a trainable {@link Variable}, a tensor
 * passed to {@link #watch}, or the output of an op it recorded. With no open tape, ops record
 * nothing and cost nothing extra. A non-persistent tape allows one {@link #gradient} call.
 */
public final class GradientTape implements AutoCloseable {
    private static final ThreadLocal<ArrayDeque<GradientTape>> ACTIVE = ThreadLocal.withInitial(ArrayDeque::new);

    private final boolean persistent;
    private final List<Tensor> recorded = new ArrayList<>();
    private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean used;
    private boolean open = true;

    public GradientTape() {
        this(false);
    }

    /** A persistent tape allows several {@link #gradient} calls. */
    public GradientTape(boolean persistent) {
        this.persistent = persistent;
        ACTIVE.get().push(this);
    }

    /** True when at least one tape records on this thread. Ops skip all tape work otherwise. */
    public static boolean isRecording() {
        return !ACTIVE.get().isEmpty();
    }

    /** Makes this tape record the ops that use {@code t}, which need not be a variable. */
    public void watch(Tensor t) {
        tracked.add(t);
    }

    /**
     * Called by ops after computing {@code output}: attaches how to differentiate it and notes it
     * on each open tape that watches one of {@code inputs}.
     */
    public static void record(Tensor output, String op, Tensor[] inputs, GradNode.Backward backward) {
        GradNode node = null;
        for (GradientTape tape : ACTIVE.get()) {
            if (tape.watchesAny(inputs)) {
                if (node == null) {
                    node = new GradNode(op, inputs, backward);
                    output.setGradNode(node);
                }
                tape.recorded.add(output);
                tape.tracked.add(output);
            }
        }
    }

    private boolean watchesAny(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t != null && watches(t)) return true;
        }
        return false;
    }

    private boolean watches(Tensor t) {
        return tracked.contains(t) || (t instanceof Variable v && v.trainable());
    }

    /** Gradient of {@code target} (summed over its elements) with respect to each source. */
    public List<Tensor> gradient(Tensor target, List<? extends Tensor> sources) {
        return gradient(target, sources, UnconnectedGradients.NONE);
    }

    /** What {@link #gradient} returns for a source that the target does not depend on. */
    public enum UnconnectedGradients { NONE, ZERO }

    /**
     * Gradient of {@code target} with respect to each source; a source the target does not
     * depend on gets null ({@link UnconnectedGradients#NONE}) or zeros.
     */
    public List<Tensor> gradient(Tensor target, List<? extends Tensor> sources, UnconnectedGradients unconnected) {
        if (used && !persistent) {
            throw new IllegalStateException("GradientTape.gradient can only be called once on a non-persistent tape. "
                    + "Use new GradientTape(true) to compute several gradients.");
        }
        used = true;
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        // Backward rules run ops; they must not record onto the tapes of this thread.
        ArrayDeque<GradientTape> saved = ACTIVE.get();
        ACTIVE.set(new ArrayDeque<>());
        try {
            grads.put(target, Tensor.ones(target.dims()));
            for (int i = recorded.size() - 1; i >= 0; i--) {
                Tensor out = recorded.get(i);
                Tensor g = grads.get(out);
                if (g == null) continue;
                GradNode node = out.gradNode();
                Tensor[] inputs = node.inputs();
                boolean[] needed = new boolean[inputs.length];
                for (int j = 0; j < inputs.length; j++) needed[j] = inputs[j] != null && watches(inputs[j]);
                Tensor[] inGrads = node.backward().apply(g, needed);
                for (int j = 0; j < inputs.length; j++) {
                    if (!needed[j] || inGrads[j] == null) continue;
                    Tensor ig = Ops.sumToShape(inGrads[j], inputs[j].dims());
                    grads.merge(inputs[j], ig, Ops::add);
                }
            }
        } finally {
            ACTIVE.set(saved);
        }
        if (!persistent) recorded.clear();
        List<Tensor> result = new ArrayList<>(sources.size());
        for (Tensor s : sources) {
            Tensor g = grads.get(s);
            result.add(g != null ? g : unconnected == UnconnectedGradients.ZERO ? Tensor.zeros(s.dims()) : null);
        }
        return result;
    }

    /** Stops recording. Gradients can still be taken afterwards. */
    @Override
    public void close() {
        if (!open) return;
        open = false;
        ArrayDeque<GradientTape> stack = ACTIVE.get();
        if (!stack.remove(this)) {
            throw new IllegalStateException("GradientTape closed on another thread than the one that opened it");
        }
    }

    @Override
    public String toString() {
        return "GradientTape(persistent=" + persistent + ", recorded=" + recorded.size() + " ops, open=" + open + ")"
                + (recorded.isEmpty() ? "" : " " + Arrays.toString(recorded.stream().map(t -> t.gradNode().op()).distinct().toArray()));
    }
}
