package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the norm of the weights incident to each unit at most {@code maxValue}, as Keras'
 * {@code keras.constraints.MaxNorm}: with {@code norms = sqrt(sum(w^2, axis, keepdims=True))},
 * {@code w * clip(norms, 0, maxValue) / (1e-7 + norms)}.
 *
 * <p>For a Dense kernel {@code (input_dim, units)}, {@code axis=0} constrains each unit's vector of
 * {@code input_dim} weights; for a Conv2D kernel {@code (rows, cols, in, filters)}, {@code axis={0, 1, 2}}
 * each filter.
 *
 * <pre>{@code new Dense(64).kernelConstraint(new MaxNorm(3, 0))}</pre>
 */
public final class MaxNorm implements Constraint {
    private final double maxValue;
    private final int[] axis;

    /**
     * @param maxValue the largest norm allowed, {@code >= 0}
     * @param axis     the axes the norms are taken over
     */
    public MaxNorm(double maxValue, int... axis) {
        if (!(maxValue >= 0) || Double.isInfinite(maxValue)) {
            throw new IllegalArgumentException("Invalid value for argument `max_value`: expected a non-negative float. Received: max_value=" + maxValue);
        }
        this.maxValue = maxValue;
        this.axis = AxisNorms.check(axis, "MaxNorm");
    }

    /** Keras' defaults: {@code max_value=2, axis=0}. */
    public MaxNorm() {
        this(2, 0);
    }

    public double maxValue() {
        return maxValue;
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor apply(Tensor w) {
        Tensor norms = AxisNorms.norms(w, axis, "MaxNorm");
        Tensor desired = Ops.clip(norms, 0f, (float) maxValue);
        return Ops.mul(w, Ops.div(desired, Ops.add(norms, AxisNorms.EPSILON)));
    }

    /** The inverse of {@link #getConfig()}. */
    public static MaxNorm fromConfig(Map<String, Object> c) {
        return new MaxNorm(AxisNorms.number(c, "max_value", 2), AxisNorms.axis(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("max_value", maxValue);
        c.put("axis", AxisNorms.text(axis));
        return c;
    }

    @Override
    public String toString() {
        return "MaxNorm(max_value=" + maxValue + ", axis=" + AxisNorms.text(axis) + ")";
    }
}
