package io.cornu.engine.initializers;

import java.util.Map;

/**
 * A normal truncated at two standard deviations, with standard deviation {@code sqrt(1 / fanIn)} after
 * truncation, as Keras' {@code LecunNormal}; suits SELU layers.
 * {@link VarianceScaling} with {@code scale=1.0, mode="fan_in", distribution="truncated_normal"}; fans as
 * {@link VarianceScaling#computeFans} (Klambauer et al., 2017).
 *
 * <pre>{@code new LecunNormal(1L)   // seeded: the same values on every call}</pre>
 */
public final class LecunNormal extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public LecunNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super("LecunNormal", 1.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
    }

    public LecunNormal(Long seed) {
        this(seed, null, null);
    }

    public LecunNormal() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static LecunNormal fromConfig(Map<String, Object> c) {
        return presetFromConfig("LecunNormal", c, LecunNormal::new);
    }
}
