package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.callbacks.History
import io.cornu.engine.losses.Loss
import io.cornu.engine.metrics.Metric
import io.cornu.engine.metrics.Metrics
import io.cornu.engine.models.Model
import io.cornu.engine.optimizers.Optimizer
import io.cornu.engine.optimizers.RMSprop
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.FitOptions

/** The receiver of [compile]: the optimizer, the loss and the metrics, by Keras name or as objects. */
@CornuDsl
public class CompileBuilder internal constructor() {
    /** A Keras name (`"rmsprop"`) or an [Optimizer]. */
    public var optimizer: Any = "rmsprop"

    /** A Keras name (`"categorical_crossentropy"`) or a [Loss]. */
    public var loss: Any? = null

    private val metricSpecs = mutableListOf<Any>()

    /** Adds metrics: Keras names (`"accuracy"`) or [Metric] instances. */
    public fun metrics(vararg metrics: Any) {
        metricSpecs.addAll(metrics)
    }

    internal fun applyTo(model: Model) {
        val l = when (val spec = loss) {
            is Loss -> spec
            is String -> Loss.get(spec)
            null -> throw IllegalArgumentException("compile: a loss is required. Received: loss=null")
            else -> throw IllegalArgumentException("compile: loss must be a name or a Loss. Received: loss=$spec")
        }
        val o = when (val spec = optimizer) {
            is Optimizer -> spec
            is String -> Optimizer.get(spec)
            else -> throw IllegalArgumentException("compile: optimizer must be a name or an Optimizer. Received: optimizer=$spec")
        }
        val ms = metricSpecs.map {
            when (it) {
                is Metric -> it
                is String -> Metrics.get(it, l)
                else -> throw IllegalArgumentException("compile: a metric must be a name or a Metric. Received: $it")
            }
        }
        model.compile(o, l, ms)
    }
}

/** `compile { optimizer = "rmsprop"; loss = "categorical_crossentropy"; metrics("accuracy") }`. */
public fun Model.compile(block: CompileBuilder.() -> Unit) {
    CompileBuilder().apply(block).applyTo(this)
}

/** Keras' RMSprop with its defaults: `optimizer = rmsprop(learningRate = 1e-3)`. */
public fun rmsprop(learningRate: Float = 0.001f, rho: Float = 0.9f, epsilon: Float = 1e-7f): Optimizer =
    RMSprop(learningRate, rho, epsilon)

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
