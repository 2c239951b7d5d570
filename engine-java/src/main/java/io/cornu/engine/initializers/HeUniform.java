package io.cornu.engine.initializers;

import java.util.Map;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / fanIn)}, as Keras' {@code HeUniform}.
 * {@link VarianceScaling} with {@code scale=2.0, mode="fan_in", distribution="uniform"}; fans as
 * {@link VarianceScaling#computeFans} (He et al., 2015).
 *
 * <pre>{@code new HeUniform(1L)   // seeded: the same values on every call}</pre>
 */
public final class HeUniform extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public HeUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super("HeUniform", 2.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
    }

    public HeUniform(Long seed) {
        this(seed, null, null);
    }

    public HeUniform() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static HeUniform fromConfig(Map<String, Object> c) {
        return presetFromConfig("HeUniform", c, HeUniform::new);
    }
}
