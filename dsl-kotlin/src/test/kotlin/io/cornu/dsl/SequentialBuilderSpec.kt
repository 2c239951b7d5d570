package io.cornu.dsl

import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.models.Sequential
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

class SequentialBuilderSpec : StringSpec({
    beforeTest { Names.reset() }

    "the DSL builds the same model as the engine API" {
        val dsl = sequential {
            input(64)
            dense(32, activation = relu)
            dense(32, activation = relu)
            dense(10, activation = softmax)
        }
        Names.reset()
        val engine = Sequential().apply {
            add(InputLayer(64))
            add(Dense(32, "relu"))
            add(Dense(32, "relu"))
            add(Dense(10, "softmax"))
        }
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
        dsl.countParams() shouldBe 3466L
    }

    "layer arguments are checked with Keras' message" {
        val e = shouldThrow<IllegalArgumentException> { sequential { input(4); dense(-3) } }
        e.message shouldContain "Received: units=-3"
    }

    "compile and fit from the DSL reduce the loss" {
        RandomSeed.set(7)
        // two Gaussian blobs, one-hot labels
        val n = 256
        val x = FloatArray(n * 2)
        val y = FloatArray(n * 2)
        val rng = java.util.Random(1)
        for (i in 0 until n) {
            val c = i % 2
            x[2 * i] = (rng.nextGaussian() * 0.5 + if (c == 0) -1.0 else 1.0).toFloat()
            x[2 * i + 1] = (rng.nextGaussian() * 0.5).toFloat()
            y[2 * i + c] = 1f
        }
        val model = sequential {
            input(2)
            dense(8, activation = relu)
            dense(2, activation = softmax)
        }
        model.compile {
            optimizer = rmsprop(learningRate = 0.01f)
            loss = "categorical_crossentropy"
            metrics("accuracy")
        }
        val history = model.fit(Tensor.wrap(x, n, 2), Tensor.wrap(y, n, 2), epochs = 10, batchSize = 32, verbose = 0)
        val losses = history.get("loss")
        losses.size shouldBe 10
        losses.last() shouldBeLessThan losses.first()
        history.get("accuracy").last() shouldBeLessThan 1.0000001
        (history.get("accuracy").last() > 0.9) shouldBe true
    }

    "tensor operators broadcast like the ops" {
        val a = Tensor.of(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(3f, 4f)))
        val b = Tensor.of(floatArrayOf(10f, 20f))
        (a + b).toFloatArray().toList() shouldContainExactly listOf(11f, 22f, 13f, 24f)
        (a * 2f).toFloatArray().toList() shouldContainExactly listOf(2f, 4f, 6f, 8f)
        (a matmul a).toFloatArray().toList() shouldContainExactly listOf(7f, 10f, 15f, 22f)
    }
})
