package io.cornu.engine.training;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional arguments of {@code fit}, with Keras' defaults:
 * {@code new FitOptions().epochs(5).batchSize(128).validationSplit(0.1)}.
 */
public final class FitOptions {
    int epochs = 1;
    int batchSize = 32;
    int verbose = 1;
    boolean shuffle = true;
    double validationSplit;
    Tensor validationX;
    Tensor validationY;
    int initialEpoch;
    final List<Callback> callbacks = new ArrayList<>();

    public FitOptions epochs(int epochs) {
        if (epochs < 0) throw new IllegalArgumentException("fit: epochs must be >= 0. Received: epochs=" + epochs);
        this.epochs = epochs;
        return this;
    }

    public FitOptions batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("fit: batch_size must be positive. Received: batch_size=" + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** 0 silent, 1 progress bar, 2 one line per epoch. */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException("fit: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        this.verbose = verbose;
        return this;
    }

    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** The fraction of the data, taken from the end before shuffling, held out for validation. */
    public FitOptions validationSplit(double split) {
        if (!(split >= 0 && split < 1)) {
            throw new IllegalArgumentException("fit: validation_split must be in [0, 1). Received: validation_split=" + split);
        }
        this.validationSplit = split;
        return this;
    }

    public FitOptions validationData(Tensor x, Tensor y) {
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    public FitOptions initialEpoch(int initialEpoch) {
        this.initialEpoch = initialEpoch;
        return this;
    }

    public FitOptions callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    public FitOptions callbacks(List<? extends Callback> callbacks) {
        this.callbacks.addAll(callbacks);
        return this;
    }

    public int epochs() { return epochs; }

    public int batchSize() { return batchSize; }

    public int verbose() { return verbose; }
}
