package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.callbacks.History
import io.cornu.engine.losses.Loss
import io.cornu.engine.metrics.Metric
import io.cornu.engine.models.Model
import io.cornu.engine.optimizers.Optimizer
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.CompileOptions
import io.cornu.engine.training.FitOptions

/**
 * The receiver of [compile]: the optimizer, the loss(es), loss weights and metrics, by Keras name or as
 * objects; for several outputs a list (in output order) or a map by output name.
 */
@CornuDsl
public class CompileBuilder internal constructor() {
    /** A Keras name (`"rmsprop"`) or an [Optimizer]. */
    public var optimizer: Any = "rmsprop"

    /** A Keras name, a [Loss], a list of them (one per output) or a map by output name. */
    public var loss: Any? = null

    /** Per-output loss weights: a list of numbers or a map by output name. */
    public var lossWeights: Any? = null

    private val metricSpecs = mutableListOf<Any>()
    private var metricsByOutput: Map<String, List<Any>>? = null

    /** Adds metrics for every output: Keras names (`"accuracy"`) or [Metric] instances. */
    public fun metrics(vararg metrics: Any) {
        metricSpecs.addAll(metrics)
    }

    /** Metrics per output name: `metrics("department" to listOf("accuracy"))`. */
    public fun metrics(vararg byOutput: Pair<String, List<Any>>) {
        metricsByOutput = byOutput.toMap()
    }

    internal fun applyTo(model: Model) {
        val options = CompileOptions()
        when (val o = optimizer) {
            is Optimizer -> options.optimizer(o)
            is String -> options.optimizer(o)
            else -> throw IllegalArgumentException("compile: optimizer must be a name or an Optimizer. Received: optimizer=$o")
        }
        when (val l = loss) {
            is Loss -> options.loss(l)
            is String -> options.loss(l)
            is List<*> -> options.loss(l)
            is Map<*, *> -> options.loss(l.entries.associate { (k, v) -> k.toString() to v })
            null -> throw IllegalArgumentException("compile: a loss is required. Received: loss=null")
            else -> throw IllegalArgumentException("compile: loss must be a name, a Loss, a list or a map. Received: loss=$l")
        }
        when (val w = lossWeights) {
            null -> {}
            is List<*> -> options.lossWeights(w.map { it as Number })
            is Map<*, *> -> options.lossWeights(w.entries.associate { (k, v) -> k.toString() to v as Number })
            else -> throw IllegalArgumentException("compile: loss_weights must be a list or a map. Received: loss_weights=$w")
        }
        val byOutput = metricsByOutput
        if (byOutput != null) options.metrics(byOutput) else options.metrics(metricSpecs.toList())
        model.compile(options)
    }
}

/** `compile { optimizer = "rmsprop"; loss = "categorical_crossentropy"; metrics("accuracy") }`. */
public fun Model.compile(block: CompileBuilder.() -> Unit) {
    CompileBuilder().apply(block).applyTo(this)
}

/** Trains the model: `model.fit(x, y, epochs = 5, batchSize = 128)`. */
public fun Model.fit(
    x: Tensor,
    y: Tensor,
    epochs: Int = 1,
    batchSize: Int = 32,
    validationSplit: Double = 0.0,
    validationData: Pair<Tensor, Tensor>? = null,
    shuffle: Boolean = true,
    verbose: Int = 1,
    callbacks: List<Callback> = emptyList(),
): History {
    val options = FitOptions().epochs(epochs).batchSize(batchSize).validationSplit(validationSplit)
        .shuffle(shuffle).verbose(verbose).callbacks(callbacks)
    if (validationData != null) options.validationData(validationData.first, validationData.second)
    return fit(x, y, options)
}
