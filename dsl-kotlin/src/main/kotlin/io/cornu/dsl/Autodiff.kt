package io.cornu.dsl

import io.cornu.engine.autodiff.GradientTape
import io.cornu.engine.autodiff.Variable
import io.cornu.engine.tensor.Tensor

/**
 * Records the ops in [block] on a [GradientTape], as TensorFlow's `with tf.GradientTape() as tape:`;
 * the tape stays usable for [GradientTape.gradient] inside the block.
 * ```
 * val (dw, db) = gradientTape { tape ->
 *     val loss = mean(square(x matmul w + b - y))
 *     tape.gradient(loss, listOf(w, b))
 * }
 * ```
 */
public inline fun <R> gradientTape(persistent: Boolean = false, block: (GradientTape) -> R): R {
    val tape = GradientTape(persistent)
    try {
        return block(tape)
    } finally {
        tape.close()
    }
}

/** A trainable variable initialised with [value]: `val w = variable("w", Tensor.zeros(3, 2))`. */
public fun variable(name: String, value: Tensor, trainable: Boolean = true): Variable = Variable(name, value, trainable)
