package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.conv.ConvArguments;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.tensor.Shape;

import java.util.Map;

/**
 * The global pooling behind {@code GlobalMax/GlobalAveragePooling1D/2D}, as Keras'
 * {@code BaseGlobalPooling}: one value per channel over all spatial positions of a channels-last input.
 *
 * <p>Output shape: {@code (batch, channels)}, or with {@code keepdims} {@code (batch, 1, ..., channels)}.
 */
public abstract class BaseGlobalPooling extends Layer {
    private final int rank;
    private final boolean keepdims;

    protected BaseGlobalPooling(int rank, boolean keepdims, String name) {
        super(name);
        this.rank = rank;
        this.keepdims = keepdims;
    }

    /** Whether the pooled spatial axes are kept with size 1. */
    public boolean keepdims() {
        return keepdims;
    }

    /** The spatial axes, {@code 1..rank}. */
    protected int[] spatialAxes() {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) axes[i] = i + 1;
        return axes;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        if (!keepdims) return Shape.of(inputShape.get(0), inputShape.get(-1));
        int[] out = inputShape.dims();
        for (int i = 1; i <= rank; i++) out[i] = 1;
        return Shape.of(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", "channels_last");
        c.put("keepdims", keepdims);
        return c;
    }

    /** {@code keepdims} in a config, after checking the data format. */
    protected static boolean configKeepdims(String className, Map<String, Object> c) {
        ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
        return ConfigValues.getBoolean(c, "keepdims", false);
    }
}
