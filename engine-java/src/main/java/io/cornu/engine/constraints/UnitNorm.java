package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scales the weights incident to each unit to unit norm, as Keras' {@code keras.constraints.UnitNorm}:
 * {@code w / (1e-7 + sqrt(sum(w^2, axis, keepdims=True)))}.
 */
public final class UnitNorm implements Constraint {
    private final int[] axis;

    /** @param axis the axes the norms are taken over */
    public UnitNorm(int... axis) {
        this.axis = AxisNorms.check(axis, "UnitNorm");
    }

    /** Keras' default, {@code axis=0}. */
    public UnitNorm() {
        this(0);
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor apply(Tensor w) {
        return Ops.div(w, Ops.add(AxisNorms.norms(w, axis, "UnitNorm"), AxisNorms.EPSILON));
    }

    /** The inverse of {@link #getConfig()}. */
    public static UnitNorm fromConfig(Map<String, Object> c) {
        return new UnitNorm(AxisNorms.axis(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("axis", AxisNorms.text(axis));
        return c;
    }

    @Override
    public String toString() {
        return "UnitNorm(axis=" + AxisNorms.text(axis) + ")";
    }
}
