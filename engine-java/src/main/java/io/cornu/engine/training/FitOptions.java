package io.cornu.engine.training;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<Tensor> validationX;
    List<Tensor> validationY;
    Dataset validationDataset;
    int initialEpoch;
    int stepsPerEpoch = -1;
    int validationSteps = -1;
    Tensor sampleWeight;
    Map<Integer, Double> classWeight;
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
        return validationData(List.of(x), List.of(y));
    }

    /** Validation arrays for models with several inputs or outputs, in order. */
    public FitOptions validationData(List<Tensor> x, List<Tensor> y) {
        this.validationX = List.copyOf(x);
        this.validationY = List.copyOf(y);
        return this;
    }

    public FitOptions validationData(Dataset data) {
        this.validationDataset = data;
        return this;
    }

    /** The epoch to start from (the epochs before count as done), for resuming. */
    public FitOptions initialEpoch(int initialEpoch) {
        if (initialEpoch < 0) throw new IllegalArgumentException("fit: initial_epoch must be >= 0. Received: initial_epoch=" + initialEpoch);
        this.initialEpoch = initialEpoch;
        return this;
    }

    /** Batches per epoch; needed for an endless dataset. */
    public FitOptions stepsPerEpoch(int steps) {
        if (steps <= 0) throw new IllegalArgumentException("fit: steps_per_epoch must be positive. Received: steps_per_epoch=" + steps);
        this.stepsPerEpoch = steps;
        return this;
    }

    public FitOptions validationSteps(int steps) {
        if (steps <= 0) throw new IllegalArgumentException("fit: validation_steps must be positive. Received: validation_steps=" + steps);
        this.validationSteps = steps;
        return this;
    }

    /** Per-sample weights of the training data, shape {@code (samples,)}. */
    public FitOptions sampleWeight(Tensor sampleWeight) {
        this.sampleWeight = sampleWeight;
        return this;
    }

    /** Weights per class index, applied to each sample by its label (arg-max of one-hot targets). */
    public FitOptions classWeight(Map<Integer, ? extends Number> classWeight) {
        this.classWeight = new HashMap<>();
        classWeight.forEach((k, v) -> this.classWeight.put(k, v.doubleValue()));
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
