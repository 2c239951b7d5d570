package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code gain} times the identity matrix, as Keras' {@code Identity}: ones on the main diagonal of a
 * matrix of any {@code (rows, cols)} (Keras' {@code eye(rows, cols)}), zeros elsewhere. Only for
 * two-dimensional weights.
 *
 * <pre>{@code new Identity(2.0)}</pre>
 */
public final class Identity implements Initializer {
    private final double gain;

    /** @param gain the factor of the identity matrix */
    public Identity(double gain) {
        if (!Double.isFinite(gain)) throw new IllegalArgumentException("Identity: expected a finite gain. Received: gain=" + gain);
        this.gain = gain;
    }

    public Identity() {
        this(1.0);
    }

    public double gain() {
        return gain;
    }

    @Override
    public Tensor create(int[] shape, SplittableRandom random) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D matrices. Received: shape="
                    + Shape.of(shape) + " of rank " + shape.length + ".");
        }
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        int cols = shape[1];
        for (int i = 0; i < Math.min(shape[0], cols); i++) d[i * cols + i] = (float) gain;
        return t;
    }

    @Override
    public String name() {
        return "Identity";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gain", gain);
        return c;
    }

    @Override
    public String toString() {
        return name() + getConfig();
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static Identity fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("Identity", c, "gain");
        return new Identity(Initializers.getDouble("Identity", c, "gain", 1.0));
    }
}
