package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of optimizers, as Keras' {@code Optimizer}: {@link #applyGradients} does the bookkeeping
 * (matching, counting iterations, slot creation); subclasses write only {@link #update} for one variable.
 */
public abstract class Optimizer {
    private final String name;
    private float learningRate;
    private long iterations;
    private final Map<Variable, float[][]> slots = new IdentityHashMap<>();

    protected Optimizer(String name, float learningRate) {
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException(name + ": learning_rate must be >= 0. Received: learning_rate=" + learningRate);
        }
        this.name = name;
        this.learningRate = learningRate;
    }

    public String name() {
        return name;
    }

    public float learningRate() {
        return learningRate;
    }

    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    /** Number of {@link #applyGradients} calls so far (Keras' {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** Applies one update step: {@code grads.get(i)} to {@code vars.get(i)}; null gradients are skipped. */
    public void applyGradients(List<Tensor> grads, List<Variable> vars) {
        if (grads.size() != vars.size()) {
            throw new IllegalArgumentException(name + ".applyGradients: " + grads.size() + " gradients for " + vars.size() + " variables");
        }
        iterations++;
        for (int i = 0; i < vars.size(); i++) {
            Tensor g = grads.get(i);
            if (g == null) continue;
            Variable v = vars.get(i);
            if (!g.shape().equals(v.shape())) {
                throw new IllegalArgumentException(name + ": gradient of shape " + g.shape() + " for variable " + v.name() + " of shape " + v.shape());
            }
            float[][] s = slots.computeIfAbsent(v, k -> newSlots(k.size()));
            update(v.buffer(), g.contiguous().buffer(), g.contiguous().offset(), s, learningRate, iterations);
        }
    }

    /** The optimizer's per-variable state arrays (e.g. RMSprop's velocity), each as long as the variable. */
    protected abstract float[][] newSlots(int size);

    /**
     * Updates the values {@code w} in place from the gradient {@code g[gOff ..]}.
     *
     * @param step the 1-based iteration number
     */
    protected abstract void update(float[] w, float[] g, int gOff, float[][] slots, float lr, long step);

    /** Slot arrays of {@code v}, for inspection (Keras' optimizer variables); null before its first update. */
    public float[][] slotsOf(Variable v) {
        return slots.get(v);
    }

    /** The optimizer Keras calls {@code name}, with Keras' defaults. */
    public static Optimizer get(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "rmsprop" -> new RMSprop();
            case "sgd" -> new SGD();
            default -> throw new IllegalArgumentException("Could not interpret optimizer identifier: " + name + ". Known: rmsprop, sgd");
        };
    }
}
