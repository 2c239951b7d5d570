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

    /** {@code -a}. */
    public static Tensor neg(Tensor a) {
        return Arithmetic.neg(a);
    }

    /** {@code a ** b} elementwise, broadcasting; the gradient for {@code b} is 0 where {@code a <= 0}. */
    public static Tensor pow(Tensor a, Tensor b) {
        return Arithmetic.pow(a, b);
    }

    /** {@code a ** p} elementwise for a constant exponent: {@code pow(x, 0.5f)}, {@code pow(x, -1f)}. */
    public static Tensor pow(Tensor a, float p) {
        return Arithmetic.pow(a, p);
    }

    /** The larger of {@code a} and {@code b} elementwise, broadcasting (NaN propagates; two int tensors give an int result); ties send the gradient to {@code a}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return Arithmetic.maximum(a, b);
    }

    /** The smaller of {@code a} and {@code b} elementwise, broadcasting (NaN propagates; two int tensors give an int result); ties send the gradient to {@code a}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return Arithmetic.minimum(a, b);
    }

    /** {@code |a|}; the gradient at 0 is 0. */
    public static Tensor abs(Tensor a) {
        return Arithmetic.abs(a);
    }

    /** -1, 0 or 1 by the sign of each element (NaN stays NaN); zero gradient. */
    public static Tensor sign(Tensor a) {
        return Arithmetic.sign(a);
    }

    /** {@code e ** a}. */
    public static Tensor exp(Tensor a) {
        return Arithmetic.exp(a);
    }

    /** {@code exp(a) - 1}, accurate near 0. */
    public static Tensor expm1(Tensor a) {
        return Arithmetic.expm1(a);
    }

    /** Natural logarithm. */
    public static Tensor log(Tensor a) {
        return Arithmetic.log(a);
    }

    /** {@code log(1 + a)}, accurate near 0. */
    public static Tensor log1p(Tensor a) {
        return Arithmetic.log1p(a);
    }

    public static Tensor sqrt(Tensor a) {
        return Arithmetic.sqrt(a);
    }

    /** {@code 1 / sqrt(a)}. */
    public static Tensor rsqrt(Tensor a) {
        return Arithmetic.rsqrt(a);
    }

    /** {@code a * a}. */
    public static Tensor square(Tensor a) {
        return Arithmetic.square(a);
    }

    /** The error function {@code 2/sqrt(pi) * integral_0^a exp(-t^2) dt}. */
    public static Tensor erf(Tensor a) {
        return Arithmetic.erf(a);
    }

    /** Values limited to {@code [min, max]}; the gradient passes where {@code min <= a <= max}. */
    public static Tensor clip(Tensor a, float min, float max) {
        return Arithmetic.clip(a, min, max);
    }

    // comparisons: float32 masks of 0s and 1s (Cornu has no bool dtype), broadcasting, no gradient;
    // int32/int64/float32 operands in any combination.

    /** 1 where {@code a == b}, else 0 (a float32 mask). */
    public static Tensor equal(Tensor a, Tensor b) {
        return Comparisons.equal(a, b);
    }

    /** 1 where {@code a != b}, else 0 (a float32 mask; NaN is unequal to everything). */
    public static Tensor notEqual(Tensor a, Tensor b) {
        return Comparisons.notEqual(a, b);
    }

    /** 1 where {@code a > b}, else 0 (a float32 mask). */
    public static Tensor greater(Tensor a, Tensor b) {
        return Comparisons.greater(a, b);
    }

    /** 1 where {@code a >= b}, else 0 (a float32 mask). */
    public static Tensor greaterEqual(Tensor a, Tensor b) {
        return Comparisons.greaterEqual(a, b);
    }

    /** 1 where {@code a < b}, else 0 (a float32 mask). */
    public static Tensor less(Tensor a, Tensor b) {
        return Comparisons.less(a, b);
    }

    /** 1 where {@code a <= b}, else 0 (a float32 mask). */
    public static Tensor lessEqual(Tensor a, Tensor b) {
        return Comparisons.lessEqual(a, b);
    }

    /**
     * {@code a} where {@code cond} is non-zero, else {@code b}, broadcasting all three:
     * {@code where(greater(x, zero), x, mul(x, 0.1f))}. The gradient goes to the chosen operand.
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Comparisons.where(cond, a, b);
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

    /** Maximum over {@code axes} (all axes when none are given); int tensors give int results. */
    public static Tensor max(Tensor a, int... axes) {
        return Reductions.max(a, axes, false);
    }

    /** Maximum over {@code axes}; ties share the gradient. */
    public static Tensor max(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.max(a, axes, keepDims);
    }

    /** Minimum over {@code axes} (all axes when none are given); int tensors give int results. */
    public static Tensor min(Tensor a, int... axes) {
        return Reductions.min(a, axes, false);
    }

    /** Minimum over {@code axes}; ties share the gradient. */
    public static Tensor min(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.min(a, axes, keepDims);
    }

    /** Product over {@code axes} (all axes when none are given); the gradient is exact with zeros. */
    public static Tensor prod(Tensor a, int... axes) {
        return Reductions.prod(a, axes, false);
    }

    public static Tensor prod(Tensor a, int[] axes, boolean keepDims) {
        return Reductions.prod(a, axes, keepDims);
    }

    /** Index of the largest element of the flattened tensor, as an int32 scalar. */
    public static Tensor argmax(Tensor x) {
        return Reductions.argmax(x, null, false);
    }

    /** Indices of the largest elements along {@code axis}, as int32 (first occurrence on ties). */
    public static Tensor argmax(Tensor x, int axis) {
        return Reductions.argmax(x, axis, false);
    }

    public static Tensor argmax(Tensor x, int axis, boolean keepDims) {
        return Reductions.argmax(x, axis, keepDims);
    }

    /** Index of the smallest element of the flattened tensor, as an int32 scalar. */
    public static Tensor argmin(Tensor x) {
        return Reductions.argmin(x, null, false);
    }

    /** Indices of the smallest elements along {@code axis}, as int32 (first occurrence on ties). */
    public static Tensor argmin(Tensor x, int axis) {
        return Reductions.argmin(x, axis, false);
    }

    public static Tensor argmin(Tensor x, int axis, boolean keepDims) {
        return Reductions.argmin(x, axis, keepDims);
    }

    /** Population variance {@code mean((x - mean(x))^2)} over {@code axes} (all when none are given). */
    public static Tensor variance(Tensor x, int... axes) {
        return Reductions.variance(x, axes, false);
    }

    public static Tensor variance(Tensor x, int[] axes, boolean keepDims) {
        return Reductions.variance(x, axes, keepDims);
    }

    /** Population standard deviation over {@code axes} (all when none are given). */
    public static Tensor std(Tensor x, int... axes) {
        return Reductions.std(x, axes, false);
    }

    public static Tensor std(Tensor x, int[] axes, boolean keepDims) {
        return Reductions.std(x, axes, keepDims);
    }

    /** The 2-norm of the flattened tensor. */
    public static Tensor norm(Tensor x) {
        return Reductions.norm(x, Double.NaN, false, null, false);
    }

    /** The 2-norm over one axis, or the Frobenius norm over two (of the flattened tensor when none are given). */
    public static Tensor norm(Tensor x, int[] axes, boolean keepDims) {
        return Reductions.norm(x, Double.NaN, false, axes, keepDims);
    }

    /**
     * Norm of order {@code ord}, as {@code keras.ops.norm}. Over one axis (a vector norm):
     * {@code 1} sum of |x|, {@code 2} Euclidean, {@code Double.POSITIVE_INFINITY} max |x|,
     * {@code NEGATIVE_INFINITY} min |x|, {@code 0} count of non-zeros, other p
     * {@code sum(|x|^p)^(1/p)}. Over two axes {@code (rows, cols)} (a matrix norm): {@code 1} / {@code -1}
     * largest / smallest absolute column sum, {@code ±inf} largest / smallest absolute row sum.
     * With no axes, {@code x} must have rank 1 or 2.
     */
    public static Tensor norm(Tensor x, double ord, int[] axes, boolean keepDims) {
        return Reductions.norm(x, ord, false, axes, keepDims);
    }

    /** Matrix norm named as in Keras: {@code "fro"} (Frobenius). */
    public static Tensor norm(Tensor x, String ord, int[] axes, boolean keepDims) {
        if ("fro".equals(ord)) return Reductions.norm(x, Double.NaN, true, axes, keepDims);
        if ("nuc".equals(ord)) throw new UnsupportedOperationException("norm: ord='nuc' (the nuclear norm, a sum of singular values) is not supported yet");
        throw new IllegalArgumentException("norm: expected ord 'fro' or a number. Received: ord='" + ord + "'");
    }

    /** {@code log(sum(exp(x)))} over all axes, without overflow. */
    public static Tensor logSumExp(Tensor x) {
        return Reductions.logSumExp(x, null, false);
    }

    /** {@code log(sum(exp(x)))} over {@code axes}, computed as {@code m + log(sum(exp(x - m)))} with {@code m} the maximum. */
    public static Tensor logSumExp(Tensor x, int[] axes, boolean keepDims) {
        return Reductions.logSumExp(x, axes, keepDims);
    }

    /** Running sums of the flattened tensor: {@code cumsum([[1, 2], [3, 4]]) = [1, 3, 6, 10]}. */
    public static Tensor cumsum(Tensor x) {
        return Reductions.cumsum(x, null);
    }

    /** Running sums along {@code axis}: {@code cumsum([[1, 2], [3, 4]], 1) = [[1, 3], [3, 7]]}. */
    public static Tensor cumsum(Tensor x, int axis) {
        return Reductions.cumsum(x, axis);
    }

    /** The {@code k} largest entries along the last axis (descending) and their int32 indices; values are differentiable. */
    public static TopK topK(Tensor x, int k) {
        return TopK.compute(x, k);
    }

    /** {@code g} summed down to {@code shape}, undoing NumPy broadcasting. */
    public static Tensor sumToShape(Tensor g, int[] shape) {
        return Reductions.sumToShape(g, shape);
    }

    // ---- shapes ----

    /** The same values with another shape; one dimension may be -1. A view when {@code x} is contiguous. */
    public static Tensor reshape(Tensor x, int... shape) {
        return Shaping.reshape(x, shape);
    }

    /** The axes reversed: the transpose of a matrix. A view. */
    public static Tensor transpose(Tensor x) {
        return Shaping.transpose(x);
    }

    /**
     * The axes permuted: output axis {@code i} is input axis {@code perm[i]}, as Keras'
     * {@code ops.transpose(x, axes)}; e.g. {@code transpose(x, 0, 2, 1)} swaps the last two axes of
     * a rank-3 tensor. A view; the gradient is permuted back.
     */
    public static Tensor transpose(Tensor x, int... perm) {
        return Shaping.transpose(x, perm);
    }

    /** {@code x} without the given size-1 axes, or without all its size-1 axes when none are given. A view. */
    public static Tensor squeeze(Tensor x, int... axes) {
        return Shaping.squeeze(x, axes);
    }

    /** {@code x} with a size-1 axis inserted at {@code axis} (negative counts from the end of the result). A view. */
    public static Tensor expandDims(Tensor x, int axis) {
        return Shaping.expandDims(x, axis);
    }

    /**
     * {@code x} repeated along its size-1 axes and new leading axes to {@code shape}, as NumPy
     * broadcasting. A view (stride 0); the gradient sums over the repeats.
     */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        return Shaping.broadcastTo(x, shape);
    }

    /**
     * The block of {@code x} of shape {@code size} starting at {@code start}, as Keras'
     * {@code ops.slice(x, start_indices, shape)}; a size of -1 takes the rest of that axis. A view;
     * the gradient is the output gradient written into zeros of {@code x}'s shape.
     *
     * <pre>{@code
     * Ops.slice(x, new int[] {0, 1}, new int[] {2, -1});   // x[0:2, 1:]
     * }</pre>
     */
    public static Tensor slice(Tensor x, int[] start, int[] size) {
        return Shaping.slice(x, start, size);
    }

    /**
     * {@code x} converted to {@code dtype}: {@code x} itself for its own dtype (the gradient passes
     * through); float to int truncates toward zero and, like int to float, has no gradient.
     */
    public static Tensor cast(Tensor x, io.cornu.engine.tensor.DType dtype) {
        return Shaping.cast(x, dtype);
    }

    // ---- linear algebra ----

    /**
     * Matrix product with NumPy's {@code matmul} semantics: the last two axes are matrices and the
     * leading (batch) axes broadcast, so {@code (b, m, k) @ (k, n)}, {@code (b, m, k) @ (b, k, n)} and
     * {@code (2, 1, m, k) @ (3, k, n) -> (2, 3, m, n)} all work; a 1-D first operand is a row vector
     * and a 1-D second operand a column vector, their axis removed from the result. Runs on GEMM
     * without copying transposed views or contiguous batches.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        return LinearAlgebra.matmul(a, b);
    }

    /**
     * Keras' (NumPy's) {@code dot}: a product with a scalar; the inner product of two vectors; the
     * matrix product of matrices; in general the sum over the last axis of {@code a} and the
     * second-to-last axis of {@code b}, shape {@code a.shape[:-1] + b.shape[:-2] + b.shape[-1:]}.
     */
    public static Tensor dot(Tensor a, Tensor b) {
        return LinearAlgebra.dot(a, b);
    }

    /** {@code tensordot} over the last {@code axes} axes of {@code a} and the first {@code axes} axes of {@code b}. */
    public static Tensor tensordot(Tensor a, Tensor b, int axes) {
        return LinearAlgebra.tensordot(a, b, axes);
    }

    /**
     * The sum of products over the axes {@code axes[0]} of {@code a} paired with {@code axes[1]} of
     * {@code b}, as Keras' {@code ops.tensordot(a, b, axes=[[1], [0]])}. The result has the remaining
     * axes of {@code a}, then those of {@code b}.
     */
    public static Tensor tensordot(Tensor a, Tensor b, int[][] axes) {
        if (axes == null || axes.length != 2 || axes[0] == null || axes[1] == null) {
            throw new IllegalArgumentException("tensordot: expected axes as two lists, [[axes of a], [axes of b]]. Received: axes="
                    + java.util.Arrays.deepToString(axes));
        }
        return LinearAlgebra.tensordot(a, b, axes[0], axes[1]);
    }

    // ---- activations ----

    /** {@code max(x, 0)}; the gradient at 0 is 0. */
    public static Tensor relu(Tensor x) {
        return Activations.relu(x);
    }

    /** {@code min(max(x, 0), 6)}. */
    public static Tensor relu6(Tensor x) {
        return Activations.relu6(x);
    }

    /** {@code x >= 0 ? x : 0.2 * x}, Keras 3's default negative slope. */
    public static Tensor leakyRelu(Tensor x) {
        return Activations.leakyRelu(x, 0.2f);
    }

    /** {@code x >= 0 ? x : negativeSlope * x}. */
    public static Tensor leakyRelu(Tensor x, float negativeSlope) {
        return Activations.leakyRelu(x, negativeSlope);
    }

    /** Exponential linear unit, {@code x > 0 ? x : exp(x) - 1}. */
    public static Tensor elu(Tensor x) {
        return Activations.elu(x, 1f);
    }

    /** {@code x > 0 ? x : alpha * (exp(x) - 1)}. */
    public static Tensor elu(Tensor x, float alpha) {
        return Activations.elu(x, alpha);
    }

    /** Scaled ELU, {@code scale * elu(x, alpha)} with Klambauer et al.'s {@code scale ≈ 1.0507}, {@code alpha ≈ 1.6733}. */
    public static Tensor selu(Tensor x) {
        return Activations.selu(x);
    }

    /** GELU, Keras' default tanh approximation {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    public static Tensor gelu(Tensor x) {
        return Activations.gelu(x, true);
    }

    /** GELU: the tanh approximation, or the exact {@code x * Phi(x) = 0.5 x (1 + erf(x / sqrt(2)))} when {@code approximate} is false. */
    public static Tensor gelu(Tensor x, boolean approximate) {
        return Activations.gelu(x, approximate);
    }

    public static Tensor tanh(Tensor x) {
        return Activations.tanh(x);
    }

    /** {@code 1 / (1 + exp(-x))}, without overflow for large |x|. */
    public static Tensor sigmoid(Tensor x) {
        return Activations.sigmoid(x);
    }

    /** Keras 3's piecewise-linear sigmoid {@code relu6(x + 3) / 6}: 0 below -3, 1 above 3. */
    public static Tensor hardSigmoid(Tensor x) {
        return Activations.hardSigmoid(x);
    }

    /** {@code log(1 + exp(x))}, computed as {@code max(x, 0) + log1p(exp(-|x|))} so that it never overflows. */
    public static Tensor softplus(Tensor x) {
        return Activations.softplus(x);
    }

    /** {@code x / (1 + |x|)}. */
    public static Tensor softsign(Tensor x) {
        return Activations.softsign(x);
    }

    /** {@code x * sigmoid(x)}, also called SiLU. */
    public static Tensor swish(Tensor x) {
        return Activations.silu(x);
    }

    /** {@code x * sigmoid(x)}, also called swish. */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** {@code log(sigmoid(x))}, stable for large |x|. */
    public static Tensor logSigmoid(Tensor x) {
        return Activations.logSigmoid(x);
    }

    /** {@code x * relu6(x + 3) / 6}, Keras' {@code hard_silu} (hard swish). */
    public static Tensor hardSilu(Tensor x) {
        return Activations.hardSilu(x);
    }

    /** Softmax over {@code axis}, {@code exp(x - max) / sum(exp(x - max))}: stable for large values. */
    public static Tensor softmax(Tensor x, int axis) {
        return Activations.softmax(x, new int[] {axis});
    }

    /** Softmax over several axes at once (each group of elements sharing the other indices sums to 1). */
    public static Tensor softmax(Tensor x, int[] axes) {
        return Activations.softmax(x, axes);
    }

    /** Softmax over the last axis. */
    public static Tensor softmax(Tensor x) {
        return Activations.softmax(x, new int[] {-1});
    }

    /** Log of the softmax over the last axis, computed stably. */
    public static Tensor logSoftmax(Tensor x) {
        return Activations.logSoftmax(x, new int[] {-1});
    }

    /** Log of the softmax over {@code axis}, {@code x - logsumexp(x)}, computed stably. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        return Activations.logSoftmax(x, new int[] {axis});
    }

    /** Log of the softmax over several axes. */
    public static Tensor logSoftmax(Tensor x, int[] axes) {
        return Activations.logSoftmax(x, axes);
    }

    // ---- structure: indexing, joining, tiling, padding (section owned by the structural-ops work) ----

    /**
     * The tensors joined along {@code axis}; all other dimensions and the dtypes must match.
     * The gradient of each input is its slice of the output gradient.
     */
    public static Tensor concatenate(java.util.List<Tensor> xs, int axis) {
        return Joining.concatenate(xs, axis);
    }

    /** The tensors joined along axis 0. */
    public static Tensor concatenate(java.util.List<Tensor> xs) {
        return Joining.concatenate(xs, 0);
    }

    /** Tensors of one shape joined along a new axis {@code axis}: {@code n} tensors {@code (a, b)} stack to {@code (n, a, b)} at axis 0. */
    public static Tensor stack(java.util.List<Tensor> xs, int axis) {
        return Joining.stack(xs, axis);
    }

    /** Tensors of one shape joined along a new leading axis. */
    public static Tensor stack(java.util.List<Tensor> xs) {
        return Joining.stack(xs, 0);
    }

    /** {@code x} cut along {@code axis} into {@code sections} equal pieces (views, each differentiable). */
    public static java.util.List<Tensor> split(Tensor x, int sections, int axis) {
        return Joining.split(x, sections, axis);
    }

    /**
     * {@code x} cut along {@code axis} before each of the increasing {@code indices}:
     * {@code split(x, new int[] {2, 5}, 0)} gives {@code x[:2]}, {@code x[2:5]}, {@code x[5:]}.
     */
    public static java.util.List<Tensor> split(Tensor x, int[] indices, int axis) {
        return Joining.split(x, indices, axis);
    }

    /**
     * {@code x} repeated {@code reps[i]} times along axis {@code i}, as NumPy's {@code tile}
     * ({@code reps} and the shape are aligned on the right, the shorter padded with 1s).
     */
    public static Tensor tile(Tensor x, int... reps) {
        return Tiling.tile(x, reps);
    }

    /** Each element of {@code x} repeated {@code repeats} times along {@code axis}: {@code [1, 2] -> [1, 1, 2, 2]}. */
    public static Tensor repeat(Tensor x, int repeats, int axis) {
        return Tiling.repeat(x, repeats, axis);
    }

    /** Element {@code i} of {@code x} along {@code axis} repeated {@code repeats[i]} times. */
    public static Tensor repeat(Tensor x, int[] repeats, int axis) {
        return Tiling.repeat(x, repeats, axis);
    }

    /** {@code x} flattened, each element repeated {@code repeats} times (Keras' default {@code axis=None}). */
    public static Tensor repeat(Tensor x, int repeats) {
        return Tiling.repeat(x, repeats);
    }

    /**
     * The slices of {@code x} at the int32/int64 {@code indices} along {@code axis}, shape
     * {@code x.shape[:axis] + indices.shape + x.shape[axis+1:]}; negative indices count from the end.
     * The embedding lookup is {@code take(table (V, d), ids (b, t), 0) -> (b, t, d)}; its gradient adds
     * each row's gradient into the table, summing over repeated ids.
     */
    public static Tensor take(Tensor x, Tensor indices, int axis) {
        return Indexing.take(x, indices, axis);
    }

    /** The elements of {@code x} flattened, at {@code indices} (Keras' {@code take} without an axis). */
    public static Tensor take(Tensor x, Tensor indices) {
        return Indexing.take(x, indices);
    }

    /** TensorFlow's name for {@link #take(Tensor, Tensor, int)}. */
    public static Tensor gather(Tensor x, Tensor indices, int axis) {
        return Indexing.take(x, indices, axis);
    }

    /**
     * {@code out[..., j, ...] = x[..., indices[..., j, ...], ...]} along {@code axis}, as NumPy's
     * {@code take_along_axis}; {@code indices} has the rank of {@code x} and broadcasts against it
     * on the other axes (e.g. picking each row's label score with indices {@code (batch, 1)}).
     */
    public static Tensor takeAlongAxis(Tensor x, Tensor indices, int axis) {
        return Indexing.takeAlongAxis(x, indices, axis);
    }

    /**
     * float32 one-hot encoding, classes on a new last axis: {@code [1, 0]} with 3 classes is
     * {@code [[0, 1, 0], [1, 0, 0]]}. An index outside {@code [0, numClasses)} gives a row of zeros,
     * as in Keras.
     */
    public static Tensor oneHot(Tensor indices, int numClasses) {
        return Indexing.oneHot(indices, numClasses, -1);
    }

    /** {@link #oneHot(Tensor, int)} with the classes on axis {@code axis} of the result. */
    public static Tensor oneHot(Tensor indices, int numClasses, int axis) {
        return Indexing.oneHot(indices, numClasses, axis);
    }

    /**
     * {@code x} padded with zeros: {@code padWidth[i] = {before, after}} for axis {@code i} (a single
     * pair applies to all axes). The gradient is the interior of the output gradient.
     */
    public static Tensor pad(Tensor x, int[][] padWidth) {
        return Padding.pad(x, padWidth, "constant", 0f);
    }

    /**
     * {@code x} padded as Keras' {@code ops.pad(x, pad_width, mode, constant_values)}; {@code mode} is
     * {@code "constant"} (filled with {@code constantValue}), {@code "reflect"} (mirrored without the
     * edge), {@code "symmetric"} (mirrored with the edge) or {@code "edge"} (the edge repeated).
     */
    public static Tensor pad(Tensor x, int[][] padWidth, String mode, float constantValue) {
        return Padding.pad(x, padWidth, mode, constantValue);
    }

    /**
     * Inverted dropout: each element zeroed with probability {@code rate}, the others scaled by
     * {@code 1 / (1 - rate)}; the gradient flows through the same mask. The mask comes from a
     * generator drawn from {@link io.cornu.engine.utils.RandomSeed}, so {@code RandomSeed.set(seed)}
     * makes it reproducible.
     */
    public static Tensor dropout(Tensor x, float rate) {
        return RandomOps.dropout(x, rate);
    }

    /** {@link #dropout(Tensor, float)} with the mask determined by {@code seed} (the same seed, the same mask). */
    public static Tensor dropout(Tensor x, float rate, long seed) {
        return RandomOps.dropout(x, rate, seed);
    }

    /**
     * {@link #dropout(Tensor, float)} with the mask drawn from {@code generator}; {@code noiseShape}
     * (null for {@code x}'s shape) broadcasts to {@code x}'s shape, sharing one mask value along its
     * size-1 axes, as Keras' {@code noise_shape}.
     */
    public static Tensor dropout(Tensor x, float rate, int[] noiseShape, java.util.SplittableRandom generator) {
        return RandomOps.dropout(x, rate, noiseShape, generator);
    }

    // ---- convolution and pooling (section owned by the conv-ops work) ----
    //
    // Channels-last, as Keras: inputs (batch, [height,] width, channels), kernels (kh, [kw,] in, out).
    // Padding is "valid" or "same" (case-insensitive; conv1d also "causal"); "same" pads
    // max((out - 1) * stride + (k - 1) * dilation + 1 - in, 0) in total, the smaller half before.

    /**
     * 1-D convolution (cross-correlation, as Keras) of {@code x (batch, steps, in)} with
     * {@code kernel (kernel_size, in, out)}; {@code padding} is {@code "valid"}, {@code "same"} or
     * {@code "causal"} (pads {@code (kernel_size - 1) * dilation} before, so that output {@code t}
     * sees no input after {@code t}).
     */
    public static Tensor conv1d(Tensor x, Tensor kernel, int stride, String padding, int dilation) {
        return Convolution.conv1d(x, kernel, stride, padding, dilation);
    }

    /** {@link #conv1d(Tensor, Tensor, int, String, int)} at stride 1, "valid", no dilation. */
    public static Tensor conv1d(Tensor x, Tensor kernel) {
        return Convolution.conv1d(x, kernel, 1, "valid", 1);
    }

    /**
     * 2-D convolution of {@code x (batch, height, width, in)} with {@code kernel (kh, kw, in, out)}:
     * {@code y[b, i, j, o] = sum x[b, i*sh - padTop + u*dh, j*sw - padLeft + v*dw, c] * kernel[u, v, c, o]}.
     * Output {@code (batch, outH, outW, out)}: {@code floor((in - kEff) / stride) + 1} ("valid") or
     * {@code ceil(in / stride)} ("same"), {@code kEff = (k - 1) * dilation + 1}.
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilation) {
        return Convolution.conv2d(x, kernel, strides, padding, dilation);
    }

    /** {@link #conv2d(Tensor, Tensor, int[], String, int[])} with equal strides and no dilation. */
    public static Tensor conv2d(Tensor x, Tensor kernel, int stride, String padding) {
        return Convolution.conv2d(x, kernel, new int[] {stride, stride}, padding, new int[] {1, 1});
    }

    /** {@link #conv2d(Tensor, Tensor, int[], String, int[])} at stride 1, "valid", no dilation. */
    public static Tensor conv2d(Tensor x, Tensor kernel) {
        return conv2d(x, kernel, 1, "valid");
    }

    /**
     * Depthwise 1-D convolution: each of the {@code in} channels of {@code x (batch, steps, in)} is
     * convolved with its own {@code depth_multiplier} filters of {@code kernel (kernel_size, in,
     * depth_multiplier)}; output channel {@code c * depth_multiplier + m}. Padding as {@link #conv1d}.
     */
    public static Tensor depthwiseConv1d(Tensor x, Tensor kernel, int stride, String padding, int dilation) {
        return Convolution.depthwiseConv1d(x, kernel, stride, padding, dilation);
    }

    /**
     * Depthwise 2-D convolution of {@code x (batch, height, width, in)} with
     * {@code kernel (kh, kw, in, depth_multiplier)}, as Keras' {@code DepthwiseConv2D}: output
     * {@code (batch, outH, outW, in * depth_multiplier)}, channel {@code c * depth_multiplier + m}.
     * A separable convolution is this followed by a 1x1 {@link #conv2d}.
     */
    public static Tensor depthwiseConv2d(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilation) {
        return Convolution.depthwiseConv2d(x, kernel, strides, padding, dilation);
    }

    /** {@link #depthwiseConv2d(Tensor, Tensor, int[], String, int[])} with equal strides, no dilation. */
    public static Tensor depthwiseConv2d(Tensor x, Tensor kernel, int stride, String padding) {
        return Convolution.depthwiseConv2d(x, kernel, new int[] {stride, stride}, padding, new int[] {1, 1});
    }

    /**
     * Transposed 2-D convolution (the gradient of {@link #conv2d} with respect to its input) of
     * {@code x (batch, h, w, in)} with {@code kernel (kh, kw, out, in)}, the layout Keras'
     * {@code Conv2DTranspose} stores. Output sizes as Keras: {@code h * stride} ("same"),
     * {@code h * stride + max(kEff - stride, 0)} ("valid"), or with {@code outputPadding} (null for
     * none; each {@code < stride}) {@code (h - 1) * stride + kEff - 2 * pad + outputPadding} with
     * {@code pad = kEff / 2} ("same") or 0.
     */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, int[] strides, String padding, int[] outputPadding, int[] dilation) {
        return Convolution.conv2dTranspose(x, kernel, strides, padding, outputPadding, dilation);
    }

    /** {@link #conv2dTranspose(Tensor, Tensor, int[], String, int[], int[])} without output padding or dilation. */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, int[] strides, String padding) {
        return Convolution.conv2dTranspose(x, kernel, strides, padding, null, new int[] {1, 1});
    }

    /** Max over windows of {@code poolSize} steps of {@code x (batch, steps, channels)}, {@code stride} apart. */
    public static Tensor maxPool1d(Tensor x, int poolSize, int stride, String padding) {
        return Pooling.maxPool1d(x, poolSize, stride, padding);
    }

    /** {@link #maxPool1d(Tensor, int, int, String)} with stride = pool size, "valid" (Keras' defaults). */
    public static Tensor maxPool1d(Tensor x, int poolSize) {
        return Pooling.maxPool1d(x, poolSize, poolSize, "valid");
    }

    /**
     * Max over {@code poolSize} windows of {@code x (batch, height, width, channels)};
     * {@code strides} null means the pool size, as Keras. "same" padding never wins a max.
     */
    public static Tensor maxPool2d(Tensor x, int[] poolSize, int[] strides, String padding) {
        return Pooling.maxPool2d(x, poolSize, strides, padding);
    }

    /**
     * Channels-last images {@code (batch, h, w, c)} resized to {@code (batch, height, width, c)}, as
     * Keras' {@code ops.image.resize} (no antialiasing): {@code "bilinear"} or {@code "nearest"},
     * half-pixel centres. Differentiable.
     */
    public static Tensor resize(Tensor images, int height, int width, String interpolation) {
        return ImageResize.resize(images, height, width, interpolation);
    }

    /** {@link #maxPool2d(Tensor, int[], int[], String)} over square windows, stride = pool size, "valid". */
    public static Tensor maxPool2d(Tensor x, int poolSize) {
        return Pooling.maxPool2d(x, new int[] {poolSize, poolSize}, null, "valid");
    }

    /**
     * Mean over windows of {@code x (batch, steps, channels)}; with "same" padding a window's mean
     * is over its input elements only (padding is not counted), as Keras and TensorFlow.
     */
    public static Tensor avgPool1d(Tensor x, int poolSize, int stride, String padding) {
        return Pooling.avgPool1d(x, poolSize, stride, padding);
    }

    /** {@link #avgPool1d(Tensor, int, int, String)} with stride = pool size, "valid". */
    public static Tensor avgPool1d(Tensor x, int poolSize) {
        return Pooling.avgPool1d(x, poolSize, poolSize, "valid");
    }

    /** Mean over windows of {@code x (batch, height, width, channels)}, padding not counted; {@code strides} null means the pool size. */
    public static Tensor avgPool2d(Tensor x, int[] poolSize, int[] strides, String padding) {
        return Pooling.avgPool2d(x, poolSize, strides, padding);
    }

    /** {@link #avgPool2d(Tensor, int[], int[], String)} over square windows, stride = pool size, "valid". */
    public static Tensor avgPool2d(Tensor x, int poolSize) {
        return Pooling.avgPool2d(x, new int[] {poolSize, poolSize}, null, "valid");
    }

    /**
     * Keras' output length of a convolution or pooling axis, for shape inference:
     * {@code floor((in - kEff) / stride) + 1} ("valid", may be {@code <= 0}) or {@code ceil(in / stride)}
     * ("same", "causal"). An unknown input length ({@link io.cornu.engine.tensor.Shape#NONE}) stays unknown.
     */
    public static int convOutputLength(int inputLength, int kernelSize, int stride, String padding, int dilation) {
        return ConvGeometry.outputLength(inputLength, kernelSize, stride,
                ConvGeometry.PaddingMode.parse("conv_output_length", padding, true), dilation);
    }

    /**
     * Keras' output length of a transposed convolution axis ({@code outputPadding} null for none);
     * unknown stays unknown.
     */
    public static int convTransposeOutputLength(int inputLength, int kernelSize, int stride, String padding,
                                                Integer outputPadding, int dilation) {
        return ConvGeometry.transposeOutputLength(inputLength, kernelSize, stride,
                ConvGeometry.PaddingMode.parse("conv_transpose_output_length", padding, false),
                outputPadding == null ? -1 : outputPadding, dilation);
    }

    // ---- gradient control ----

    /** {@code x} as a constant: gradients do not flow through the result. */
    public static Tensor stopGradient(Tensor x) {
        return Tensor.wrap(x.toFloatArray(), x.dims());
    }
}
