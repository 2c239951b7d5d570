package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fanIn + fanOut))}; Keras' default
 * kernel initializer. Fans as Keras computes them: for a kernel {@code (..., in, out)} the leading
 * (receptive field) dimensions multiply both.
 */
public final class GlorotUniform implements Initializer {
    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        long[] fans = fans(shape);
        double limit = Math.sqrt(6.0 / Math.max(1.0, fans[0] + fans[1]));
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) d[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        return t;
    }

    /** {@code {fanIn, fanOut}} of a weight shape, as Keras' {@code compute_fans}. */
    static long[] fans(int[] shape) {
        if (shape.length == 0) return new long[] {1, 1};
        if (shape.length == 1) return new long[] {shape[0], shape[0]};
        if (shape.length == 2) return new long[] {shape[0], shape[1]};
        long receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) receptive *= shape[i];
        return new long[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }

    @Override
    public String name() {
        return "GlorotUniform";
    }
}
