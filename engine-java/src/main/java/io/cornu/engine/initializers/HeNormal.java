package io.cornu.engine.initializers;

import java.util.Map;

/**
 * A normal truncated at two standard deviations, with standard deviation {@code sqrt(2 / fanIn)} after
 * truncation, as Keras' {@code HeNormal}; suits ReLU layers.
 * {@link VarianceScaling} with {@code scale=2.0, mode="fan_in", distribution="truncated_normal"}; fans as
 * {@link VarianceScaling#computeFans} (He et al., 2015).
 *
 * <pre>{@code new HeNormal(1L)   // seeded: the same values on every call}</pre>
 */
public final class HeNormal extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public HeNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super("HeNormal", 2.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
    }

    public HeNormal(Long seed) {
        this(seed, null, null);
    }

    public HeNormal() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static HeNormal fromConfig(Map<String, Object> c) {
        return presetFromConfig("HeNormal", c, HeNormal::new);
    }
}
