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

    /** The larger of {@code a} and {@code b} elementwise, broadcasting (NaN propagates); ties send the gradient to {@code a}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return Arithmetic.maximum(a, b);
    }

    /** The smaller of {@code a} and {@code b} elementwise, broadcasting (NaN propagates); ties send the gradient to {@code a}. */
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
