package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Flattens each sample to a vector, as Keras' {@code Flatten}: {@code (batch, 28, 28, 1)} becomes
 * {@code (batch, 784)}; a {@code (batch,)} input becomes {@code (batch, 1)}. The batch axis is kept.
 *
 * <p>Output shape: {@code (batch, product of the other dimensions)}, None when any is unknown.
 */
public class Flatten extends Layer {
    public Flatten(String name) {
        super(name);
    }

    public Flatten() {
        this(null);
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireMinRank(this, inputShape, 1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.reshape(inputs, inputs.dim(0), -1);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireMinRank(this, inputShape, 1);
        long size = inputShape.rank() == 1 ? 1 : inputShape.size(1);
        return Shape.of(inputShape.get(0), size < 0 ? Shape.NONE : (int) size);
    }

    public static Flatten fromConfig(Map<String, Object> c) {
        String format = ConfigValues.getString(c, "data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw new IllegalArgumentException("Flatten: only data_format='channels_last' is supported. Received: data_format=" + format);
        }
        return new Flatten(ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", "channels_last");
        return c;
    }
}
