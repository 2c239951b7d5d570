package io.cornu.engine.data;

import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.Batch;

import java.util.Iterator;
import java.util.List;

/**
 * A source of batches for {@code fit}, {@code evaluate} and {@code predict}, like a
 * {@code tf.data.Dataset} or a Python generator. Each {@link #iterator()} is one pass; a pass may be
 * endless, in which case {@code fit} needs {@code stepsPerEpoch} and keeps drawing from the same
 * iterator across epochs, as Keras does with generators.
 */
public interface Dataset extends Iterable<Batch> {

    /** In-memory arrays cut into batches of {@code batchSize}, shuffled each pass when {@code shuffle}. */
    static TensorDataset of(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize, boolean shuffle) {
        return new TensorDataset(x, y, sampleWeight, batchSize, shuffle);
    }

    static TensorDataset of(Tensor x, Tensor y, int batchSize) {
        return of(List.of(x), List.of(y), null, batchSize, false);
    }

    /** Batches from a generator function; {@code fit} needs {@code stepsPerEpoch} if it never ends. */
    static Dataset fromIterator(java.util.function.Supplier<Iterator<Batch>> passes) {
        return passes::get;
    }

    /** The number of batches in one pass, or -1 when unknown (a generator). */
    default int cardinality() {
        return -1;
    }
}
