package io.cornu.dsl

import io.cornu.engine.activations.Activation

/** `max(x, 0)`. */
public val relu: Activation get() = Activation.RELU

/** Softmax over the last axis. */
public val softmax: Activation get() = Activation.SOFTMAX

/** The identity. */
public val linear: Activation get() = Activation.LINEAR

/** The logistic function. */
public val sigmoid: Activation get() = Activation.SIGMOID

/** Hyperbolic tangent. */
public val tanh: Activation get() = Activation.TANH

/** `log(1 + exp(x))`. */
public val softplus: Activation get() = Activation.SOFTPLUS

/** `x / (1 + |x|)`. */
public val softsign: Activation get() = Activation.SOFTSIGN

/** Scaled ELU. */
public val selu: Activation get() = Activation.SELU

/** Exponential linear unit. */
public val elu: Activation get() = Activation.ELU

/** Gaussian error linear unit (tanh approximation, Keras' default). */
public val gelu: Activation get() = Activation.GELU

/** `x * sigmoid(x)`. */
public val silu: Activation get() = Activation.SILU

/** `x * sigmoid(x)`, Keras' other name for silu. */
public val swish: Activation get() = Activation.SILU

/** `min(max(x, 0), 6)`. */
public val relu6: Activation get() = Activation.RELU6

/** Leaky ReLU with Keras' default slope 0.2. */
public val leakyRelu: Activation get() = Activation.LEAKY_RELU

/** `relu6(x + 3) / 6`. */
public val hardSigmoid: Activation get() = Activation.HARD_SIGMOID
