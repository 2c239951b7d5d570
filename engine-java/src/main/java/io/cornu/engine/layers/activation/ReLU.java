package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Rectified linear unit with Keras' options, as Keras' {@code ReLU} layer:
 * <pre>
 * f(x) = max_value                        if x >= max_value
 * f(x) = x                                if threshold <= x < max_value
 * f(x) = negative_slope * (x - threshold) otherwise
 * </pre>
 * With the defaults ({@code maxValue} none, slope 0, threshold 0) this is {@code max(x, 0)}.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
public class ReLU extends Layer {
    private final Float maxValue;
    private final float negativeSlope;
    private final float threshold;

    /**
     * @param maxValue      the largest output, or null for none
     * @param negativeSlope the slope below the threshold, {@code >= 0}
     * @param threshold     the value below which outputs are damped, {@code >= 0}
     * @param name          the layer's name, or null
     */
    public ReLU(Float maxValue, float negativeSlope, float threshold, String name) {
        super(name);
        if (maxValue != null && maxValue < 0f) {
            throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. Received: max_value=" + maxValue);
        }
        if (!(negativeSlope >= 0f)) {
            throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be None or a negative value. Received: negative_slope=" + negativeSlope);
        }
        if (!(threshold >= 0f)) {
            throw new IllegalArgumentException("threshold of a ReLU layer cannot be None or a negative value. Received: threshold=" + threshold);
        }
        this.maxValue = maxValue;
        this.negativeSlope = negativeSlope;
        this.threshold = threshold;
    }

    public ReLU() {
        this(null, 0f, 0f, null);
    }

    public Float maxValue() {
        return maxValue;
    }

    public float negativeSlope() {
        return negativeSlope;
    }

    public float threshold() {
        return threshold;
    }

    /** Keras' {@code activations.relu(x, negative_slope, max_value, threshold)}, step for step. */
    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        Tensor negativePart = null;
        if (negativeSlope != 0f) {
            if (maxValue == null && threshold == 0f) return Ops.leakyRelu(x, negativeSlope);
            negativePart = threshold != 0f ? Ops.relu(Ops.add(Ops.neg(x), threshold)) : Ops.relu(Ops.neg(x));
        }
        boolean clipMax = maxValue != null;
        if (threshold != 0f) {
            x = Ops.where(Ops.greater(x, Tensor.scalar(threshold)), x, Tensor.scalar(0f));
        } else if (maxValue != null && maxValue == 6f) {
            x = Ops.relu6(x);
            clipMax = false;
        } else {
            x = Ops.relu(x);
        }
        if (clipMax) x = Ops.clip(x, 0f, maxValue);
        if (negativeSlope != 0f) x = Ops.sub(x, Ops.mul(negativePart, negativeSlope));
        return x;
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static ReLU fromConfig(Map<String, Object> c) {
        return new ReLU(ConfigValues.getFloatOrNull(c, "max_value"), ConfigValues.getFloat(c, "negative_slope", 0f),
                ConfigValues.getFloat(c, "threshold", 0f), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("max_value", maxValue);
        c.put("negative_slope", negativeSlope);
        c.put("threshold", threshold);
        return c;
    }
}
