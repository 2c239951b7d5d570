package io.cornu.engine.initializers;

import java.util.Map;

/**
 * A normal truncated at two standard deviations, with standard deviation {@code sqrt(2 / (fanIn + fanOut))}
 * after truncation, as Keras' {@code GlorotNormal} (Xavier normal).
 * {@link VarianceScaling} with {@code scale=1.0, mode="fan_avg", distribution="truncated_normal"}; fans as
 * {@link VarianceScaling#computeFans} (Glorot et al., 2010).
 *
 * <pre>{@code new GlorotNormal(1L)   // seeded: the same values on every call}</pre>
 */
public final class GlorotNormal extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public GlorotNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super("GlorotNormal", 1.0, "fan_avg", "truncated_normal", seed, inputAxes, outputAxes);
    }

    public GlorotNormal(Long seed) {
        this(seed, null, null);
    }

    public GlorotNormal() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static GlorotNormal fromConfig(Map<String, Object> c) {
        return presetFromConfig("GlorotNormal", c, GlorotNormal::new);
    }
}
