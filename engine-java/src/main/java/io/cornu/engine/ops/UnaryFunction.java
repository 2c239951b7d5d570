package io.cornu.engine.ops;

import io.cornu.engine.kernels.Kernels;

/**
 * The gradient table of the elementwise unary functions: each entry holds its forward loop and,
 * right beside it, the loop for {@code dx = g * f'(x)} (which may read the saved output {@code y}).
 * {@link Elementwise#unary} runs an entry over a tensor and records the backward loop on the tape.
 *
 * <p>Each loop is its own method over a contiguous range, so the JIT compiles and vectorises it
 * separately: no per-element virtual call. Transcendental functions are evaluated in double and
 * rounded once to float32. {@code p} and {@code q} carry the parameters of the entries that take
 * them (an exponent, a slope, clip bounds); the others ignore them.
 *
 * <p>Derivatives at kinks follow TensorFlow: {@code relu'(0) = 0}, {@code abs'(0) = 0},
 * {@code clip} passes the gradient on the closed interval.
 */
enum UnaryFunction {
    ABS("abs") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = Math.abs(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] * Math.signum(x[xo + i]);
        }
    },
    SIGN("sign") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = Math.signum(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            // piecewise constant: zero gradient (dx is freshly zeroed)
        }
    },
    EXP("exp", true) {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            Kernels.get().exp(x, xo + from, y, from, to - from);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] * y[i];
        }
    },
    EXPM1("expm1") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Math.expm1(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] * (y[i] + 1f);
        }
    },
    LOG("log", true) {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            Kernels.get().log(x, xo + from, y, from, to - from);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] / x[xo + i];
        }
    },
    LOG1P("log1p") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Math.log1p(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] / (1f + x[xo + i]);
        }
    },
    SQRT("sqrt") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Math.sqrt(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = 0.5f * g[go + i] / y[i];
        }
    },
    RSQRT("rsqrt") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) (1 / Math.sqrt(x[xo + i]));
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            // d/dx x^(-1/2) = -1/2 x^(-3/2) = -1/2 y^3
            for (int i = from; i < to; i++) dx[i] = -0.5f * g[go + i] * y[i] * y[i] * y[i];
        }
    },
    SQUARE("square", true) {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            Kernels.get().mul(x, xo + from, x, xo + from, y, from, to - from);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = 2f * x[xo + i] * g[go + i];
        }
    },
    /** {@code x ** p}. */
    POW("power") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Math.pow(x[xo + i], p);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            if (p == 0f) return; // x^0 is constant (also at x = 0, where p * x^(p-1) would be 0 * inf)
            for (int i = from; i < to; i++) dx[i] = (float) (g[go + i] * p * Math.pow(x[xo + i], p - 1.0));
        }
    },
    ERF("erf") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Erf.erf(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                dx[i] = (float) (g[go + i] * TWO_OVER_SQRT_PI * Math.exp(-v * v));
            }
        }
    },
    /** {@code min(max(x, p), q)}. */
    CLIP("clip") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = Math.min(Math.max(x[xo + i], p), q);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                dx[i] = v >= p && v <= q ? g[go + i] : 0f;
            }
        }
    },
    TANH("tanh") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) Math.tanh(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] * (1f - y[i] * y[i]);
        }
    },
    SIGMOID("sigmoid") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = (float) sigmoid(x[xo + i]);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = g[go + i] * y[i] * (1f - y[i]);
        }
    },
    /** Keras 3: {@code relu6(x + 3) / 6}. */
    HARD_SIGMOID("hard_sigmoid") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = Math.min(Math.max(x[xo + i] + 3f, 0f), 6f) / 6f;
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                dx[i] = v > -3f && v < 3f ? g[go + i] / 6f : 0f;
            }
        }
    },
    RELU("relu", true) {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            Kernels.get().relu(x, xo + from, y, from, to - from);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            Kernels.get().reluBackward(x, xo + from, g, go + from, dx, from, to - from);
        }
    },
    RELU6("relu6") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) y[i] = Math.min(Math.max(x[xo + i], 0f), 6f);
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                dx[i] = v > 0f && v < 6f ? g[go + i] : 0f;
            }
        }
    },
    /** {@code x >= 0 ? x : p * x}. */
    LEAKY_RELU("leaky_relu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                y[i] = v >= 0f ? v : p * v;
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = x[xo + i] > 0f ? g[go + i] : p * g[go + i];
        }
    },
    /** {@code x > 0 ? x : p * (exp(x) - 1)}. */
    ELU("elu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                y[i] = v > 0f ? v : (float) (p * Math.expm1(v));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                dx[i] = v > 0f ? g[go + i] : (float) (g[go + i] * p * Math.exp(v));
            }
        }
    },
    SELU("selu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v)));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                dx[i] = (float) (g[go + i] * SELU_SCALE * (v > 0 ? 1 : SELU_ALPHA * Math.exp(v)));
            }
        }
    },
    /** Keras' default: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    GELU_TANH("gelu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_C * v * v * v))));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                double t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_C * v * v * v));
                double d = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_C * v * v);
                dx[i] = (float) (g[go + i] * d);
            }
        }
    },
    /** The exact form {@code x * Phi(x) = 0.5 x erfc(-x / sqrt(2))}. */
    GELU_ERF("gelu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (v * 0.5 * Erf.erfc(-v * INV_SQRT2));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                double cdf = 0.5 * Erf.erfc(-v * INV_SQRT2);
                double pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
                dx[i] = (float) (g[go + i] * (cdf + v * pdf));
            }
        }
    },
    /** {@code log(1 + exp(x))} as {@code max(x, 0) + log1p(exp(-|x|))}: no overflow for large x. */
    SOFTPLUS("softplus") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = (float) (g[go + i] * sigmoid(x[xo + i]));
        }
    },
    SOFTSIGN("softsign") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                y[i] = v / (1f + Math.abs(v));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float d = 1f + Math.abs(x[xo + i]);
                dx[i] = g[go + i] / (d * d);
            }
        }
    },
    /** {@code x * sigmoid(x)}, also called swish. */
    SILU("silu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (v * sigmoid(v));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                double s = sigmoid(v);
                dx[i] = (float) (g[go + i] * s * (1 + v * (1 - s)));
            }
        }
    },
    /** {@code log(sigmoid(x)) = -softplus(-x)}, stable for large |x|. */
    LOG_SIGMOID("log_sigmoid") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                double v = x[xo + i];
                y[i] = (float) (Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))));
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) dx[i] = (float) (g[go + i] * sigmoid(-x[xo + i]));
        }
    },
    /** Keras' {@code hard_silu}: {@code x * relu6(x + 3) / 6}. */
    HARD_SILU("hard_silu") {
        @Override
        void forward(float[] x, int xo, float[] y, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                y[i] = v * (Math.min(Math.max(v + 3f, 0f), 6f) / 6f);
            }
        }

        @Override
        void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q) {
            for (int i = from; i < to; i++) {
                float v = x[xo + i];
                float d = v <= -3f ? 0f : v >= 3f ? 1f : (2f * v + 3f) / 6f;
                dx[i] = g[go + i] * d;
            }
        }
    };

    static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    static final double INV_SQRT2 = 1 / Math.sqrt(2);
    static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    static final double GELU_C = 0.044715;
    /** SELU constants (Klambauer et al. 2017), as in Keras. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private final String opName;
    /** True when the forward loop is a kernel call that splits large ranges over threads itself. */
    final boolean selfParallel;

    UnaryFunction(String opName) {
        this(opName, false);
    }

    UnaryFunction(String opName, boolean selfParallel) {
        this.opName = opName;
        this.selfParallel = selfParallel;
    }

    /** The Keras name of the op, used in error messages and on the tape. */
    String opName() {
        return opName;
    }

    /** {@code y[i] = f(x[xo + i])} for {@code i} in {@code [from, to)}. */
    abstract void forward(float[] x, int xo, float[] y, int from, int to, float p, float q);

    /** {@code dx[i] = g[go + i] * f'(x[xo + i])} for {@code i} in {@code [from, to)}; {@code y} is the forward output. */
    abstract void backward(float[] x, int xo, float[] y, float[] g, int go, float[] dx, int from, int to, float p, float q);

    /** {@code 1 / (1 + exp(-x))} without overflow for either sign of {@code x}. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
