package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Repeats each sample's vector {@code n} times, as Keras' {@code RepeatVector}:
 * {@code (batch, features)} becomes {@code (batch, n, features)}; e.g. to feed an encoder's summary
 * to every step of a decoder.
 */
public class RepeatVector extends Layer {
    private final int n;

    public RepeatVector(int n, String name) {
        super(name);
        if (n <= 0) throw new IllegalArgumentException("Argument `n` should be a positive integer. Received: n=" + n);
        this.n = n;
    }

    public RepeatVector(int n) {
        this(n, null);
    }

    public int n() {
        return n;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 2);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.repeat(Ops.expandDims(inputs, 1), n, 1);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 2);
        return Shape.of(inputShape.get(0), n, inputShape.get(1));
    }

    public static RepeatVector fromConfig(Map<String, Object> c) {
        return new RepeatVector(ConfigValues.getInt(c, "n", 0), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("n", n);
        return c;
    }
}
