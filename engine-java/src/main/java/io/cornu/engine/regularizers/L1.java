package io.cornu.engine.regularizers;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The L1 penalty {@code l1 * sum(|x|)}, as Keras' {@code keras.regularizers.L1}. By name
 * ({@code "l1"}) it has Keras' default {@code l1=0.01}.
 *
 * <pre>{@code new Dense(3).kernelRegularizer(new L1(0.001))}</pre>
 */
public final class L1 implements Regularizer {
    private final double l1;

    /** @param l1 the factor, a non-negative number */
    public L1(double l1) {
        this.l1 = Regularizer.validateFactor(l1, "l1");
    }

    /** Keras' default, {@code l1=0.01}. */
    public L1() {
        this(0.01);
    }

    public double l1() {
        return l1;
    }

    @Override
    public Tensor apply(Tensor x) {
        return Ops.mul(Ops.sum(Ops.abs(x)), (float) l1);
    }

    /** The inverse of {@link #getConfig()}. */
    public static L1 fromConfig(Map<String, Object> c) {
        return new L1(Regularizers.factor(c, "l1", 0.01));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l1", l1);
        return c;
    }

    @Override
    public String toString() {
        return "L1(l1=" + l1 + ")";
    }
}
