package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;

/**
 * The activations the fused recurrent kernels compute themselves, each with a derivative that
 * depends only on the activation's output (so the kernels keep outputs, not pre-activations).
 * Other activations run on the step-by-step ops path.
 */
enum FusedActivation {
    LINEAR, TANH, SIGMOID, HARD_SIGMOID, RELU;

    /** Vector API when the incubator module is present and the kernels are not forced to scalar. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty("cornu.kernels"));

    /** The fused form of {@code a}, by its Keras name; null when it has none. */
    static FusedActivation of(Activation a) {
        if (a == null) return LINEAR;
        return switch (a.name()) {
            case "linear" -> LINEAR;
            case "tanh" -> TANH;
            case "sigmoid" -> SIGMOID;
            case "hard_sigmoid" -> HARD_SIGMOID;
            case "relu" -> RELU;
            default -> null;
        };
    }

    /** {@code a[off .. off+n) = f(a[off .. off+n))}. */
    void apply(float[] a, int off, int n) {
        switch (this) {
            case LINEAR -> {
            }
            case TANH -> {
                if (VECTOR) VectorMath.tanh(a, off, n);
                else for (int i = off; i < off + n; i++) a[i] = (float) Math.tanh(a[i]);
            }
            case SIGMOID -> {
                if (VECTOR) VectorMath.sigmoid(a, off, n);
                else for (int i = off; i < off + n; i++) a[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
            }
            case HARD_SIGMOID -> {
                for (int i = off; i < off + n; i++) a[i] = Math.min(Math.max((a[i] + 3f) / 6f, 0f), 1f);
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) a[i] = Math.max(a[i], 0f);
            }
        }
    }

    /** {@code f(v)} for one value. */
    float value(float v) {
        return switch (this) {
            case LINEAR -> v;
            case TANH -> (float) Math.tanh(v);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
            case HARD_SIGMOID -> Math.min(Math.max((v + 3f) / 6f, 0f), 1f);
            case RELU -> Math.max(v, 0f);
        };
    }

    /** {@code f'(x)} written in terms of {@code y = f(x)}. */
    float derivative(float y) {
        return switch (this) {
            case LINEAR -> 1f;
            case TANH -> 1f - y * y;
            case SIGMOID -> y * (1f - y);
            case HARD_SIGMOID -> y > 0f && y < 1f ? 1f / 6f : 0f;
            case RELU -> y > 0f ? 1f : 0f;
        };
    }

    /** {@code out[i] = g[i] * f'(x)} where {@code y[i] = f(x)}, for {@code n} elements. */
    void backward(float[] g, int go, float[] y, int yo, float[] out, int oo, int n) {
        switch (this) {
            case LINEAR -> System.arraycopy(g, go, out, oo, n);
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float v = y[yo + i];
                    out[oo + i] = g[go + i] * (1f - v * v);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float v = y[yo + i];
                    out[oo + i] = g[go + i] * (v * (1f - v));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) out[oo + i] = g[go + i] * derivative(y[yo + i]);
            }
        }
    }
}
