package io.cornu.engine.layers.rnn;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a layer to every temporal slice of its input, as Keras' {@code TimeDistributed}: the
 * input {@code (batch, time, ...)} is seen as {@code batch * time} samples of shape {@code (...)},
 * all through the one wrapped layer (so the slices share its weights), and the result is reshaped
 * back to {@code (batch, time, ...)}. The wrapped layer's weights are this layer's.
 *
 * <p>Running all slices as one batch is what Keras' per-step loop computes for layers that treat
 * samples independently (Dense, convolutions, pooling, ...). A layer whose training-time output
 * depends on its whole batch (BatchNormalization in training) sees batch statistics over all
 * timesteps here, not per step.
 *
 * <pre>{@code new TimeDistributed(new Dense(8))   // (batch, 10, 16) -> (batch, 10, 8)}</pre>
 */
public class TimeDistributed extends Layer {
    private final Layer layer;

    public TimeDistributed(Layer layer, String name) {
        super(name);
        if (layer == null) {
            throw new IllegalArgumentException("Please initialize `TimeDistributed` layer with a `keras.layers.Layer` instance. Received: null");
        }
        this.layer = trackLayer(layer);
    }

    public TimeDistributed(Layer layer) {
        this(layer, null);
    }

    /** The wrapped layer. */
    public Layer layer() {
        return layer;
    }

    private static Shape childShape(Shape inputShape) {
        if (inputShape.rank() < 3) {
            throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, received: "
                    + inputShape);
        }
        int[] d = inputShape.dims();
        int[] c = new int[d.length - 1];
        c[0] = d[0];
        System.arraycopy(d, 2, c, 1, d.length - 2);
        return Shape.of(c);
    }

    @Override
    protected void build(Shape inputShape) {
        layer.ensureBuilt(childShape(inputShape).with(0, Shape.NONE));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        Shape child = layer.computeOutputShape(childShape(inputShape));
        int[] cd = child.dims();
        int[] out = new int[cd.length + 1];
        out[0] = cd[0];
        out[1] = inputShape.get(1);
        System.arraycopy(cd, 1, out, 2, cd.length - 1);
        return Shape.of(out);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] d = inputs.dims();
        if (d.length < 3) {
            throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, received: "
                    + inputs.shape());
        }
        int[] flat = new int[d.length - 1];
        flat[0] = d[0] * d[1];
        System.arraycopy(d, 2, flat, 1, d.length - 2);
        Tensor y = layer.applyEager(List.of(Ops.reshape(inputs, flat)), training).get(0);
        int[] yd = y.dims();
        int[] out = new int[yd.length + 1];
        out[0] = d[0];
        out[1] = d[1];
        System.arraycopy(yd, 1, out, 2, yd.length - 1);
        return Ops.reshape(y, out);
    }

    /** The input's mask (per timestep) applies to the output unchanged, as in Keras. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("class_name", layer.className());
        inner.put("config", layer.getConfig());
        c.put("layer", inner);
        return c;
    }

    /** The inverse of {@link #getConfig()}. */
    @SuppressWarnings("unchecked")
    public static TimeDistributed fromConfig(Map<String, Object> c) {
        Map<String, Object> inner = (Map<String, Object>) c.get("layer");
        Layer l = LayerRegistry.fromConfig((String) inner.get("class_name"), (Map<String, Object>) inner.get("config"));
        return new TimeDistributed(l, (String) c.get("name"));
    }

    @Override
    public String toString() {
        return "TimeDistributed(name=" + name() + ", layer=" + layer + ")" + (isBuilt() ? " built for " + Arrays.toString(buildInputShape().dims()) : "");
    }
}
