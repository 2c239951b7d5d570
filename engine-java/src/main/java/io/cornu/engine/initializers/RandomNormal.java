package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Normal samples with the given mean and standard deviation, as Keras' {@code RandomNormal}
 * (default {@code mean=0.0, stddev=0.05}).
 *
 * <pre>{@code new Dense(64, Activation.RELU, true, new RandomNormal(0.0, 0.01, 3L), null, null)}</pre>
 */
public final class RandomNormal extends RandomInitializer {
    private final double mean;
    private final double stddev;

    /**
     * @param mean   the mean of the values
     * @param stddev their standard deviation, at least 0
     * @param seed   the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     */
    public RandomNormal(double mean, double stddev, Long seed) {
        super(seed);
        if (!(stddev >= 0) || !Double.isFinite(stddev) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("RandomNormal: expected a finite mean and a finite stddev >= 0. Received: mean="
                    + mean + ", stddev=" + stddev);
        }
        this.mean = mean;
        this.stddev = stddev;
    }

    public RandomNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    public RandomNormal() {
        this(0.0, 0.05, null);
    }

    public double mean() {
        return mean;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    protected Tensor sample(int[] shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + stddev * Tensor.gaussian(random));
        return t;
    }

    @Override
    public String name() {
        return "RandomNormal";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mean", mean);
        c.put("stddev", stddev);
        c.put("seed", seed());
        return c;
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static RandomNormal fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("RandomNormal", c, "mean", "stddev", "seed");
        return new RandomNormal(Initializers.getDouble("RandomNormal", c, "mean", 0.0),
                Initializers.getDouble("RandomNormal", c, "stddev", 0.05), Initializers.getSeed("RandomNormal", c));
    }
}
