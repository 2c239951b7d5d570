package io.cornu.engine.layers;

import io.cornu.engine.tensor.Shape;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a layer accepts once built, checked on every call with Keras' messages: a minimum rank and
 * fixed sizes on some axes (e.g. a Dense built on {@code (None, 32)} needs axis -1 to be 32).
 *
 * @param minRank the minimum rank, or 0
 * @param axes    axis (negative counts from the end) to required size
 */
public record InputSpec(int minRank, Map<Integer, Integer> axes) {
    public InputSpec {
        axes = new TreeMap<>(axes);
    }

    void check(Layer layer, int inputIndex, Shape shape) {
        if (shape.rank() < minRank) {
            throw new IllegalArgumentException("Input " + inputIndex + " of layer \"" + layer.name()
                    + "\" is incompatible with the layer: expected min_ndim=" + minRank + ", found ndim="
                    + shape.rank() + ". Full shape received: " + shape);
        }
        for (Map.Entry<Integer, Integer> e : axes.entrySet()) {
            int axis = e.getKey();
            int idx = axis < 0 ? shape.rank() + axis : axis;
            int actual = idx >= 0 && idx < shape.rank() ? shape.get(idx) : Shape.NONE;
            if (actual != Shape.NONE && actual != e.getValue()) {
                throw new IllegalArgumentException("Input " + inputIndex + " of layer \"" + layer.name()
                        + "\" is incompatible with the layer: expected axis " + axis + " of input shape to have value "
                        + e.getValue() + ", but received input with shape " + shape);
            }
        }
    }
}
