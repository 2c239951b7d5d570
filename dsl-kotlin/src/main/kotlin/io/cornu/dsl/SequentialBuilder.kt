package io.cornu.dsl

import io.cornu.engine.activations.Activation
import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.Layer
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.models.Sequential
import io.cornu.engine.tensor.Shape

/** The receiver of [sequential]: each call appends a layer to the model being built. */
@CornuDsl
public class SequentialBuilder internal constructor(public val model: Sequential) {

    /** Fixes the input shape (one sample, without the batch axis); `null` dimensions are variable. */
    public fun input(vararg shape: Int?, name: String? = null) {
        model.add(InputLayer(Shape.ofNullable(*shape), name))
    }

    /** Appends any layer, e.g. one of your own. */
    public fun layer(layer: Layer) {
        model.add(layer)
    }

    /**
     * Appends a [Dense] layer: `dense(512, activation = relu)`; initializers as objects or Keras names:
     * `dense(64, kernelInitializer = heNormal(seed = 1), biasInitializer = "ones")`; regularizers and constraints likewise:
     * `dense(16, activation = relu, kernelRegularizer = l2(0.002), kernelConstraint = maxNorm(3))`.
     */
    public fun dense(
        units: Int, activation: Activation = linear, useBias: Boolean = true, name: String? = null,
        kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
        kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
        kernelConstraint: Any? = null, biasConstraint: Any? = null,
    ) {
        model.add(Dense(units, activation, useBias, initializer(kernelInitializer, "Dense", "kernelInitializer"),
            initializer(biasInitializer, "Dense", "biasInitializer"), name)
            .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
    }

    /** Appends a layer: `+Dense(10)`. */
    public operator fun Layer.unaryPlus() {
        model.add(this)
    }
}

/**
 * A [Sequential] model from a block of layers:
 * ```
 * val model = sequential {
 *     input(784)
 *     dense(512, activation = relu)
 *     dense(10, activation = softmax)
 * }
 * ```
 */
public fun sequential(name: String? = null, block: SequentialBuilder.() -> Unit): Sequential =
    Sequential(name).also { SequentialBuilder(it).block() }
