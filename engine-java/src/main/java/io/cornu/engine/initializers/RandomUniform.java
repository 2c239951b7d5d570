package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Uniform in {@code [minval, maxval)}, as Keras' {@code RandomUniform} (default {@code [-0.05, 0.05)},
 * the {@code "uniform"} initializer of Keras' {@code Embedding}).
 */
public final class RandomUniform implements Initializer {
    private final float minval;
    private final float maxval;

    public RandomUniform(float minval, float maxval) {
        if (!(maxval > minval)) {
            throw new IllegalArgumentException("RandomUniform: expected minval < maxval. Received: minval=" + minval + ", maxval=" + maxval);
        }
        this.minval = minval;
        this.maxval = maxval;
    }

    public RandomUniform() {
        this(-0.05f, 0.05f);
    }

    public float minval() {
        return minval;
    }

    public float maxval() {
        return maxval;
    }

    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        double span = (double) maxval - minval;
        for (int i = 0; i < d.length; i++) d[i] = (float) (minval + random.nextDouble() * span);
        return t;
    }

    @Override
    public String name() {
        return "RandomUniform";
    }
}
