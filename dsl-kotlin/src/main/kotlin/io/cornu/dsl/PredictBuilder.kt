package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.data.Dataset
import io.cornu.engine.models.Model
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.PredictOptions

/** The receiver of `predict(x) { ... }`: Keras' predict arguments with their defaults. */
@CornuDsl
public class PredictBuilder internal constructor() {
    /** Samples per batch for arrays; a dataset keeps its own batches. */
    public var batchSize: Int = 32

    /** 0 silent, 1 progress bar (Keras' "auto"), 2 one line at the end. */
    public var verbose: Int = 1

    /** Predict only the first [steps] batches; null predicts the whole input. */
    public var steps: Int? = null
    internal val callbacks = mutableListOf<Callback>()

    /** Adds callbacks, whose predict hooks see the prediction (`logs["outputs"]`: the batch's outputs). */
    public fun callbacks(block: CallbacksBuilder.() -> Unit) {
        callbacks += CallbacksBuilder().apply(block).callbacks
    }

    internal fun options(): PredictOptions {
        val o = PredictOptions().batchSize(batchSize).verbose(verbose).callbacks(callbacks)
        steps?.let { o.steps(it) }
        return o
    }
}

/** `model.predict(x) { batchSize = 1024; verbose = 0 }`: the (first) output for `x`. */
public fun Model.predict(x: Tensor, block: PredictBuilder.() -> Unit): Tensor =
    predict(x, PredictBuilder().apply(block).options())

/** Every output, in output order, for inputs in input order. */
public fun Model.predict(x: List<Tensor>, block: PredictBuilder.() -> Unit): List<Tensor> =
    predict(x, PredictBuilder().apply(block).options())

/** Every output, in output order, for inputs keyed by input name. */
public fun Model.predict(x: Map<String, Tensor>, block: PredictBuilder.() -> Unit): List<Tensor> =
    predict(x, PredictBuilder().apply(block).options())

/** Every output for a dataset or generator (targets ignored): `model.predict(batches) { steps = 10 }`. */
public fun Model.predict(data: Dataset, block: PredictBuilder.() -> Unit): List<Tensor> =
    predict(data, PredictBuilder().apply(block).options())

/** Keras' keyword form: `model.predict(x, batchSize = 1024, verbose = 0)`. */
public fun Model.predict(
    x: Tensor,
    batchSize: Int = 32,
    verbose: Int = 1,
    steps: Int? = null,
    callbacks: List<Callback> = emptyList(),
): Tensor = predict(x) {
    this.batchSize = batchSize
    this.verbose = verbose
    this.steps = steps
    this.callbacks += callbacks
}
