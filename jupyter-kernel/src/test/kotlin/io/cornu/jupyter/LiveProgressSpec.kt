package io.cornu.jupyter

import io.cornu.engine.callbacks.ProgbarLogger
import io.cornu.engine.tensor.Tensor
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import java.lang.reflect.Proxy

/** A kernel host that only records `display` and `updateDisplay`. */
private fun recordingHost(events: MutableList<DisplayEvent>): KotlinKernelHost =
    Proxy.newProxyInstance(KotlinKernelHost::class.java.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, method, args ->
        when (method.name) {
            "display" -> events += DisplayEvent("display", args.getOrNull(1) as String?, args[0])
            "updateDisplay" -> events += DisplayEvent("update", args.getOrNull(1) as String?, args[0])
            else -> throw UnsupportedOperationException(method.name)
        }
        Unit
    } as KotlinKernelHost

/**
 * Drives a LiveProgress through `epochs` x `steps` batches, `msPerBatch` apart on a fake clock; with
 * `validationSteps`, a validation pass of that many batches (through the test hooks, as `fit` does,
 * taking no time) ends each epoch.
 */
private fun run(progress: LiveProgress, clock: LongArray, epochs: Int, steps: Int, msPerBatch: Long, validationSteps: Int = 0) {
    progress.setParams(mapOf("epochs" to epochs, "steps" to steps, "verbose" to 1))
    progress.onTrainBegin(emptyMap())
    for (e in 0 until epochs) {
        progress.onEpochBegin(e, emptyMap())
        for (b in 0 until steps) {
            clock[0] += msPerBatch * 1_000_000
            progress.onTrainBatchEnd(b, mapOf("loss" to 1.0 / (b + 1)))
        }
        if (validationSteps > 0) {
            progress.onTestBegin(emptyMap())
            for (b in 0 until validationSteps) {
                progress.onTestBatchBegin(b, emptyMap())
                progress.onTestBatchEnd(b, mapOf("loss" to 0.7))
            }
            progress.onTestEnd(mapOf("loss" to 0.7))
        }
        progress.onEpochEnd(e, mapOf("loss" to 0.5 - e * 0.1, "accuracy" to 0.8 + e * 0.01))
    }
    progress.onTrainEnd(emptyMap())
}

class LiveProgressSpec : StringSpec({
    "one display, then updates throttled to the interval, plus every epoch end and the end" {
        val events = mutableListOf<DisplayEvent>()
        val clock = longArrayOf(0)
        val progress = LiveProgress(recordingHost(events), verbose = 1, minIntervalMillis = 200, nanoTime = { clock[0] })
        run(progress, clock, epochs = 2, steps = 100, msPerBatch = 10)   // 1 s per epoch

        events.first().kind shouldBe "display"
        events.filter { it.kind == "display" } shouldHaveSize 1
        events.forEach { it.id shouldBe progress.displayId }
        // 1 s per epoch at 200 ms: about 5 batch redraws per epoch, 1 per epoch end, 1 at the end
        (events.size - 1) shouldBeInRange 8..14
        events.last().html shouldContain "Trained 2/2 epochs"
        events.last().text shouldContain "Epoch 2/2"
        events.last().text shouldContain "100/100 [==============================]"
    }

    "a running frame shows epoch x/N, the step bar, elapsed time, ETA and the current metrics" {
        val events = mutableListOf<DisplayEvent>()
        val clock = longArrayOf(0)
        val progress = LiveProgress(recordingHost(events), minIntervalMillis = 0, nanoTime = { clock[0] })
        progress.setParams(mapOf("epochs" to 5, "steps" to 469, "verbose" to 1))
        progress.onTrainBegin(emptyMap())
        progress.onEpochBegin(0, emptyMap())
        clock[0] += 2_000_000_000L
        progress.onTrainBatchEnd(233, mapOf("loss" to 0.6123, "accuracy" to 0.7891))
        val html = events.last().html
        html shouldContain "Epoch 1/5"
        html shouldContain "234/469"
        html shouldContain "width:49.9%"
        html shouldContain "2s &middot; ETA 2s"
        html shouldContain "loss: 0.6123 &middot; accuracy: 0.7891"
        events.last().text shouldContain "234/469 ["
    }

    "verbose = 2 redraws only at epoch ends" {
        val events = mutableListOf<DisplayEvent>()
        val clock = longArrayOf(0)
        val progress = LiveProgress(recordingHost(events), verbose = 2, minIntervalMillis = 0, nanoTime = { clock[0] })
        run(progress, clock, epochs = 3, steps = 50, msPerBatch = 10)
        // display at the start; epoch begins (after the first) may redraw; 3 epoch ends; the end
        events.count { it.kind == "update" && it.html.contains("Trained") } shouldBe 1
        events.size shouldBeInRange 5..7
    }

    "a failing display never breaks training" {
        val host = Proxy.newProxyInstance(KotlinKernelHost::class.java.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, _, _ ->
            throw IllegalStateException("no connection")
        } as KotlinKernelHost
        val clock = longArrayOf(0)
        run(LiveProgress(host, nanoTime = { clock[0] }), clock, epochs = 1, steps = 10, msPerBatch = 10)
    }

    "evaluate: one display, throttled updates, and a last frame with Keras' line and the results" {
        val events = mutableListOf<DisplayEvent>()
        val clock = longArrayOf(0)
        val progress = LiveProgress(recordingHost(events), verbose = 1, minIntervalMillis = 100, nanoTime = { clock[0] })
        progress.setParams(mapOf("epochs" to 1, "steps" to 50, "verbose" to 1))
        progress.onTestBegin(emptyMap())
        for (b in 0 until 50) {
            clock[0] += 8_000_000L
            progress.onTestBatchBegin(b, emptyMap())
            progress.onTestBatchEnd(b, mapOf("loss" to 0.3, "accuracy" to 0.5))
            if (b == 25) {   // 208 ms: the second redraw
                events.last().html shouldContain "Evaluating"
                events.last().html shouldContain "26/50"
                events.last().text shouldBe ProgbarLogger.line(26, 50, 0.208, mapOf("loss" to 0.3, "accuracy" to 0.5), false)
            }
        }
        progress.onTestEnd(mapOf("loss" to 0.25, "accuracy" to 0.9))

        events.filter { it.kind == "display" } shouldHaveSize 1
        events.first().kind shouldBe "display"
        events.forEach { it.id shouldBe progress.displayId }
        // 0.4 s at 100 ms: 3 batch redraws (at 104, 208 and 312 ms), and the end
        (events.size - 1) shouldBe 4
        events.last().html shouldContain "Evaluated"
        events.last().html shouldContain "width:100.0%"
        events.last().html shouldContain "50 steps &middot; 400ms"
        events.last().html shouldContain "loss: 0.2500 &middot; accuracy: 0.9000"
        events.last().text shouldBe "50/50 [==============================] - 0s 8ms/step - loss: 0.2500 - accuracy: 0.9000"
    }

    "predict: the bar without metrics; verbose = 2 draws only the start and the end" {
        for (verbose in listOf(1, 2)) {
            val events = mutableListOf<DisplayEvent>()
            val clock = longArrayOf(0)
            val progress = LiveProgress(recordingHost(events), verbose = verbose, minIntervalMillis = 0, nanoTime = { clock[0] })
            progress.setParams(mapOf("epochs" to 1, "steps" to 20, "verbose" to verbose))
            progress.onPredictBegin(emptyMap())
            for (b in 0 until 20) {
                clock[0] += 5_000_000L
                progress.onPredictBatchBegin(b, emptyMap())
                progress.onPredictBatchEnd(b, mapOf("outputs" to listOf(Tensor.zeros(4, 2))))
            }
            progress.onPredictEnd(emptyMap())
            events.size shouldBe if (verbose == 1) 1 + 20 + 1 else 2
            events.last().html shouldContain "Predicted"
            events.last().html shouldNotContain "loss"
            events.last().text shouldBe "20/20 [==============================] - 0s 5ms/step"
        }
    }

    "inside fit, the validation passes draw nothing" {
        val plain = mutableListOf<DisplayEvent>()
        val validated = mutableListOf<DisplayEvent>()
        val clocks = listOf(longArrayOf(0), longArrayOf(0))
        val a = LiveProgress(recordingHost(plain), minIntervalMillis = 200, nanoTime = { clocks[0][0] })
        val b = LiveProgress(recordingHost(validated), minIntervalMillis = 200, nanoTime = { clocks[1][0] })
        run(a, clocks[0], epochs = 2, steps = 100, msPerBatch = 10)
        run(b, clocks[1], epochs = 2, steps = 100, msPerBatch = 10, validationSteps = 7)
        validated.map { it.text } shouldBe plain.map { it.text }
        validated.none { it.html.contains("Evaluat") } shouldBe true
    }
})
