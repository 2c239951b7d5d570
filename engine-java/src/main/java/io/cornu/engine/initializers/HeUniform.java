package io.cornu.engine.initializers;

import java.util.LinkedHashMap;
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
        super(2.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
    }

    public HeUniform(Long seed) {
        this(seed, null, null);
    }

    public HeUniform() {
        this(null, null, null);
    }

    @Override
    public String name() {
        return "HeUniform";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", seed());
        putAxes(c);
        return c;
    }

    /** The inverse of {@link #getConfig()}. */
    public static HeUniform fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("HeUniform", c, "seed", "input_axes", "output_axes");
        return new HeUniform(Initializers.getSeed("HeUniform", c), Initializers.getInts("HeUniform", c, "input_axes"),
                Initializers.getInts("HeUniform", c, "output_axes"));
    }
}
