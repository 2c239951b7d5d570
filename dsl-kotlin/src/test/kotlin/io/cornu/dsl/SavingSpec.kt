package io.cornu.dsl

import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.core.spec.style.StringSpec
import java.nio.file.Files
import io.kotest.matchers.shouldBe

class SavingSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(4)
    }

    val x = Tensor.of(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(-1f, 0.5f), floatArrayOf(0f, 1f), floatArrayOf(2f, -1f)))
    val y = Tensor.of(arrayOf(floatArrayOf(1f, 0f), floatArrayOf(0f, 1f), floatArrayOf(0f, 1f), floatArrayOf(1f, 0f)))

    "optimizer state reads as Keras': variables, iterations, learningRate" {
        val m = sequential {
            input(2)
            dense(2, activation = softmax)
        }
        m.compile { optimizer = adam(learningRate = 0.01); loss = categoricalCrossentropy }
        m.optimizer().variables shouldBe emptyList()
        m.trainOnBatch(x, y)
        m.optimizer().iterations shouldBe 1L
        m.optimizer().variables.map { it.name() } shouldBe
            listOf("Adam/dense_kernel_momentum", "Adam/dense_kernel_velocity", "Adam/dense_bias_momentum", "Adam/dense_bias_velocity")
        m.optimizer().learningRate shouldBe 0.01f
        m.optimizer().learningRate = 0.001f
        m.optimizer().learningRate() shouldBe 0.001f
    }

    "save and loadModel keep the optimizer: training on gives the same step" {
        val m = sequential {
            input(2)
            dense(3, activation = relu)
            dense(2, activation = softmax)
        }
        m.compile { optimizer = adam(learningRate = 0.01); loss = categoricalCrossentropy(reduction = "sum"); metrics("accuracy") }
        repeat(3) { m.trainOnBatch(x, y) }
        val dir = Files.createTempDirectory("cornu-saving-spec")
        val file = dir.resolve("m.cornu")
        m.save(file)
        val loaded = loadModel(file)
        loaded.optimizer().iterations shouldBe 3L
        loaded.compiledLoss().losses()[0].reduction().kerasName() shouldBe "sum"
        m.trainOnBatch(x, y) shouldBe loaded.trainOnBatch(x, y)
        for (i in m.weights().indices) loaded.weights()[i].toFloatArray().toList() shouldBe m.weights()[i].toFloatArray().toList()
        loadModel(file.toString(), compile = false).isCompiled shouldBe false
        dir.toFile().deleteRecursively()
    }
})
