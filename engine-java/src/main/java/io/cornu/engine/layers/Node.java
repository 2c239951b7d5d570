package io.cornu.engine.layers;

import java.util.List;

/**
 * One call of a layer on symbolic tensors. A layer called three times has three nodes, which is
 * why nodes and layers are distinct: a shared layer appears once in a model but several times in
 * its graph (its later calls show as {@code lstm[1][0]} in a summary).
 *
 * @param layer   the layer called
 * @param inputs  the symbolic tensors it was called on
 * @param outputs the symbolic tensors it returned
 */
public record Node(Layer layer, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** True for the node of an {@link InputLayer}, which has no inbound tensors. */
    public boolean isInput() {
        return inputs.isEmpty();
    }
}
