package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;

/**
 * The base of the elementwise merge layers (Keras' {@code _Merge}): two or more inputs whose
 * shapes broadcast together, combined pairwise by {@link #merge}.
 */
public abstract class Merge extends Layer {
    protected Merge(String name) {
        super(name);
    }

    /** Combines the first {@code n} inputs already reduced ({@code acc}) with the next one. */
    protected abstract Tensor merge(Tensor acc, Tensor next);

    /** The final step after all inputs are combined (e.g. divide by their number); identity by default. */
    protected Tensor finish(Tensor acc, int count) {
        return acc;
    }

    /** The number of inputs the layer accepts, or -1 for any number of at least 2. */
    protected int expectedInputs() {
        return -1;
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        checkCount(inputShapes.size());
        outputShape(inputShapes);
    }

    @Override
    protected void build(Shape inputShape) {
        checkCount(1);
    }

    private void checkCount(int n) {
        int expected = expectedInputs();
        if (expected > 0 ? n != expected : n < 2) {
            throw new IllegalArgumentException("A merge layer \"" + name() + "\" (" + className() + ") should be called on "
                    + (expected > 0 ? "exactly " + expected + " inputs" : "a list of at least 2 inputs") + ". Received: " + n + " input(s)");
        }
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        Tensor acc = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) acc = merge(acc, inputs.get(i));
        return List.of(finish(acc, inputs.size()));
    }

    /** Keras' merge mask: a step is kept only where every masked input keeps it (the AND of the masks). */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor combined = null;
        for (Tensor m : masks) {
            if (m == null) continue;
            Tensor f = m.cast(io.cornu.engine.tensor.DType.FLOAT32);
            combined = combined == null ? f : io.cornu.engine.ops.Ops.mul(combined, f);
        }
        return java.util.Collections.singletonList(combined);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        checkCount(inputShapes.size());
        return List.of(outputShape(inputShapes));
    }

    /** The broadcast of the input shapes, with Keras' message when they do not broadcast. */
    private Shape outputShape(List<Shape> shapes) {
        Shape out = shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            int rank = Math.max(out.rank(), s.rank());
            int[] dims = new int[rank];
            for (int a = 0; a < rank; a++) {
                int x = a < rank - out.rank() ? 1 : out.get(a - (rank - out.rank()));
                int y = a < rank - s.rank() ? 1 : s.get(a - (rank - s.rank()));
                if (x == 1) dims[a] = y;
                else if (y == 1) dims[a] = x;
                else if (x == Shape.NONE || y == Shape.NONE) dims[a] = x == Shape.NONE ? y : x;
                else if (x == y) dims[a] = x;
                else {
                    throw new IllegalArgumentException("Layer \"" + name() + "\" (" + className() + "): inputs have incompatible shapes. Received: shapes="
                            + shapes);
                }
            }
            out = Shape.of(dims);
        }
        return out;
    }
}
