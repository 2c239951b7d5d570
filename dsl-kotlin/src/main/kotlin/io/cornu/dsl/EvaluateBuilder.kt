package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.data.Dataset
import io.cornu.engine.models.Model
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.EvaluateOptions

/** The receiver of `evaluate(x, y) { ... }`: Keras' evaluate arguments with their defaults. */
@CornuDsl
public class EvaluateBuilder internal constructor() {
    /** Samples per batch for arrays; a dataset keeps its own batches. */
    public var batchSize: Int = 32

    /** 0 silent, 1 progress bar (Keras' "auto"), 2 one line at the end. */
    public var verbose: Int = 1

    /** Per-sample weights, shape `(samples,)`: they weigh the loss and the weighted metrics (arrays only). */
    public var sampleWeight: Tensor? = null

    /** Evaluate only the first [steps] batches; null evaluates the whole input. */
    public var steps: Int? = null
    internal val callbacks = mutableListOf<Callback>()

    /** Adds callbacks, whose test hooks see the evaluation: `callbacks { add(myCallback) }`. */
    public fun callbacks(block: CallbacksBuilder.() -> Unit) {
        callbacks += CallbacksBuilder().apply(block).callbacks
    }

    internal fun options(): EvaluateOptions {
        val o = EvaluateOptions().batchSize(batchSize).verbose(verbose).callbacks(callbacks)
        sampleWeight?.let { o.sampleWeight(it) }
        steps?.let { o.steps(it) }
        return o
    }
}

/** `model.evaluate(x, y) { batchSize = 128; verbose = 0 }`: the loss and metrics by name, loss first. */
public fun Model.evaluate(x: Tensor, y: Tensor, block: EvaluateBuilder.() -> Unit): Map<String, Double> =
    evaluate(x, y, EvaluateBuilder().apply(block).options())

/** Evaluates a model with several inputs or outputs: arrays in input and output order. */
public fun Model.evaluate(x: List<Tensor>, y: List<Tensor>, block: EvaluateBuilder.() -> Unit): Map<String, Double> =
    evaluate(x, y, EvaluateBuilder().apply(block).options())

/** Evaluates with inputs and targets keyed by input and output name. */
public fun Model.evaluate(x: Map<String, Tensor>, y: Map<String, Tensor>, block: EvaluateBuilder.() -> Unit): Map<String, Double> =
    evaluate(x, y, EvaluateBuilder().apply(block).options())

/** Evaluates on a dataset or generator: `model.evaluate(batches) { steps = 10 }`. */
public fun Model.evaluate(data: Dataset, block: EvaluateBuilder.() -> Unit): Map<String, Double> =
    evaluate(data, EvaluateBuilder().apply(block).options())

/** Keras' keyword form: `model.evaluate(x, y, batchSize = 128, verbose = 0)`. */
public fun Model.evaluate(
    x: Tensor,
    y: Tensor,
    batchSize: Int = 32,
    verbose: Int = 1,
    sampleWeight: Tensor? = null,
    steps: Int? = null,
    callbacks: List<Callback> = emptyList(),
): Map<String, Double> = evaluate(x, y) {
    this.batchSize = batchSize
    this.verbose = verbose
    this.sampleWeight = sampleWeight
    this.steps = steps
    this.callbacks += callbacks
}
