package io.cornu.engine.optimizers.schedules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piecewise constant rate, Keras' {@code PiecewiseConstantDecay}: {@code values[0]} while
 * {@code step <= boundaries[0]}, {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]},
 * and {@code values[n]} after the last boundary.
 *
 * <pre>{@code
 * // 1.0 for the first 100001 steps, 0.5 for the next 10000, then 0.1
 * new PiecewiseConstantDecay(new long[] {100_000, 110_000}, new float[] {1.0f, 0.5f, 0.1f})
 * }</pre>
 */
public final class PiecewiseConstantDecay implements LearningRateSchedule {
    private final long[] boundaries;
    private final float[] values;

    /**
     * @param boundaries strictly increasing steps
     * @param values     one more value than boundaries
     */
    public PiecewiseConstantDecay(long[] boundaries, float[] values) {
        if (boundaries.length != values.length - 1) {
            throw new IllegalArgumentException("The length of boundaries should be 1 less than the length of values. Received: boundaries="
                    + Arrays.toString(boundaries) + " of length " + boundaries.length + ", and values=" + Arrays.toString(values)
                    + " of length " + values.length + ".");
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("Argument `boundaries` must be strictly increasing. Received: boundaries="
                        + Arrays.toString(boundaries));
            }
        }
        this.boundaries = boundaries.clone();
        this.values = values.clone();
    }

    @Override
    public float learningRate(long step) {
        int i = 0;
        while (i < boundaries.length && step > boundaries[i]) i++;
        return values[i];
    }

    @Override
    public Map<String, Object> getConfig() {
        List<Long> b = new ArrayList<>();
        for (long x : boundaries) b.add(x);
        List<Float> v = new ArrayList<>();
        for (float x : values) v.add(x);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("boundaries", b);
        c.put("values", v);
        c.put("name", "PiecewiseConstant");
        return c;
    }
}
