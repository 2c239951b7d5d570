package io.cornu.dsl

import io.cornu.engine.losses.BinaryCrossentropy
import io.cornu.engine.losses.CategoricalCrossentropy
import io.cornu.engine.losses.Huber
import io.cornu.engine.losses.SparseCategoricalCrossentropy
import io.cornu.engine.metrics.AUC
import io.cornu.engine.metrics.Metric
import io.cornu.engine.metrics.Precision
import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf

class LossesMetricsSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(5)
    }

    /** Two blobs, one-hot labels. */
    fun blobs(n: Int): Pair<Tensor, Tensor> {
        val x = FloatArray(n * 2)
        val y = FloatArray(n * 2)
        val rng = java.util.Random(9)
        for (i in 0 until n) {
            val c = i % 2
            x[2 * i] = (rng.nextGaussian() * 0.4 + if (c == 0) -1.0 else 1.0).toFloat()
            x[2 * i + 1] = rng.nextGaussian().toFloat()
            y[2 * i + c] = 1f
        }
        return Tensor.wrap(x, n, 2) to Tensor.wrap(y, n, 2)
    }

    "loss values are Keras' losses with their defaults, loss functions take Keras' options" {
        categoricalCrossentropy.shouldBeInstanceOf<CategoricalCrossentropy>().fromLogits() shouldBe false
        categoricalCrossentropy(fromLogits = true, labelSmoothing = 0.1f).shouldBeInstanceOf<CategoricalCrossentropy>().labelSmoothing() shouldBe 0.1f
        binaryCrossentropy(fromLogits = true).shouldBeInstanceOf<BinaryCrossentropy>().fromLogits() shouldBe true
        sparseCategoricalCrossentropy(fromLogits = true).shouldBeInstanceOf<SparseCategoricalCrossentropy>().fromLogits() shouldBe true
        huber(delta = 0.5f).shouldBeInstanceOf<Huber>().delta() shouldBe 0.5f
        meanSquaredError.name() shouldBe "mean_squared_error"
        klDivergence.name() shouldBe "kl_divergence"
        (categoricalCrossentropy !== categoricalCrossentropy) shouldBe true
        // Keras' documented value through the DSL
        val y = Tensor.of(arrayOf(floatArrayOf(0f, 1f, 0f), floatArrayOf(0f, 0f, 1f)))
        val p = Tensor.of(arrayOf(floatArrayOf(0.05f, 0.95f, 0f), floatArrayOf(0.1f, 0.8f, 0.1f)))
        categoricalCrossentropy.apply(y, p).item().toDouble() shouldBe (1.177 plusOrMinus 1e-3)
        huber().apply(Tensor.of(arrayOf(floatArrayOf(0f, 1f), floatArrayOf(0f, 0f))),
            Tensor.of(arrayOf(floatArrayOf(0.6f, 0.4f), floatArrayOf(0.4f, 0.6f)))).item().toDouble() shouldBe (0.155 plusOrMinus 1e-6)
    }

    "compile { loss = categoricalCrossentropy; metrics(...) } trains and logs every metric by name" {
        val (x, y) = blobs(256)
        val model = sequential {
            input(2)
            dense(8, activation = relu)
            dense(2, activation = softmax)
        }
        model.compile {
            optimizer = rmsprop(learningRate = 0.01f)
            loss = categoricalCrossentropy
            metrics("accuracy", precision(), recall(), auc(), "mae")
        }
        val history = model.fit(x, y, epochs = 8, batchSize = 32, verbose = 0)
        history.history().keys shouldContainAll listOf("loss", "accuracy", "precision", "recall", "auc", "mae")
        val losses = history.get("loss")
        losses.last() shouldBeLessThan losses.first()
        history.get("accuracy").last() shouldBeGreaterThan 0.9
        history.get("auc").last() shouldBeGreaterThan 0.9
    }

    "a custom loss written in Kotlin differentiates and trains" {
        val quartic = loss("quartic") { yTrue, yPred -> Ops.mean(Ops.square(Ops.square(yPred - yTrue)), -1) }
        val rng = java.util.Random(2)
        val x = FloatArray(64 * 3) { rng.nextGaussian().toFloat() }
        val y = FloatArray(64) { i -> 0.3f * x[3 * i] - 0.2f * x[3 * i + 1] + 0.1f * x[3 * i + 2] + 0.2f }
        val model = sequential {
            input(3)
            dense(1)
        }
        model.compile {
            optimizer = "sgd"
            loss = quartic
        }
        val losses = model.fit(Tensor.wrap(x, 64, 3), Tensor.wrap(y, 64, 1), epochs = 30, batchSize = 16, verbose = 0).get("loss")
        losses.last() shouldBeLessThan 0.5 * losses.first()
    }

    "the focal loss as a Kotlin function equals binaryFocalCrossentropy" {
        val focal = loss("focal") { yTrue, yPred ->
            val p = Ops.clip(yPred, 1e-7f, 1f - 1e-7f)
            val one = Tensor.scalar(1f)
            val pT = yTrue * p + (one - yTrue) * (one - p)
            Ops.mean(-(Ops.square(one - pT) * Ops.log(pT)), -1)
        }
        val y = Tensor.of(arrayOf(floatArrayOf(0f, 1f, 1f), floatArrayOf(1f, 0f, 0f)))
        val p = Tensor.of(arrayOf(floatArrayOf(0.2f, 0.7f, 0.4f), floatArrayOf(0.55f, 0.3f, 0.8f)))
        focal.apply(y, p).item().toDouble() shouldBe (binaryFocalCrossentropy().apply(y, p).item().toDouble() plusOrMinus 1e-6)
    }

    "metric factories keep their state across batches" {
        val m = mae()
        m.name() shouldBe "mean_absolute_error"
        m.updateState(Tensor.of(floatArrayOf(0f, 1f)), Tensor.of(floatArrayOf(1f, 1f)))
        m.updateState(Tensor.of(floatArrayOf(2f)), Tensor.of(floatArrayOf(0f)))
        m.result() shouldBe (1.0 plusOrMinus 1e-9)   // (1 + 0 + 2) / 3
        precision(threshold = 0f).shouldBeInstanceOf<Precision>().threshold() shouldBe 0f
        auc(numThresholds = 3).shouldBeInstanceOf<AUC>().numThresholds() shouldBe 3
        val a = auc(numThresholds = 3)
        a.updateState(Tensor.of(floatArrayOf(0f, 0f, 1f, 1f)), Tensor.of(floatArrayOf(0f, 0.5f, 0.3f, 0.9f)))
        a.result() shouldBe (0.75 plusOrMinus 1e-9)
        val top2 = topKCategoricalAccuracy(k = 2)
        top2.updateState(Tensor.of(arrayOf(floatArrayOf(0f, 0f, 1f))), Tensor.of(arrayOf(floatArrayOf(0.1f, 0.9f, 0.8f))))
        top2.result() shouldBe 1.0
    }

    "custom metrics: a function over ops, or a Metric subclass" {
        val maxError = metric("max_error") { yTrue, yPred -> Ops.max(Ops.abs(yPred - yTrue), -1) }
        maxError.updateState(Tensor.of(arrayOf(floatArrayOf(0f, 0f))), Tensor.of(arrayOf(floatArrayOf(1f, -3f))))
        maxError.updateState(Tensor.of(arrayOf(floatArrayOf(0f, 0f))), Tensor.of(arrayOf(floatArrayOf(1f, 0f))))
        maxError.result() shouldBe (2.0 plusOrMinus 1e-9)

        val seen = object : Metric("samples_seen") {
            var count = 0.0
            override fun updateState(yTrue: Tensor, yPred: Tensor, sampleWeight: Tensor?) {
                count += yPred.dim(0)
            }
            override fun result(): Double = count
            override fun resetState() {
                count = 0.0
            }
        }
        val (x, y) = blobs(40)
        val model = sequential {
            input(2)
            dense(2, activation = softmax)
        }
        model.compile {
            optimizer = "sgd"
            loss = categoricalCrossentropy
            metrics(seen, categoricalAccuracy(name = "acc"))
        }
        val logs = model.evaluate(x, y)
        logs["samples_seen"] shouldBe 40.0
        (logs["acc"]!! in 0.0..1.0) shouldBe true
    }
})
