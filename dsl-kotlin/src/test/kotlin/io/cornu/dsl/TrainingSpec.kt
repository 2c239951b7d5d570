package io.cornu.dsl

import io.cornu.engine.models.Sequential
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.CompletableDeferred

class TrainingSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(3)
    }

    /** Two blobs, one-hot labels. */
    fun blobs(n: Int): Pair<Tensor, Tensor> {
        val x = FloatArray(n * 2)
        val y = FloatArray(n * 2)
        val rng = java.util.Random(5)
        for (i in 0 until n) {
            val c = i % 2
            x[2 * i] = (rng.nextGaussian() * 0.4 + if (c == 0) -1.0 else 1.0).toFloat()
            x[2 * i + 1] = rng.nextGaussian().toFloat()
            y[2 * i + c] = 1f
        }
        return Tensor.wrap(x, n, 2) to Tensor.wrap(y, n, 2)
    }

    fun model(): Sequential = sequential {
        input(2)
        dense(8, activation = relu)
        dense(2, activation = softmax)
    }

    "fit with a block and callbacks, as Keras' fit(..., callbacks=[EarlyStopping(...)])" {
        val (x, y) = blobs(128)
        val m = model()
        m.compile { optimizer = rmsprop(learningRate = 1e-3); loss = categoricalCrossentropy; metrics("accuracy") }
        val seen = mutableListOf<Int>()
        val history = m.fit(x, y) {
            epochs = 4
            batchSize = 32
            verbose = 0
            validationSplit = 0.25
            callbacks {
                earlyStopping(monitor = "val_loss", patience = 10)
                onEpochEnd { epoch, _ -> seen += epoch }
            }
        }
        history.epoch() shouldContainExactly listOf(0, 1, 2, 3)
        seen shouldContainExactly listOf(0, 1, 2, 3)
        history.history().keys.toList() shouldContainExactly listOf("loss", "accuracy", "val_loss", "val_accuracy")
    }

    "compile with losses and weights per output name" {
        val m = functional("two") {
            val x = input(2)
            val h = dense(4, activation = relu)(x)
            outputs(dense(2, activation = softmax, name = "a")(h), dense(2, activation = softmax, name = "b")(h))
        }
        m.compile {
            optimizer = "sgd"
            loss = mapOf("a" to "categorical_crossentropy", "b" to "categorical_crossentropy")
            lossWeights = mapOf("a" to 1.0, "b" to 0.5)
            metrics("a" to listOf("accuracy"))
        }
        val (x, y) = blobs(16)
        val logs = m.testOnBatch(listOf(x), listOf(y, y))
        logs.keys.toList() shouldContainExactly listOf("loss", "a_loss", "b_loss", "a_accuracy")
        (Math.abs(logs["loss"]!! - (logs["a_loss"]!! + 0.5 * logs["b_loss"]!!)) < 1e-5) shouldBe true
    }

    "fitFlow is cold and reports batches, epochs, then the run" {
        val (x, y) = blobs(64)
        val m = model()
        m.compile { loss = "categorical_crossentropy" }
        val flow = m.fitFlow(x, y) { epochs = 2; batchSize = 32 }
        m.optimizer().iterations() shouldBe 0L // nothing runs before collection
        val events = flow.toList()
        events.map { it::class.simpleName } shouldContainExactly
            listOf("BatchEnd", "BatchEnd", "EpochEnd", "BatchEnd", "BatchEnd", "EpochEnd", "TrainEnd")
        events.last().shouldBeInstanceOf<TrainingEvent.TrainEnd>().history.epoch() shouldContainExactly listOf(0, 1)
    }

    "cancelling the collector stops training after the current batch" {
        val (x, y) = blobs(4096)
        val m = model()
        m.compile { loss = "categorical_crossentropy" }
        val started = CompletableDeferred<Unit>()
        coroutineScope {
            val job = launch {
                m.fitFlow(x, y) { epochs = 1000; batchSize = 8 }.collect {
                    if (it is TrainingEvent.BatchEnd && it.batch == 3) started.complete(Unit)
                }
            }
            started.await()
            job.cancelAndJoin()
        }
        val stoppedAt = m.optimizer().iterations()
        delay(300)
        m.optimizer().iterations() shouldBe stoppedAt // no update after cancellation returned
        stoppedAt shouldBeGreaterThan 3L
        stoppedAt shouldBeLessThan 512L * 1000L
        m.stopTraining() shouldBe true
        // the weights are whole: the model still predicts finite probabilities
        m.predict(x.sliceRows(0, 4)).toFloatArray().all { it.isFinite() } shouldBe true
    }

    "fitSuspending returns the history" {
        val (x, y) = blobs(32)
        val m = model()
        m.compile { loss = "categorical_crossentropy"; metrics("accuracy") }
        var epochs = 0
        val h = m.fitSuspending(x, y, onEvent = { if (it is TrainingEvent.EpochEnd) epochs++ }) { this.epochs = 3; batchSize = 16 }
        epochs shouldBe 3
        h.get("loss").size shouldBe 3
    }
})
