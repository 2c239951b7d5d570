package io.cornu.dsl

import io.cornu.engine.activations.Activation
import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.Layer
import io.cornu.engine.layers.rnn.BaseRNN
import io.cornu.engine.layers.rnn.Bidirectional
import io.cornu.engine.layers.rnn.GRU
import io.cornu.engine.layers.rnn.LSTM
import io.cornu.engine.layers.rnn.SimpleRNN
import io.cornu.engine.layers.rnn.TimeDistributed
import io.cornu.engine.tensor.Tensor

// Recurrent builders. On SequentialBuilder they append the layer and return it, so that a wrapper
// can take it: `bidirectional(lstm(32))` takes back the LSTM just appended and appends the
// Bidirectional in its place. On FunctionalBuilder they return the layer, to call on symbolic
// tensors: `val encoded = lstm(32)(embedded)`; `lstm(32)(x, initialState = listOf(h, c))` and
// `allOutputs(x)` give every output (the states with returnState). Arguments and defaults are
// Keras' (activation tanh, recurrentActivation sigmoid, unitForgetBias, resetAfter); the regularizers and
// constraints of the kernel, recurrent kernel and bias come last: `lstm(32, recurrentRegularizer = l2(1e-4))`.

private fun <L : BaseRNN<L>> L.configure(
    activation: Activation, useBias: Boolean, returnSequences: Boolean, returnState: Boolean, goBackwards: Boolean,
    dropout: Double, recurrentDropout: Double, kernelInitializer: Any, recurrentInitializer: Any, biasInitializer: Any,
): L = activation(activation).useBias(useBias).returnSequences(returnSequences).returnState(returnState)
    .goBackwards(goBackwards).dropout(dropout).recurrentDropout(recurrentDropout)
    .kernelInitializer(initializer(kernelInitializer, className(), "kernelInitializer"))
    .recurrentInitializer(initializer(recurrentInitializer, className(), "recurrentInitializer"))
    .biasInitializer(initializer(biasInitializer, className(), "biasInitializer"))

/** A [SimpleRNN] layer; initializers as objects (`heNormal(seed = 1)`) or Keras names (`"he_normal"`). */
public fun simpleRnnLayer(
    units: Int, activation: Activation = tanh, useBias: Boolean = true, returnSequences: Boolean = false,
    returnState: Boolean = false, goBackwards: Boolean = false, dropout: Double = 0.0, recurrentDropout: Double = 0.0,
    name: String? = null, kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): SimpleRNN = SimpleRNN(units, name).configure(activation, useBias, returnSequences, returnState, goBackwards, dropout, recurrentDropout,
    kernelInitializer, recurrentInitializer, biasInitializer)
    .withRecurrentWeights(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint,
        recurrentConstraint, biasConstraint)

/** An [LSTM] layer; initializers as objects or Keras names. */
public fun lstmLayer(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    unitForgetBias: Boolean = true, returnSequences: Boolean = false, returnState: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): LSTM = LSTM(units, name).configure(activation, useBias, returnSequences, returnState, goBackwards, dropout, recurrentDropout,
    kernelInitializer, recurrentInitializer, biasInitializer)
    .recurrentActivation(recurrentActivation).unitForgetBias(unitForgetBias)
    .withRecurrentWeights(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint,
        recurrentConstraint, biasConstraint)

/** A [GRU] layer; initializers as objects or Keras names. */
public fun gruLayer(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    resetAfter: Boolean = true, returnSequences: Boolean = false, returnState: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): GRU = GRU(units, name).configure(activation, useBias, returnSequences, returnState, goBackwards, dropout, recurrentDropout,
    kernelInitializer, recurrentInitializer, biasInitializer)
    .recurrentActivation(recurrentActivation).resetAfter(resetAfter)
    .withRecurrentWeights(kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint,
        recurrentConstraint, biasConstraint)

// ---- Sequential ------------------------------------------------------------------------------------------

/** Appends the layer, unless it is the wrapped one: then [wrapped] replaces the model's last layer when that is it. */
private fun SequentialBuilder.replaceLast(inner: Layer, wrapper: Layer) {
    val layers = model.layers()
    if (layers.isNotEmpty() && layers[layers.size - 1] === inner) model.pop()
    layer(wrapper)
}

/** Appends a [SimpleRNN]: `simpleRnn(32, returnSequences = true)`. */
public fun SequentialBuilder.simpleRnn(
    units: Int, activation: Activation = tanh, useBias: Boolean = true, returnSequences: Boolean = false,
    goBackwards: Boolean = false, dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): SimpleRNN = simpleRnnLayer(units, activation, useBias, returnSequences, false, goBackwards, dropout, recurrentDropout, name,
    kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)
    .also { layer(it) }

/** Appends an [LSTM]: `lstm(32)`. */
public fun SequentialBuilder.lstm(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    unitForgetBias: Boolean = true, returnSequences: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): LSTM = lstmLayer(units, activation, recurrentActivation, useBias, unitForgetBias, returnSequences, false, goBackwards,
    dropout, recurrentDropout, name, kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)
    .also { layer(it) }

/** Appends a [GRU]: `gru(32, dropout = 0.2)`. */
public fun SequentialBuilder.gru(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    resetAfter: Boolean = true, returnSequences: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): GRU = gruLayer(units, activation, recurrentActivation, useBias, resetAfter, returnSequences, false, goBackwards,
    dropout, recurrentDropout, name, kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)
    .also { layer(it) }

/**
 * Appends a [Bidirectional] around [layer]: `bidirectional(lstm(32, returnSequences = true))`. When
 * [layer] was just appended (as `lstm(...)` here does), it is taken back first.
 */
public fun SequentialBuilder.bidirectional(
    layer: BaseRNN<*>, mergeMode: String? = "concat", backwardLayer: BaseRNN<*>? = null, name: String? = null,
): Bidirectional = Bidirectional(layer, mergeMode, backwardLayer, name).also { replaceLast(layer, it) }

/** Appends a [TimeDistributed] around [layer]: `timeDistributed(Dense(8))`; a just-appended [layer] is taken back first. */
public fun SequentialBuilder.timeDistributed(layer: Layer, name: String? = null): TimeDistributed =
    TimeDistributed(layer, name).also { replaceLast(layer, it) }

// ---- functional -------------------------------------------------------------------------------------------

/** A [SimpleRNN] to call on a symbolic tensor. */
public fun FunctionalBuilder.simpleRnn(
    units: Int, activation: Activation = tanh, useBias: Boolean = true, returnSequences: Boolean = false,
    returnState: Boolean = false, goBackwards: Boolean = false, dropout: Double = 0.0, recurrentDropout: Double = 0.0,
    name: String? = null, kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): SimpleRNN = simpleRnnLayer(units, activation, useBias, returnSequences, returnState, goBackwards, dropout, recurrentDropout, name,
    kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)

/** An [LSTM] to call on a symbolic tensor: `val encoded = lstm(32)(embedded)`. */
public fun FunctionalBuilder.lstm(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    unitForgetBias: Boolean = true, returnSequences: Boolean = false, returnState: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): LSTM = lstmLayer(units, activation, recurrentActivation, useBias, unitForgetBias, returnSequences, returnState, goBackwards,
    dropout, recurrentDropout, name, kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)

/** A [GRU] to call on a symbolic tensor. */
public fun FunctionalBuilder.gru(
    units: Int, activation: Activation = tanh, recurrentActivation: Activation = sigmoid, useBias: Boolean = true,
    resetAfter: Boolean = true, returnSequences: Boolean = false, returnState: Boolean = false, goBackwards: Boolean = false,
    dropout: Double = 0.0, recurrentDropout: Double = 0.0, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", recurrentInitializer: Any = "orthogonal", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, recurrentRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, recurrentConstraint: Any? = null, biasConstraint: Any? = null,
): GRU = gruLayer(units, activation, recurrentActivation, useBias, resetAfter, returnSequences, returnState, goBackwards,
    dropout, recurrentDropout, name, kernelInitializer, recurrentInitializer, biasInitializer,
    kernelRegularizer, recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint, biasConstraint)

/** A [Bidirectional] around [layer], to call on a symbolic tensor: `bidirectional(lstm(16))(x)`. */
public fun FunctionalBuilder.bidirectional(
    layer: BaseRNN<*>, mergeMode: String? = "concat", backwardLayer: BaseRNN<*>? = null, name: String? = null,
): Bidirectional = Bidirectional(layer, mergeMode, backwardLayer, name)

/** A [TimeDistributed] around [layer], to call on a symbolic tensor. */
public fun FunctionalBuilder.timeDistributed(layer: Layer, name: String? = null): TimeDistributed = TimeDistributed(layer, name)

// ---- calls with states ----------------------------------------------------------------------------------------

/**
 * Calls a recurrent layer on a symbolic sequence starting from [initialState] (LSTM: `listOf(h, c)`);
 * every output, states included with returnState: `val (y) = decoder(x, initialState = encoderStates)`.
 */
public operator fun BaseRNN<*>.invoke(input: KerasTensor, initialState: List<KerasTensor>): List<KerasTensor> =
    applyWithState(input, initialState)

/** Calls a [Bidirectional] on a symbolic sequence with the forward layer's initial states, then the backward one's. */
public operator fun Bidirectional.invoke(input: KerasTensor, initialState: List<KerasTensor>): List<KerasTensor> =
    applyWithState(input, initialState)

/** Runs a recurrent layer on data from [initialState]; every output. */
public operator fun BaseRNN<*>.invoke(input: Tensor, initialState: List<Tensor>, training: Boolean = false): List<Tensor> =
    applyWithState(input, initialState, training)

/** Every output of a layer called on a symbolic tensor: `val (seq, h, c) = lstm(32, returnSequences = true, returnState = true).allOutputs(x)`. */
public fun Layer.allOutputs(input: KerasTensor): List<KerasTensor> = applyMulti(listOf(input))
