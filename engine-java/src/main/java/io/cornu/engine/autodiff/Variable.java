package io.cornu.engine.autodiff;

import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * A named, mutable tensor: a layer's weight or an optimizer's slot. Ops read it like any tensor;
 * {@link #assign} and friends change its values in place. Trainable variables are watched by every
 * {@link GradientTape} automatically.
 */
public final class Variable extends Tensor {
    private final String name;
    private boolean trainable;
    private Regularizer regularizer;
    private Constraint constraint;

    public Variable(String name, Tensor initialValue, boolean trainable) {
        super(initialValue.toFloatArray(), initialValue.dims(), contiguousStrides(initialValue.dims()), 0);
        this.name = name;
        this.trainable = trainable;
    }

    public Variable(String name, Tensor initialValue) {
        this(name, initialValue, true);
    }

    private static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** The variable's name, e.g. {@code "dense/kernel"}. */
    public String name() {
        return name;
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /**
     * The penalty on this variable added to the training loss while it is trainable (Keras' variable
     * {@code regularizer}), or null. Set by {@link io.cornu.engine.layers.Layer}'s {@code addWeight}.
     */
    public Regularizer regularizer() {
        return regularizer;
    }

    public void setRegularizer(Regularizer regularizer) {
        this.regularizer = regularizer;
    }

    /**
     * The projection optimizers apply to this variable after each update (Keras' variable
     * {@code constraint}), or null.
     */
    public Constraint constraint() {
        return constraint;
    }

    public void setConstraint(Constraint constraint) {
        this.constraint = constraint;
    }

    /** Copies {@code value} (same shape) into this variable. */
    public void assign(Tensor value) {
        checkShape("assign", value);
        float[] src = value.toFloatArray();
        System.arraycopy(src, 0, buffer(), 0, src.length);
    }

    /** Adds {@code delta} (same shape) to this variable. */
    public void assignAdd(Tensor delta) {
        checkShape("assignAdd", delta);
        float[] d = delta.toFloatArray();
        float[] v = buffer();
        for (int i = 0; i < d.length; i++) v[i] += d[i];
    }

    /** Subtracts {@code delta} (same shape) from this variable. */
    public void assignSub(Tensor delta) {
        checkShape("assignSub", delta);
        float[] d = delta.toFloatArray();
        float[] v = buffer();
        for (int i = 0; i < d.length; i++) v[i] -= d[i];
    }

    /** A snapshot of the current value that later assignments do not change. */
    public Tensor value() {
        return copy();
    }

    private void checkShape(String what, Tensor value) {
        if (!Arrays.equals(value.dims(), dims())) {
            throw new IllegalArgumentException("Variable \"" + name + "\": " + what + " of a value of shape "
                    + value.shape() + " to a variable of shape " + shape());
        }
    }

    @Override
    public String toString() {
        return "Variable(name=" + name + ", shape=" + shape() + ", trainable=" + trainable + ", value=" + super.toString() + ")";
    }
}
