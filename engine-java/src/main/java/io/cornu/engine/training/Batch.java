package io.cornu.engine.training;

import io.cornu.engine.tensor.Tensor;

import java.util.List;

/**
 * One step's data, Keras' {@code (x, y, sample_weight)}: the model's inputs in order, the targets
 * of its outputs in order (empty for prediction), and per-sample weights or null.
 */
public record Batch(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    public Batch {
        x = List.copyOf(x);
        y = List.copyOf(y);
    }

    public Batch(Tensor x, Tensor y) {
        this(List.of(x), List.of(y), null);
    }

    /** The number of samples. */
    public int size() {
        return x.get(0).dim(0);
    }
}
