package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Uniform in {@code [minval, maxval)}, as Keras' {@code RandomUniform} (default {@code [-0.05, 0.05)},
 * the {@code "uniform"} initializer of Keras' {@code Embedding}).
 *
 * <pre>{@code new RandomUniform(-0.1, 0.1, 7L)}</pre>
 */
public final class RandomUniform extends RandomInitializer {
    private final double minval;
    private final double maxval;

    /**
     * @param minval the lower bound (inclusive)
     * @param maxval the upper bound (exclusive), above {@code minval}
     * @param seed   the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     */
    public RandomUniform(double minval, double maxval, Long seed) {
        super(seed);
        if (!(maxval > minval) || !Double.isFinite(minval) || !Double.isFinite(maxval)) {
            throw new IllegalArgumentException("RandomUniform: expected finite bounds with minval < maxval. Received: minval=" + minval
                    + ", maxval=" + maxval);
        }
        this.minval = minval;
        this.maxval = maxval;
    }

    public RandomUniform(double minval, double maxval) {
        this(minval, maxval, null);
    }

    public RandomUniform() {
        this(-0.05, 0.05, null);
    }

    public double minval() {
        return minval;
    }

    public double maxval() {
        return maxval;
    }

    @Override
    protected Tensor sample(int[] shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        double span = maxval - minval;
        float below = Math.nextDown((float) maxval);
        for (int i = 0; i < d.length; i++) {
            float v = (float) (minval + random.nextDouble() * span);
            d[i] = v < maxval ? v : below; // rounding to float32 must not reach the excluded bound
        }
        return t;
    }

    @Override
    public String name() {
        return "RandomUniform";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("minval", minval);
        c.put("maxval", maxval);
        c.put("seed", seed());
        return c;
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static RandomUniform fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("RandomUniform", c, "minval", "maxval", "seed");
        return new RandomUniform(Initializers.getDouble("RandomUniform", c, "minval", -0.05),
                Initializers.getDouble("RandomUniform", c, "maxval", 0.05), Initializers.getSeed("RandomUniform", c));
    }
}
