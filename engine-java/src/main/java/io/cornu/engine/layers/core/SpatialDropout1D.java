package io.cornu.engine.layers.core;

import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Dropout of whole 1-D feature maps, as Keras' {@code SpatialDropout1D}: a dropped channel is
 * zero at every timestep (mask shape {@code (batch, 1, channels)}), which regularises better than
 * {@link Dropout} when neighbouring timesteps are strongly correlated (early convolution layers).
 *
 * <p>Input shape: {@code (batch, steps, channels)}. Output shape: the input's.
 */
public class SpatialDropout1D extends Dropout {
    public SpatialDropout1D(float rate, Long seed, String name) {
        super(rate, null, seed, name);
    }

    public SpatialDropout1D(float rate) {
        this(rate, null, null);
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
    }

    @Override
    protected int[] noiseShape(Tensor inputs) {
        ArgumentValidation.requireRank(this, inputs.shape(), 3);
        return new int[] {inputs.dim(0), 1, inputs.dim(2)};
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 3);
        return inputShape;
    }

    public static SpatialDropout1D fromConfig(Map<String, Object> c) {
        return new SpatialDropout1D(ConfigValues.getFloat(c, "rate", 0f), ConfigValues.getLongOrNull(c, "seed"), ConfigValues.name(c));
    }

    /** Keras' keys: {@code rate}, {@code seed}, {@code name}, {@code dtype} (no noise shape). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.remove("noise_shape");
        return c;
    }
}
