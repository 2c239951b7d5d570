package io.cornu.engine.regularizers;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both penalties, {@code l1 * sum(|x|) + l2 * sum(x^2)}, as Keras' {@code keras.regularizers.L1L2}.
 * A zero factor leaves its term out. The constructor's factors default to 0 as in Keras 3; the
 * name {@code "l1_l2"} gives {@code l1=0.01, l2=0.01}, as Keras documents it.
 */
public final class L1L2 implements Regularizer {
    private final double l1;
    private final double l2;

    /**
     * @param l1 the L1 factor, a non-negative number
     * @param l2 the L2 factor, a non-negative number
     */
    public L1L2(double l1, double l2) {
        this.l1 = Regularizer.validateFactor(l1, "l1");
        this.l2 = Regularizer.validateFactor(l2, "l2");
    }

    /** Keras 3's defaults: no penalty at all. */
    public L1L2() {
        this(0, 0);
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
    }

    @Override
    public Tensor apply(Tensor x) {
        Tensor penalty = Tensor.scalar(0f);
        if (l1 != 0) penalty = Ops.add(penalty, Ops.mul(Ops.sum(Ops.abs(x)), (float) l1));
        if (l2 != 0) penalty = Ops.add(penalty, Ops.mul(Ops.sum(Ops.square(x)), (float) l2));
        return penalty;
    }

    /** The inverse of {@link #getConfig()}. */
    public static L1L2 fromConfig(Map<String, Object> c) {
        return new L1L2(Regularizers.factor(c, "l1", 0), Regularizers.factor(c, "l2", 0));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l1", l1);
        c.put("l2", l2);
        return c;
    }

    @Override
    public String toString() {
        return "L1L2(l1=" + l1 + ", l2=" + l2 + ")";
    }
}
