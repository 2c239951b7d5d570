package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Leaky rectified linear unit, as Keras' {@code LeakyReLU} layer:
 * {@code f(x) = x >= 0 ? x : negativeSlope * x}. The layer's default slope is Keras 3's 0.3
 * (the function {@code Ops.leakyRelu} defaults to 0.2, as {@code keras.activations.leaky_relu}).
 *
 * <p>Input shape: any. Output shape: the input's.
 */
public class LeakyReLU extends Layer {
    private final float negativeSlope;

    public LeakyReLU(float negativeSlope, String name) {
        super(name);
        if (!(negativeSlope >= 0f)) {
            throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be None or negative value. "
                    + "Expected a float. Received: negative_slope=" + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    public LeakyReLU(float negativeSlope) {
        this(negativeSlope, null);
    }

    public LeakyReLU() {
        this(0.3f, null);
    }

    public float negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.leakyRelu(inputs, negativeSlope);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static LeakyReLU fromConfig(Map<String, Object> c) {
        return new LeakyReLU(ConfigValues.getFloat(c, "negative_slope", 0.3f), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("negative_slope", negativeSlope);
        return c;
    }
}
