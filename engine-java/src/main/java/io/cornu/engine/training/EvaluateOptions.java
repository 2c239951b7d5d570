package io.cornu.engine.training;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional arguments of {@code evaluate}, with Keras' defaults:
 * {@code new EvaluateOptions().batchSize(128).verbose(0).sampleWeight(w)}.
 * The results come back as a map, loss first (Keras' {@code return_dict=True}).
 */
public final class EvaluateOptions {
    int batchSize = 32;
    int verbose = 1;
    Tensor sampleWeight;
    int steps = -1;
    final List<Callback> callbacks = new ArrayList<>();

    /** Samples per batch for arrays; a dataset keeps its own batches. */
    public EvaluateOptions batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("evaluate: batch_size must be positive. Received: batch_size=" + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** 0 silent, 1 progress bar (Keras' "auto"), 2 one line at the end. */
    public EvaluateOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException("evaluate: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        this.verbose = verbose;
        return this;
    }

    /** Per-sample weights of the test data, shape {@code (samples,)}: they weigh the loss and the weighted metrics. */
    public EvaluateOptions sampleWeight(Tensor sampleWeight) {
        this.sampleWeight = sampleWeight;
        return this;
    }

    /** Evaluates only the first {@code steps} batches; needed for an endless dataset. */
    public EvaluateOptions steps(int steps) {
        if (steps <= 0) throw new IllegalArgumentException("evaluate: steps must be positive. Received: steps=" + steps);
        this.steps = steps;
        return this;
    }

    /** Callbacks whose {@code onTest*} hooks see the evaluation. */
    public EvaluateOptions callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    public EvaluateOptions callbacks(List<? extends Callback> callbacks) {
        this.callbacks.addAll(callbacks);
        return this;
    }

    public int batchSize() { return batchSize; }

    public int verbose() { return verbose; }

    /** The batch limit, or -1 for the whole input. */
    public int steps() { return steps; }
}
