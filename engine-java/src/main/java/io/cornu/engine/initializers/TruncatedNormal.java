package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Normal samples with the given mean and standard deviation, redrawn until within two standard
 * deviations of the mean, as Keras' {@code TruncatedNormal} (default {@code mean=0.0, stddev=0.05}).
 * {@code stddev} is that of the normal before truncation: the values' own standard deviation is
 * {@code 0.87962566103423978 * stddev}.
 *
 * <pre>{@code new Dense(64, Activation.RELU, true, new TruncatedNormal(0.0, 0.01, 3L), null, null)}</pre>
 */
public final class TruncatedNormal extends RandomInitializer {
    private final double mean;
    private final double stddev;

    /**
     * @param mean   the mean of the values
     * @param stddev the standard deviation of the normal before truncation, at least 0
     * @param seed   the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        super(seed);
        if (!(stddev >= 0) || !Double.isFinite(stddev) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("TruncatedNormal: expected a finite mean and a finite stddev >= 0. Received: mean="
                    + mean + ", stddev=" + stddev);
        }
        this.mean = mean;
        this.stddev = stddev;
    }

    public TruncatedNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    public TruncatedNormal() {
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
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + stddev * truncatedGaussian(random));
        return t;
    }

    @Override
    public String name() {
        return "TruncatedNormal";
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
    public static TruncatedNormal fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("TruncatedNormal", c, "mean", "stddev", "seed");
        return new TruncatedNormal(Initializers.getDouble("TruncatedNormal", c, "mean", 0.0),
                Initializers.getDouble("TruncatedNormal", c, "stddev", 0.05), Initializers.getSeed("TruncatedNormal", c));
    }
}
