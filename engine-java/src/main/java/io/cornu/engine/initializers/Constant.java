package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every value equal to {@code value}, as Keras' {@code Constant} (default 0.0; scalars only).
 *
 * <pre>{@code new Constant(0.1)   // a bias starting at 0.1}</pre>
 */
public final class Constant implements Initializer {
    private final double value;

    /** @param value the value of every element */
    public Constant(double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("Constant: expected a finite value. Received: value=" + value);
        this.value = value;
    }

    public Constant() {
        this(0.0);
    }

    public double value() {
        return value;
    }

    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        Arrays.fill(t.buffer(), (float) value);
        return t;
    }

    @Override
    public String name() {
        return "Constant";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("value", value);
        return c;
    }

    @Override
    public String toString() {
        return name() + getConfig();
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static Constant fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("Constant", c, "value");
        Object v = c.get("value");
        if (v != null && !(v instanceof Number)) {
            throw new IllegalArgumentException("Constant: only scalar values are supported. Received: value=" + v);
        }
        return new Constant(v == null ? 0.0 : ((Number) v).doubleValue());
    }
}
