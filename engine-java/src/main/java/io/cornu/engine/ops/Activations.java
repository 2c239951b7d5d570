package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.Tensor;

/**
 * Activation functions, softmax and log-softmax, and their gradients. Reached through {@link Ops}.
 * The elementwise ones are entries of the {@link UnaryFunction} table; softmax and log-softmax
 * work on rows (see {@link AxisRows}) over any axes.
 */
final class Activations {
    private Activations() {
    }

    static Tensor relu(Tensor x) {
        return Elementwise.unary(UnaryFunction.RELU, x);
    }

    static Tensor relu6(Tensor x) {
        return Elementwise.unary(UnaryFunction.RELU6, x);
    }

    static Tensor leakyRelu(Tensor x, float negativeSlope) {
        if (!Float.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("leaky_relu: expected a finite negative_slope. Received: negative_slope=" + negativeSlope);
        }
        return Elementwise.unary(UnaryFunction.LEAKY_RELU, x, negativeSlope);
    }

    static Tensor elu(Tensor x, float alpha) {
        if (!Float.isFinite(alpha)) throw new IllegalArgumentException("elu: expected a finite alpha. Received: alpha=" + alpha);
        return Elementwise.unary(UnaryFunction.ELU, x, alpha);
    }

    static Tensor selu(Tensor x) {
        return Elementwise.unary(UnaryFunction.SELU, x);
    }

    static Tensor gelu(Tensor x, boolean approximate) {
        return Elementwise.unary(approximate ? UnaryFunction.GELU_TANH : UnaryFunction.GELU_ERF, x);
    }

    static Tensor tanh(Tensor x) {
        return Elementwise.unary(UnaryFunction.TANH, x);
    }

    static Tensor sigmoid(Tensor x) {
        return Elementwise.unary(UnaryFunction.SIGMOID, x);
    }

    static Tensor hardSigmoid(Tensor x) {
        return Elementwise.unary(UnaryFunction.HARD_SIGMOID, x);
    }

    static Tensor softplus(Tensor x) {
        return Elementwise.unary(UnaryFunction.SOFTPLUS, x);
    }

    static Tensor softsign(Tensor x) {
        return Elementwise.unary(UnaryFunction.SOFTSIGN, x);
    }

    static Tensor silu(Tensor x) {
        return Elementwise.unary(UnaryFunction.SILU, x);
    }

    static Tensor logSigmoid(Tensor x) {
        return Elementwise.unary(UnaryFunction.LOG_SIGMOID, x);
    }

    static Tensor hardSilu(Tensor x) {
        return Elementwise.unary(UnaryFunction.HARD_SILU, x);
    }

    /**
     * {@code exp(x - max) / sum(exp(x - max))} over {@code axes} (stable for large values).
     * Gradient: {@code y * (g - sum(g * y))} per group.
     */
    static Tensor softmax(Tensor x, int[] axes) {
        Elementwise.requireFloat("softmax", x);
        AxisRows r = AxisRows.of(x, Reductions.normalizeAxes("softmax", requireAxes("softmax", axes), x.rank()));
        float[] y = new float[r.rows * r.cols];
        Kernels.get().softmaxRows(r.data, r.offset, y, 0, r.rows, r.cols);
        Tensor out = r.restore(y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "softmax", new Tensor[] {x}, (g, needed) -> {
                AxisRows gr = r.like(g);
                float[] dx = new float[y.length];
                for (int i = 0; i < r.rows; i++) {
                    int o = i * r.cols, go = gr.offset + o;
                    double dot = 0;
                    for (int j = 0; j < r.cols; j++) dot += (double) gr.data[go + j] * y[o + j];
                    float d = (float) dot;
                    for (int j = 0; j < r.cols; j++) dx[o + j] = y[o + j] * (gr.data[go + j] - d);
                }
                return new Tensor[] {r.restore(dx)};
            });
        }
        return out;
    }

    /**
     * {@code x - logsumexp(x)} over {@code axes}, computed per group as {@code x - m - log(sum(exp(x - m)))}
     * with {@code m} the maximum, so that it neither overflows nor takes the log of an underflowed
     * softmax. Gradient: {@code g - softmax(x) * sum(g)} per group.
     */
    static Tensor logSoftmax(Tensor x, int[] axes) {
        Elementwise.requireFloat("log_softmax", x);
        AxisRows r = AxisRows.of(x, Reductions.normalizeAxes("log_softmax", requireAxes("log_softmax", axes), x.rank()));
        Kernels k = Kernels.get();
        float[] y = new float[r.rows * r.cols];
        for (int i = 0; i < r.rows; i++) {
            int xo = r.offset + i * r.cols, o = i * r.cols;
            float m = k.max(r.data, xo, r.cols);
            double s = 0;
            for (int j = 0; j < r.cols; j++) s += Math.exp(r.data[xo + j] - m);
            double logS = Math.log(s);
            // (x - m) first: exact for nearby values, so large inputs (1000s) keep full precision
            for (int j = 0; j < r.cols; j++) y[o + j] = (float) (((double) r.data[xo + j] - m) - logS);
        }
        Tensor out = r.restore(y);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "log_softmax", new Tensor[] {x}, (g, needed) -> {
                AxisRows gr = r.like(g);
                float[] dx = new float[y.length];
                for (int i = 0; i < r.rows; i++) {
                    int o = i * r.cols, go = gr.offset + o;
                    double gs = 0;
                    for (int j = 0; j < r.cols; j++) gs += gr.data[go + j];
                    for (int j = 0; j < r.cols; j++) dx[o + j] = (float) (gr.data[go + j] - Math.exp(y[o + j]) * gs);
                }
                return new Tensor[] {r.restore(dx)};
            });
        }
        return out;
    }

    private static int[] requireAxes(String op, int[] axes) {
        if (axes == null || axes.length == 0) throw new IllegalArgumentException(op + ": expected at least one axis. Received: axis=[]");
        return axes;
    }
}
