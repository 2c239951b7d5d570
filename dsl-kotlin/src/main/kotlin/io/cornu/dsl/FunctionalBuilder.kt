package io.cornu.dsl

import io.cornu.engine.activations.Activation
import io.cornu.engine.layers.Input
import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.models.Functional
import io.cornu.engine.tensor.DType
import io.cornu.engine.tensor.Shape

/** The receiver of [functional]: declare inputs, call layers on symbolic tensors, then name the [outputs]. */
@CornuDsl
public class FunctionalBuilder internal constructor() {
    private val inputs = mutableListOf<KerasTensor>()
    private var outputs: List<KerasTensor>? = null

    /**
     * A model input of one sample's [shape]: `input(shape(null), name = "text", dtype = DType.INT32)` for a
     * variable-length sequence of token ids.
     */
    public fun input(shape: Shape, name: String? = null, dtype: DType = DType.FLOAT32): KerasTensor =
        Input.of(shape, name, dtype).also { inputs += it }

    /** A model input from its dimensions: `input(784)`; `null` dimensions are variable. */
    public fun input(vararg dims: Int?, name: String? = null): KerasTensor = input(shape(*dims), name)

    /**
     * A [Dense] layer, to call on symbolic tensors: `val h = dense(32, activation = relu, kernelInitializer = "he_normal")(x)`;
     * regularizers and constraints as objects or Keras names: `dense(16, kernelRegularizer = l2(0.002))`.
     */
    public fun dense(
        units: Int, activation: Activation = linear, useBias: Boolean = true, name: String? = null,
        kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
        kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
        kernelConstraint: Any? = null, biasConstraint: Any? = null,
    ): Dense = Dense(units, activation, useBias, initializer(kernelInitializer, "Dense", "kernelInitializer"),
        initializer(biasInitializer, "Dense", "biasInitializer"), name)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

    /** The model's outputs, in order. */
    public fun outputs(vararg outputs: KerasTensor) {
        this.outputs = outputs.toList()
    }

    internal fun build(name: String?): Functional {
        val outs = outputs ?: throw IllegalArgumentException("functional(${name ?: ""}): declare the model's outputs with outputs(...)")
        return Functional(inputs, outs, name)
    }
}

/**
 * A functional model from a block:
 * ```
 * val model = functional("mlp") {
 *     val x = input(64)
 *     val h = dense(32, activation = relu)(x)
 *     outputs(dense(10, activation = softmax)(h))
 * }
 * ```
 */
public fun functional(name: String? = null, block: FunctionalBuilder.() -> Unit): Functional =
    FunctionalBuilder().apply(block).build(name)

/** A shape from its dimensions, `null` for a variable one: `shape(null, 64)`. */
public fun shape(vararg dims: Int?): Shape = Shape.ofNullable(*dims)
