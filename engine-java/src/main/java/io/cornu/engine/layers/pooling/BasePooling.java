package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.conv.ConvArguments;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The windowed pooling behind the max and average pooling layers, as Keras' {@code BasePooling}:
 * a {@code pool_size} window moves {@code strides} apart (the pool size by default) over the
 * spatial axes of a channels-last input, each channel on its own. {@code "same"} padding never
 * contributes to a window: it never wins a max and is not counted in a mean.
 *
 * <p>Output shape: each spatial size {@code floor((size - pool) / stride) + 1} ("valid") or
 * {@code ceil(size / stride)} ("same"); None stays None; channels unchanged.
 */
public abstract class BasePooling extends Layer {
    private final int rank;
    private final int[] poolSize;
    private final int[] strides;
    private final String padding;

    /**
     * @param rank     the number of spatial axes
     * @param poolSize the window, one value per spatial axis or one for all
     * @param strides  likewise; null for the pool size
     * @param padding  {@code "valid"} or {@code "same"}
     * @param name     the layer's name, or null
     */
    protected BasePooling(int rank, int[] poolSize, int[] strides, String padding, String name) {
        super(name);
        this.rank = rank;
        this.poolSize = ConvArguments.tuple(poolSize, rank, "pool_size");
        this.strides = ConvArguments.tuple(strides == null ? poolSize : strides, rank, "strides");
        this.padding = ConvArguments.standardizePadding(padding == null ? "valid" : padding, false);
    }

    public int[] poolSize() {
        return poolSize.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public String padding() {
        return padding;
    }

    @Override
    protected void build(Shape inputShape) {
        computeOutputShape(inputShape);
    }

    /** The pooling op ({@code Ops.maxPool2d}, ...) at the layer's pool size, strides and padding. */
    protected abstract Tensor poolOp(Tensor inputs);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        ArgumentValidation.requireRank(this, inputs.shape(), rank + 2);
        return poolOp(inputs);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, rank + 2);
        return ConvArguments.poolOutputShape(inputShape, poolSize, strides, padding);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("pool_size", ConfigValues.list(poolSize));
        c.put("padding", padding);
        c.put("strides", ConfigValues.list(strides));
        c.put("data_format", "channels_last");
        return c;
    }

    /** The one value of a 1-D argument. */
    protected static int single(int[] values, String name) {
        return ConvArguments.tuple(values, 1, name)[0];
    }

    /** The pool size in a config ({@code defaultSize} when absent), after checking the data format. */
    protected static int[] configPoolSize(String className, Map<String, Object> c, int[] defaultSize) {
        ConvArguments.requireChannelsLast(className, ConfigValues.getString(c, "data_format", null));
        return ConvArguments.ints(c, "pool_size", defaultSize);
    }
}
