package io.cornu.dsl

import io.cornu.engine.activations.Activation

/** `max(x, 0)`. */
public val relu: Activation get() = Activation.RELU

/** Softmax over the last axis. */
public val softmax: Activation get() = Activation.SOFTMAX

/** The identity. */
public val linear: Activation get() = Activation.LINEAR
