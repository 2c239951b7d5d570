package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the norm of the weights incident to each unit between {@code minValue} and {@code maxValue},
 * as Keras' {@code keras.constraints.MinMaxNorm}: with {@code norms = sqrt(sum(w^2, axis, keepdims=True))}
 * and {@code desired = rate * clip(norms, minValue, maxValue) + (1 - rate) * norms},
 * {@code w * desired / (1e-7 + norms)}. {@code rate = 1} enforces the bounds at once; a smaller rate
 * moves the norms toward them a step at a time.
 */
public final class MinMaxNorm implements Constraint {
    private final double minValue;
    private final double maxValue;
    private final double rate;
    private final int[] axis;

    /**
     * @param minValue the smallest norm, {@code >= 0}
     * @param maxValue the largest norm, {@code >= minValue}
     * @param rate     how far each application moves the norms into the bounds, in {@code [0, 1]}
     * @param axis     the axes the norms are taken over
     */
    public MinMaxNorm(double minValue, double maxValue, double rate, int... axis) {
        if (!(minValue >= 0) || Double.isInfinite(minValue)) {
            throw new IllegalArgumentException("Invalid value for argument `min_value`: expected a non-negative float. Received: min_value=" + minValue);
        }
        if (!(maxValue >= minValue) || Double.isInfinite(maxValue)) {
            throw new IllegalArgumentException("Invalid value for argument `max_value`: expected a float >= min_value (" + minValue
                    + "). Received: max_value=" + maxValue);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Invalid value for argument `rate`: expected a float in [0, 1]. Received: rate=" + rate);
        }
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.rate = rate;
        this.axis = AxisNorms.check(axis, "MinMaxNorm");
    }

    /** Keras' defaults: {@code min_value=0, max_value=1, rate=1, axis=0}. */
    public MinMaxNorm() {
        this(0, 1, 1, 0);
    }

    public double minValue() {
        return minValue;
    }

    public double maxValue() {
        return maxValue;
    }

    public double rate() {
        return rate;
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor apply(Tensor w) {
        Tensor norms = AxisNorms.norms(w, axis, "MinMaxNorm");
        Tensor desired = Ops.add(Ops.mul(Ops.clip(norms, (float) minValue, (float) maxValue), (float) rate),
                Ops.mul(norms, (float) (1 - rate)));
        return Ops.mul(w, Ops.div(desired, Ops.add(norms, AxisNorms.EPSILON)));
    }

    /** The inverse of {@link #getConfig()}. */
    public static MinMaxNorm fromConfig(Map<String, Object> c) {
        return new MinMaxNorm(AxisNorms.number(c, "min_value", 0), AxisNorms.number(c, "max_value", 1), AxisNorms.number(c, "rate", 1),
                AxisNorms.axis(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("min_value", minValue);
        c.put("max_value", maxValue);
        c.put("rate", rate);
        c.put("axis", AxisNorms.text(axis));
        return c;
    }

    @Override
    public String toString() {
        return "MinMaxNorm(min_value=" + minValue + ", max_value=" + maxValue + ", rate=" + rate + ", axis=" + AxisNorms.text(axis) + ")";
    }
}
