package io.cornu.engine.layers;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;

import java.util.List;
import java.util.Map;

/**
 * The layer behind {@link Input}: the start of a graph. Its one node has no inputs and outputs the
 * symbolic tensor of shape {@code (None, *shape)}.
 */
public final class InputLayer extends Layer {
    private final Shape batchShape;
    private final KerasTensor output;
    private final DType dtype;

    /**
     * @param shape the shape of one sample, without the batch axis
     * @param name  null for {@code input_N}
     * @param dtype the element type, e.g. {@link DType#INT32} for token ids
     */
    public InputLayer(Shape shape, String name, DType dtype) {
        super(name != null ? name : Names.unique("input", false));
        this.dtype = dtype;
        for (int d : shape.dims()) {
            if (d == 0) throw new IllegalArgumentException("Input: dimensions must be positive or None. Received: shape=" + shape);
        }
        this.batchShape = shape.withBatch(Shape.NONE);
        this.output = new KerasTensor(batchShape, dtype, name(), new KerasTensor.History(this, 0, 0));
        addInboundNode(new Node(this, List.of(), List.of(output)));
        ensureBuilt(batchShape);
    }

    public InputLayer(Shape shape, String name) {
        this(shape, name, DType.FLOAT32);
    }

    public InputLayer(int... shape) {
        this(Shape.of(shape), null);
    }

    /** The element type of the input. */
    public DType dtype() {
        return dtype;
    }

    /** The symbolic tensor this input stands for. */
    @Override
    public KerasTensor output() {
        return output;
    }

    /** The input shape including the batch axis, {@code (None, ...)}. */
    public Shape batchShape() {
        return batchShape;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return inputs;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /** Keras shows an InputLayer's output shape as a list: {@code [(None, 64)]}. */
    @Override
    public String outputShapeText() {
        return "[" + batchShape + "]";
    }

    /** The inverse of {@link #getConfig()}. */
    public static InputLayer fromConfig(Map<String, Object> c) {
        List<?> dims = (List<?>) c.get("batch_input_shape");
        Integer[] sample = new Integer[dims.size() - 1];
        for (int i = 1; i < dims.size(); i++) sample[i - 1] = dims.get(i) == null ? null : ((Number) dims.get(i)).intValue();
        DType dtype = DType.FLOAT32;
        for (DType d : DType.values()) if (d.kerasName().equals(c.get("dtype"))) dtype = d;
        return new InputLayer(Shape.ofNullable(sample), (String) c.get("name"), dtype);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.remove("trainable");
        List<Integer> dims = new java.util.ArrayList<>();
        for (int d : batchShape.dims()) dims.add(d == Shape.NONE ? null : d);
        c.put("batch_input_shape", dims);
        c.put("dtype", dtype.kerasName());
        c.put("sparse", false);
        c.put("ragged", false);
        return c;
    }
}
