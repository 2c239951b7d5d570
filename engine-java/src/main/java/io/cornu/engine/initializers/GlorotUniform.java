package io.cornu.engine.initializers;

import java.util.Map;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fanIn + fanOut))}, as Keras'
 * {@code GlorotUniform} (Xavier uniform); Keras' default kernel initializer.
 * {@link VarianceScaling} with {@code scale=1.0, mode="fan_avg", distribution="uniform"}; fans as
 * {@link VarianceScaling#computeFans} (Glorot et al., 2010).
 *
 * <pre>{@code new GlorotUniform(1L)   // seeded: the same values on every call}</pre>
 */
public final class GlorotUniform extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public GlorotUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super("GlorotUniform", 1.0, "fan_avg", "uniform", seed, inputAxes, outputAxes);
    }

    public GlorotUniform(Long seed) {
        this(seed, null, null);
    }

    public GlorotUniform() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlorotUniform fromConfig(Map<String, Object> c) {
        return presetFromConfig("GlorotUniform", c, GlorotUniform::new);
    }
}
