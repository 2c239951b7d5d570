package io.cornu.dsl

import io.cornu.engine.losses.Huber
import io.cornu.engine.losses.Loss
import io.cornu.engine.losses.Reduction
import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf

class LossReductionSpec : StringSpec({
    beforeTest { Names.reset() }

    val yTrue = Tensor.of(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(0f, 1f), floatArrayOf(3f, 3f)))
    val yPred = Tensor.of(arrayOf(floatArrayOf(1.5f, 2f), floatArrayOf(1f, 1f), floatArrayOf(3f, 1f)))
    val weights = Tensor.of(floatArrayOf(1f, 2f, 0.5f))
    // per-sample mean squared errors, by hand: (0.25 + 0) / 2, (1 + 0) / 2, (0 + 4) / 2
    val perSample = doubleArrayOf(0.125, 0.5, 2.0)
    val w = doubleArrayOf(1.0, 2.0, 0.5)

    "every loss function takes Keras' reduction and name" {
        val weighted = perSample.indices.sumOf { perSample[it] * w[it] }
        meanSquaredError(reduction = "sum").apply(yTrue, yPred, weights).item().toDouble() shouldBe (weighted plusOrMinus 1e-6)
        meanSquaredError().apply(yTrue, yPred, weights).item().toDouble() shouldBe (weighted / 3 plusOrMinus 1e-6)
        meanSquaredError(reduction = "mean_with_sample_weight").apply(yTrue, yPred, weights).item().toDouble() shouldBe
            (weighted / 3.5 plusOrMinus 1e-6)
        val none = meanSquaredError(reduction = "none").apply(yTrue, yPred).toFloatArray()
        none.map { it.toDouble() } shouldBe perSample.toList()
        meanSquaredError(reduction = null).reduction() shouldBe Reduction.NONE   // Keras' None
        meanSquaredError(name = "my_mse").name() shouldBe "my_mse"

        huber(delta = 0.5f, reduction = "sum", name = "h").shouldBeInstanceOf<Huber>().config shouldBe
            mapOf("name" to "h", "reduction" to "sum", "delta" to 0.5f)
        val losses: List<Loss> = listOf(
            categoricalCrossentropy(reduction = "sum"), sparseCategoricalCrossentropy(reduction = "sum"),
            binaryCrossentropy(reduction = "sum"), binaryFocalCrossentropy(reduction = "sum"), meanAbsoluteError(reduction = "sum"),
            meanAbsolutePercentageError(reduction = "sum"), meanSquaredLogarithmicError(reduction = "sum"), logCosh(reduction = "sum"),
            klDivergence(reduction = "sum"), poisson(reduction = "sum"), cosineSimilarity(reduction = "sum"), hinge(reduction = "sum"),
            squaredHinge(reduction = "sum"), categoricalHinge(reduction = "sum"))
        losses.forEach { it.reduction() shouldBe Reduction.SUM }
        // the values keep Keras' defaults
        meanSquaredError.reduction() shouldBe Reduction.SUM_OVER_BATCH_SIZE
    }

    "a custom loss takes a reduction too" {
        val summed = loss("sq", reduction = "sum") { t, p -> Ops.square(p - t) }
        summed.apply(yTrue, yPred).item().toDouble() shouldBe ((0.25 + 1.0 + 4.0) plusOrMinus 1e-6)
        summed.config shouldBe mapOf("name" to "sq", "reduction" to "sum")
    }

    "an unknown reduction is Keras' error" {
        shouldThrow<IllegalArgumentException> { meanSquaredError(reduction = "auto") }.message shouldStartWith
            "Invalid value for argument `reduction`. Expected one of [sum_over_batch_size, sum, mean, mean_with_sample_weight, none]"
    }

    "compile with a summed loss takes batch-size times the mean's step" {
        fun model() = sequential {
            input(2)
            dense(1)
        }
        val x = Tensor.of(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(-1f, 0.5f), floatArrayOf(0f, 1f), floatArrayOf(2f, -1f)))
        val y = Tensor.of(arrayOf(floatArrayOf(1f), floatArrayOf(0f), floatArrayOf(-1f), floatArrayOf(0.5f)))
        val mean = model()
        val sum = model()
        sum.setWeights(mean.getWeights())
        val start = mean.getWeights().map { it.toFloatArray() }
        mean.compile { optimizer = sgd(learningRate = 0.01); loss = meanSquaredError }
        sum.compile { optimizer = sgd(learningRate = 0.01); loss = meanSquaredError(reduction = "sum") }
        mean.trainOnBatch(x, y)
        sum.trainOnBatch(x, y)
        for (i in start.indices) {
            val dMean = mean.getWeights()[i].toFloatArray()
            val dSum = sum.getWeights()[i].toFloatArray()
            for (j in dMean.indices) {
                (dSum[j] - start[i][j]).toDouble() shouldBe (4.0 * (dMean[j] - start[i][j]) plusOrMinus 1e-5)
            }
        }
    }
})
