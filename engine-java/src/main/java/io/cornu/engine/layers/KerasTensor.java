package io.cornu.engine.layers;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;

/**
 * A symbolic tensor: a shape and dtype without data, standing for a value in a model graph.
 * {@link Input#of} makes one; calling a layer on one returns another and records a {@link Node}.
 *
 * @param shape   the shape, {@code None} ({@link Shape#NONE}) where unknown such as the batch axis
 * @param dtype   the element type
 * @param name    a readable name (the producing layer's)
 * @param history which layer call produced it: that layer, the node index and the output index
 */
public record KerasTensor(Shape shape, DType dtype, String name, History history) {

    /** Where a symbolic tensor comes from: output {@code tensorIndex} of call {@code nodeIndex} of {@code layer}. */
    public record History(Layer layer, int nodeIndex, int tensorIndex) {
        /** The node that produced the tensor. */
        public Node node() {
            return layer.inboundNodes().get(nodeIndex);
        }
    }

    @Override
    public String toString() {
        return "<KerasTensor shape=" + shape + ", dtype=" + dtype + ", name=" + name + ">";
    }
}
