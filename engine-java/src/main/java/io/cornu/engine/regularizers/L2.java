package io.cornu.engine.regularizers;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The L2 penalty {@code l2 * sum(x^2)} (no factor 1/2), as Keras' {@code keras.regularizers.L2}. By
 * name ({@code "l2"}) it has Keras' default {@code l2=0.01}.
 *
 * <pre>{@code new Dense(16, "relu").kernelRegularizer(new L2(0.002))}</pre>
 */
public final class L2 implements Regularizer {
    private final double l2;

    /** @param l2 the factor, a non-negative number */
    public L2(double l2) {
        this.l2 = Regularizer.validateFactor(l2, "l2");
    }

    /** Keras' default, {@code l2=0.01}. */
    public L2() {
        this(0.01);
    }

    public double l2() {
        return l2;
    }

    @Override
    public Tensor apply(Tensor x) {
        return Ops.mul(Ops.sum(Ops.square(x)), (float) l2);
    }

    /** The inverse of {@link #getConfig()}. */
    public static L2 fromConfig(Map<String, Object> c) {
        return new L2(Regularizers.factor(c, "l2", 0.01));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l2", l2);
        return c;
    }

    @Override
    public String toString() {
        return "L2(l2=" + l2 + ")";
    }
}
