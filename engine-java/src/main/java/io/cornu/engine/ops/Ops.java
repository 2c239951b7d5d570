package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;

/**
 * The ops facade, the JVM counterpart of {@code keras.ops}: what layers, losses, metrics and user
 * code compute with. Every op broadcasts like NumPy where that makes sense, never modifies its
 * inputs, and is differentiable under a {@link io.cornu.engine.autodiff.GradientTape}.
 *
 * <pre>{@code
 * Tensor y = Ops.relu(Ops.add(Ops.matmul(x, w), b));
 * }</pre>
 */
public final class Ops {
    private Ops() {
    }

    // ---- arithmetic ----

    /** {@code a + b}, broadcasting. */
    public static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(a, b);
    }

    /** {@code a - b}, broadcasting. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(a, b);
    }

    /** {@code a * b} elementwise, broadcasting. */
    public static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(a, b);
    }

    /** {@code a / b} elementwise, broadcasting. */
    public static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(a, b);
    }

    /** {@code a * s}. */
    public static Tensor mul(Tensor a, float s) {
        return Arithmetic.scaleShift(a, s, 0f);
    }

    /** {@code a + s}. */
    public static Tensor add(Tensor a, float s) {
        return Arithmetic.scaleShift(a, 1f, s);
    }

    public static Tensor neg(Tensor a) {
        return Arithmetic.neg(a);
    }

    public static Tensor exp(Tensor a) {
        return Arithmetic.exp(a);
    }

    public static Tensor log(Tensor a) {
        return Arithmetic.log(a);
    }

    public static Tensor square(Tensor a) {
        return Arithmetic.square(a);
    }

    /** Values limited to {@code [min, max]}. */
    public static Tensor clip(Tensor a, float min, float max) {
        return Arithmetic.clip(a, min, max);
    }

    // ---- reductions ----

    /** Sum over {@code axes} (all axes when none are given). */
    public static Tensor sum(Tensor a, int... axes) {
        return Reductions.sum(a, axes, false);
    }

    public static Tensor sum(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.sum(a, axes, keepDims);
    }

    /** Mean over {@code axes} (all axes when none are given). */
    public static Tensor mean(Tensor a, int... axes) {
        return Reductions.mean(a, axes, false);
    }

    public static Tensor mean(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.mean(a, axes, keepDims);
    }

    /** Maximum over {@code axes} (all axes when none are given). */
    public static Tensor max(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.max(a, axes, keepDims);
    }

    /** {@code g} summed down to {@code shape}, undoing NumPy broadcasting. */
    public static Tensor sumToShape(Tensor g, int[] shape) {
        return Reductions.sumToShape(g, shape);
    }

    // ---- shapes ----

    /** The same values with another shape; one dimension may be -1. */
    public static Tensor reshape(Tensor x, int... shape) {
        return Shaping.reshape(x, shape);
    }

    /** Transpose of a rank-2 tensor. */
    public static Tensor transpose(Tensor x) {
        return Shaping.transpose(x);
    }

    // ---- linear algebra ----

    /** Matrix product of rank-2 tensors. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return LinearAlgebra.matmul(a, b);
    }

    // ---- activations ----

    public static Tensor relu(Tensor x) {
        return Activations.relu(x);
    }

    /** Softmax over {@code axis}. */
    public static Tensor softmax(Tensor x, int axis) {
        return Activations.softmax(x, axis);
    }

    /** Softmax over the last axis. */
    public static Tensor softmax(Tensor x) {
        return Activations.softmax(x, -1);
    }

    /** Log of the softmax over the last axis, computed stably. */
    public static Tensor logSoftmax(Tensor x) {
        return Activations.logSoftmax(x, -1);
    }

    // ---- structure: indexing, joining, tiling, padding (section owned by the structural-ops work) ----

    // ---- convolution and pooling (section owned by the conv-ops work) ----

    // ---- gradient control ----

    /** {@code x} as a constant: gradients do not flow through the result. */
    public static Tensor stopGradient(Tensor x) {
        return Tensor.wrap(x.toFloatArray(), x.dims());
    }
}
