package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.SplittableRandom;

/**
 * Random masks: inverted dropout, as Keras' {@code keras.random.dropout}. Reached through {@link Ops}.
 *
 * <p>Each element is kept with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)},
 * zeroed otherwise, so the expected value is unchanged and inference needs no rescaling. The
 * gradient flows through the same mask. Masks come from a {@link SplittableRandom}: an explicit
 * seed gives the same mask on every call; without one, a generator is drawn from
 * {@link RandomSeed}, so {@code RandomSeed.set(seed)} makes a whole training run reproducible.
 */
final class RandomOps {
    private RandomOps() {
    }

    static Tensor dropout(Tensor x, float rate, long seed) {
        return dropout(x, rate, null, new SplittableRandom(seed));
    }

    static Tensor dropout(Tensor x, float rate) {
        return dropout(x, rate, null, RandomSeed.next());
    }

    /**
     * Dropout with masks drawn from {@code generator}; {@code noiseShape} (null: the shape of
     * {@code x}) must broadcast to {@code x}'s shape, and one mask value is shared along its size-1
     * axes (e.g. {@code (batch, 1, features)} drops whole features for every timestep).
     */
    static Tensor dropout(Tensor x, float rate, int[] noiseShape, SplittableRandom generator) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout: expected 0 <= rate < 1. Received: rate=" + rate);
        }
        if (x.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("dropout: expected a float32 tensor. Received: dtype " + x.dtype() + " and shape " + x.shape());
        }
        if (generator == null) throw new IllegalArgumentException("dropout: generator must not be null");
        int[] maskDims = noiseShape == null ? x.dims() : noiseShape.clone();
        Tensor mask = Tensor.zeros(maskDims);
        float[] md = mask.buffer();
        fillMask(md, rate, generator);
        if (noiseShape != null) {
            // broadcast multiply (differentiable for x, the mask is a constant)
            Tensor out;
            try {
                out = Arithmetic.mul(x, mask);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dropout: noise_shape " + mask.shape() + " does not broadcast to the input shape " + x.shape());
            }
            if (!java.util.Arrays.equals(out.dims(), x.dims())) {
                throw new IllegalArgumentException("dropout: noise_shape " + mask.shape() + " does not broadcast to the input shape " + x.shape());
            }
            return out;
        }
        Tensor src = x.contiguous();
        Tensor out = Tensor.zeros(x.dims());
        Kernels k = Kernels.get();
        k.mul(src.buffer(), src.offset(), md, 0, out.buffer(), 0, md.length);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "dropout", new Tensor[] {x}, (g, needed) -> {
                Tensor gc = g.contiguous();
                Tensor dx = Tensor.zeros(x.dims());
                k.mul(gc.buffer(), gc.offset(), md, 0, dx.buffer(), 0, md.length);
                return new Tensor[] {dx};
            });
        }
        return out;
    }

    /**
     * {@code 1 / (1 - rate)} with probability {@code 1 - rate}, else 0, for each element: two
     * 32-bit uniform draws per {@code nextLong}, compared with a threshold without branching (a
     * branch on a random bit mispredicts half the time).
     */
    static void fillMask(float[] mask, float rate, SplittableRandom generator) {
        float scale = 1f / (1f - rate);
        long threshold = (long) Math.ceil(rate * 0x1p32); // keep when the 32-bit draw u satisfies u >= threshold
        int n = mask.length, i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = generator.nextLong();
            long lo = bits & 0xFFFFFFFFL, hi = bits >>> 32;
            mask[i] = scale * (float) (1 - ((lo - threshold) >>> 63));
            mask[i + 1] = scale * (float) (1 - ((hi - threshold) >>> 63));
        }
        if (i < n) mask[i] = scale * (float) (1 - (((generator.nextLong() >>> 32) - threshold) >>> 63));
    }
}
