package io.cornu.dsl

import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Tensor
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith

class AutodiffSpec : StringSpec({
    "gradients of a least-squares loss written with operators" {
        val x = Tensor.of(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(3f, 4f)))
        val y = Tensor.of(arrayOf(floatArrayOf(1f), floatArrayOf(0f)))
        val w = variable("w", Tensor.of(arrayOf(floatArrayOf(0.5f), floatArrayOf(-1f))))
        val grads = gradientTape { tape ->
            val err = (x matmul w) - y
            val loss = Ops.sum(err * err)
            tape.gradient(loss, listOf(w))
        }
        // d/dw sum((xw - y)^2) = 2 x^T (xw - y); xw - y = [-2.5, -2.5]
        grads[0].toFloatArray().toList() shouldBe listOf(2f * (1 * -2.5f + 3 * -2.5f), 2f * (2 * -2.5f + 4 * -2.5f))
    }

    "a persistent tape gives several gradients; a plain one only one" {
        val w = variable("w", Tensor.scalar(3f))
        gradientTape(persistent = true) { tape ->
            val y = w * w
            val z = y * y
            tape.gradient(y, listOf(w))[0].item() shouldBe 6f
            tape.gradient(z, listOf(w))[0].item() shouldBe 108f
        }
        val err = shouldThrow<IllegalStateException> {
            gradientTape { tape ->
                val y = w * w
                tape.gradient(y, listOf(w))
                tape.gradient(y, listOf(w))
            }
        }
        err.message!! shouldStartWith "GradientTape.gradient can only be called once"
    }
})
