package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sets inputs to 0 with probability {@code rate} during training and scales the others by
 * {@code 1 / (1 - rate)}, so that the sum is unchanged on average, as Keras' {@code Dropout}.
 * In inference ({@code training=false}) the input passes unchanged.
 *
 * <p>{@code noiseShape} (null for the input's shape; -1 for a dimension taken from the input, Keras'
 * {@code None}) shares one draw along its size-1 axes: {@code (batch, 1, features)} drops the same
 * features at every timestep. A {@code seed} makes the sequence of masks reproducible; without
 * one, masks come from {@link RandomSeed}.
 *
 * <p>Input shape: any. Output shape: the input's.
 *
 * <pre>{@code new Dropout(0.5f)}</pre>
 */
public class Dropout extends Layer {
    protected final float rate;
    private final int[] noiseShape;
    private final Long seed;
    private final SplittableRandom seedGenerator;

    /**
     * @param rate       the fraction of the inputs to drop, in {@code [0, 1]}
     * @param noiseShape the shape of the binary mask (-1 for an input dimension), or null
     * @param seed       the seed of the masks, or null
     * @param name       the layer's name, or null
     */
    public Dropout(float rate, int[] noiseShape, Long seed, String name) {
        super(name);
        if (!(rate >= 0f && rate <= 1f)) {
            throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=" + rate);
        }
        if (noiseShape != null) {
            for (int i = 0; i < noiseShape.length; i++) {
                if (noiseShape[i] == 0 || noiseShape[i] < -1) {
                    throw new IllegalArgumentException("Invalid value received for argument `noise_shape`. Expected all dimensions to be positive integers "
                            + "or None. Received negative or zero value at index " + i + ": " + noiseShape[i]);
                }
            }
        }
        this.rate = rate;
        this.noiseShape = noiseShape == null ? null : noiseShape.clone();
        this.seed = seed;
        this.seedGenerator = seed == null ? null : new SplittableRandom(seed);
    }

    public Dropout(float rate) {
        this(rate, null, null, null);
    }

    public float rate() {
        return rate;
    }

    /** The mask shape given (-1 for input dimensions), or null. */
    public int[] noiseShape() {
        return noiseShape == null ? null : noiseShape.clone();
    }

    public Long seed() {
        return seed;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0f) return inputs;
        if (rate == 1f) return Ops.mul(inputs, 0f);
        return Ops.dropout(inputs, rate, noiseShape(inputs), nextGenerator());
    }

    /** The mask shape for these inputs: {@code noiseShape} with -1 replaced by the input's dimensions, or null. */
    protected int[] noiseShape(Tensor inputs) {
        if (noiseShape == null) return null;
        int[] dims = inputs.dims();
        if (noiseShape.length != dims.length) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": noise_shape " + ArgumentValidation.pythonTuple(noiseShape)
                    + " must have the rank of the inputs. Received: inputs.shape=" + inputs.shape());
        }
        int[] out = noiseShape.clone();
        for (int i = 0; i < out.length; i++) if (out[i] < 0) out[i] = dims[i];
        return out;
    }

    /** A generator for the next mask: from the layer's seed when it has one (Keras' {@code SeedGenerator}), else global. */
    protected SplittableRandom nextGenerator() {
        if (seedGenerator == null) return RandomSeed.next();
        synchronized (seedGenerator) {
            return seedGenerator.split();
        }
    }

    /** Dropout keeps whole timesteps or drops values inside them, so a sequence's mask still applies. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /** The inverse of {@link #getConfig()}. */
    public static Dropout fromConfig(Map<String, Object> c) {
        return new Dropout(ConfigValues.getFloat(c, "rate", 0f), ConfigValues.getInts(c, "noise_shape"),
                ConfigValues.getLongOrNull(c, "seed"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rate", rate);
        c.put("seed", seed);
        c.put("noise_shape", ConfigValues.noneList(noiseShape));
        return c;
    }
}
