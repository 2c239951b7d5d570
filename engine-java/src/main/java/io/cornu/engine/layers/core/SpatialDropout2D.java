package io.cornu.engine.layers.core;

import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Dropout of whole 2-D feature maps, as Keras' {@code SpatialDropout2D} with channels last: a
 * dropped channel is zero at every position (mask shape {@code (batch, 1, 1, channels)}).
 *
 * <p>Input shape: {@code (batch, rows, cols, channels)}. Output shape: the input's.
 */
public class SpatialDropout2D extends Dropout {
    public SpatialDropout2D(float rate, Long seed, String name) {
        super(rate, null, seed, name);
    }

    public SpatialDropout2D(float rate) {
        this(rate, null, null);
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
    }

    @Override
    protected int[] noiseShape(Tensor inputs) {
        ArgumentValidation.requireRank(this, inputs.shape(), 4);
        return new int[] {inputs.dim(0), 1, 1, inputs.dim(3)};
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
        return inputShape;
    }

    public static SpatialDropout2D fromConfig(Map<String, Object> c) {
        String format = ConfigValues.getString(c, "data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw new IllegalArgumentException("SpatialDropout2D: only data_format='channels_last' is supported. Received: data_format=" + format);
        }
        return new SpatialDropout2D(ConfigValues.getFloat(c, "rate", 0f), ConfigValues.getLongOrNull(c, "seed"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.remove("noise_shape");
        c.put("data_format", "channels_last");
        return c;
    }
}
