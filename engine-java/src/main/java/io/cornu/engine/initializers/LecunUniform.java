package io.cornu.engine.initializers;

import java.util.Map;

/**
 * Uniform in {@code [-limit, limit]} with {@code limit = sqrt(3 / fanIn)}, as Keras' {@code LecunUniform}.
 * {@link VarianceScaling} with {@code scale=1.0, mode="fan_in", distribution="uniform"}; fans as
 * {@link VarianceScaling#computeFans} (Klambauer et al., 2017).
 *
 * <pre>{@code new LecunUniform(1L)   // seeded: the same values on every call}</pre>
 */
public final class LecunUniform extends VarianceScaling {
    /**
     * @param seed       the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes  with {@code outputAxes}, the axes whose product is the fan-in; null for {@link #computeFans}
     * @param outputAxes the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public LecunUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super("LecunUniform", 1.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
    }

    public LecunUniform(Long seed) {
        this(seed, null, null);
    }

    public LecunUniform() {
        this(null, null, null);
    }

    /** The inverse of {@link #getConfig()}. */
    public static LecunUniform fromConfig(Map<String, Object> c) {
        return presetFromConfig("LecunUniform", c, LecunUniform::new);
    }
}
