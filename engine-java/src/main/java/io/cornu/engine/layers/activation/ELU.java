package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Exponential linear unit, as Keras' {@code ELU} layer: {@code f(x) = x > 0 ? x : alpha * (exp(x) - 1)}.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
public class ELU extends Layer {
    private final float alpha;

    public ELU(float alpha, String name) {
        super(name);
        this.alpha = alpha;
    }

    public ELU(float alpha) {
        this(alpha, null);
    }

    public ELU() {
        this(1f, null);
    }

    public float alpha() {
        return alpha;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.elu(inputs, alpha);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static ELU fromConfig(Map<String, Object> c) {
        return new ELU(ConfigValues.getFloat(c, "alpha", 1f), ConfigValues.name(c));
    }

    /** Keras' base keys plus {@code alpha} (Keras 3 leaves it out, so its round trip resets alpha to 1). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha", alpha);
        return c;
    }
}
