package io.cornu.engine.layers.activation;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Softmax over {@code axis} (or several axes), as Keras' {@code Softmax} layer:
 * {@code exp(x) / sum(exp(x), axis)}.
 *
 * <p>With a mask (from the input's {@link Tensor#kerasMask()}, broadcastable to the input),
 * masked positions get probability 0: their logits are replaced by -1e9 before the softmax and
 * their outputs by 0 after it, as Keras does for attention scores.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
public class Softmax extends Layer {
    private final int[] axes;

    public Softmax(int[] axes, String name) {
        super(name);
        if (axes == null || axes.length == 0) throw new IllegalArgumentException("Softmax: `axis` must be an int or a non-empty list of ints. Received: axis=None");
        this.axes = axes.clone();
    }

    public Softmax(int axis) {
        this(new int[] {axis}, null);
    }

    public Softmax() {
        this(-1);
    }

    public int[] axes() {
        return axes.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.softmax(inputs, axes);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        Tensor x = inputs.get(0);
        Tensor mask = masks.isEmpty() ? null : masks.get(0);
        if (mask == null) return List.of(call(x, training));
        int[] m = mask.dims(), d = x.dims();
        if (m.length > d.length) {
            throw new IllegalArgumentException("The `mask` must be broadcastable to `inputs` and must not have more dimensions. Received: inputs.shape="
                    + x.shape() + ", mask.shape=" + mask.shape());
        }
        for (int i = 1; i <= m.length; i++) {
            int md = m[m.length - i], id = d[d.length - i];
            if (md != 1 && md != id) {
                throw new IllegalArgumentException("The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 or match the "
                        + "corresponding input dimension. Received: inputs.shape=" + x.shape() + ", mask.shape=" + mask.shape());
            }
        }
        Tensor keep = Ops.greater(mask, Tensor.scalar(0.5f));
        Tensor masked = Ops.where(keep, x, Tensor.scalar(-1e9f));
        return List.of(Ops.where(keep, Ops.softmax(masked, axes), Tensor.scalar(0f)));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static Softmax fromConfig(Map<String, Object> c) {
        int[] axes = ConfigValues.getInts(c, "axis");
        return new Softmax(axes == null ? new int[] {-1} : axes, ConfigValues.name(c));
    }

    /** {@code axis} is an int for one axis, a list for several, as in Keras. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axes.length == 1 ? (Object) axes[0] : ConfigValues.list(axes));
        return c;
    }
}
