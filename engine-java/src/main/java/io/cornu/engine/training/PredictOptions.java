package io.cornu.engine.training;

import io.cornu.engine.callbacks.Callback;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional arguments of {@code predict}, with Keras' defaults:
 * {@code new PredictOptions().batchSize(1024).verbose(0)}.
 */
public final class PredictOptions {
    int batchSize = 32;
    int verbose = 1;
    int steps = -1;
    final List<Callback> callbacks = new ArrayList<>();

    /** Samples per batch for arrays; a dataset keeps its own batches. */
    public PredictOptions batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("predict: batch_size must be positive. Received: batch_size=" + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** 0 silent, 1 progress bar (Keras' "auto"), 2 one line at the end. */
    public PredictOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException("predict: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        this.verbose = verbose;
        return this;
    }

    /** Predicts only the first {@code steps} batches; needed for an endless dataset. */
    public PredictOptions steps(int steps) {
        if (steps <= 0) throw new IllegalArgumentException("predict: steps must be positive. Received: steps=" + steps);
        this.steps = steps;
        return this;
    }

    /** Callbacks whose {@code onPredict*} hooks see the prediction. */
    public PredictOptions callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    public PredictOptions callbacks(List<? extends Callback> callbacks) {
        this.callbacks.addAll(callbacks);
        return this;
    }

    public int batchSize() { return batchSize; }

    public int verbose() { return verbose; }

    /** The batch limit, or -1 for the whole input. */
    public int steps() { return steps; }
}
