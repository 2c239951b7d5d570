package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Joins its inputs along {@code axis} (default the last), as Keras' {@code Concatenate}: all
 * other dimensions must match. The output shape is the first input's with the summed axis (None
 * when any input's is unknown), as Keras computes it.
 *
 * <p>Masks: when any input carries one, the output's mask is Keras': each input's mask (all ones
 * for an unmasked input) expanded to the input's shape, concatenated, then reduced with "any" over
 * the last axis.
 *
 * <p>Input shapes: {@code (batch, ..., d_i, ...)}. Output shape: {@code (batch, ..., sum d_i, ...)}.
 *
 * <pre>{@code new Concatenate().apply(List.of(a, b))}</pre>
 */
public class Concatenate extends Layer {
    private final int axis;

    public Concatenate(int axis, String name) {
        super(name);
        this.axis = axis;
    }

    public Concatenate(int axis) {
        this(axis, null);
    }

    public Concatenate() {
        this(-1, null);
    }

    public int axis() {
        return axis;
    }

    @Override
    protected void build(Shape inputShape) {
        build(List.of(inputShape));
    }

    /** Shape validation, as Keras: equal ranks and equal known dimensions except on the axis. */
    @Override
    protected void build(List<Shape> shapes) {
        validate(shapes);
    }

    private int validate(List<Shape> shapes) {
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=" + shapes);
        }
        int rank = shapes.get(0).rank();
        int a = axis < 0 ? axis + rank : axis;
        String msg = "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=" + shapes;
        if (rank == 0 || a < 0 || a >= rank) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Concatenate): axis " + axis + " is out of bounds for inputs of rank "
                    + rank + ". Received: input_shape=" + shapes);
        }
        for (Shape s : shapes) {
            if (s.rank() != rank) throw new IllegalArgumentException(msg);
            for (int i = 0; i < rank; i++) {
                if (i == a) continue;
                int x = shapes.get(0).get(i), y = s.get(i);
                if (x != Shape.NONE && y != Shape.NONE && x != y) throw new IllegalArgumentException(msg);
            }
        }
        return a;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return inputs;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        if (inputs.size() == 1) return List.of(inputs.get(0));
        return List.of(Ops.concatenate(inputs, axis));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        boolean any = false;
        for (Tensor m : masks) any |= m != null;
        if (!any) return Collections.singletonList(null);
        List<Tensor> full = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            Tensor m = i < masks.size() ? masks.get(i) : null;
            if (m == null) {
                full.add(Tensor.ones(x.dims()));
            } else if (m.rank() < x.rank()) {
                full.add(Ops.broadcastTo(Ops.expandDims(Ops.cast(m, io.cornu.engine.tensor.DType.FLOAT32), -1), x.dims()));
            } else {
                full.add(m);
            }
        }
        return List.of(Ops.max(Ops.concatenate(full, axis), new int[] {-1}, false));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> shapes) {
        int a = validate(shapes);
        int total = 0;
        for (Shape s : shapes) {
            if (!s.isKnown(a)) {
                total = Shape.NONE;
                break;
            }
            total += s.get(a);
        }
        int[] out = shapes.get(0).dims();
        out[a] = total;
        return List.of(Shape.of(out));
    }

    public static Concatenate fromConfig(Map<String, Object> c) {
        return new Concatenate(ConfigValues.getInt(c, "axis", -1), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        return c;
    }
}
