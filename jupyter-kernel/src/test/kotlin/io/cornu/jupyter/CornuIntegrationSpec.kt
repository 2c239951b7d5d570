package io.cornu.jupyter

import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.string.shouldStartWith

/** The integration in the real kernel REPL: discovery, default imports, renderers, live `fit` progress. */
class CornuIntegrationSpec : StringSpec({
    val repl = KernelRepl()

    beforeEach { repl.displays.events.clear() }

    "the integration is found after the setup cell: default imports and the Tensor renderer work" {
        val r = repl.execMime("Tensor.of(floatArrayOf(1f, 2f, 3f))")
        r["text/html"]!! shouldContain "shape=(3,)"
        r["text/html"]!! shouldContain "float32"
        r["text/plain"]!! shouldContain "tensor("
    }

    "a tensor's HTML shows its edges, in one number format per table" {
        val small = repl.execMime("Tensor.of(arrayOf(floatArrayOf(1f, 0.5f), floatArrayOf(2f, 3f)))")["text/html"]!!
        small shouldContain "<td class=\"num\">1.000</td><td class=\"num\">0.5000</td>"
        val big = repl.execMime("Tensor.zeros(60000, 784)")["text/html"]!!
        big shouldContain "shape=(60000, 784)"
        big shouldContain "…"
        big.split("<tr>").size shouldBe 1 + 9   // 4 + elision + 4 rows
    }

    "the default imports cover the engine, the DSL and the display settings" {
        repl.exec("Parallelism.threads() > 0 && CornuDisplay.liveProgress && FashionMnist.CLASS_NAMES.size == 10 && relu == Activation.RELU") shouldBe true
    }

    "a model renders as Keras' summary: an HTML table, the text summary as fallback" {
        val r = repl.execMime(
            """
            sequential {
                input(64)
                dense(32, activation = relu)
                dense(32, activation = relu)
                dense(10, activation = softmax)
            }
            """.trimIndent(),
        )
        val html = r["text/html"]!!
        html shouldContain "<table"
        html shouldContain "<th>Layer (type)</th><th>Output Shape</th><th class=\"num\">Param #</th>"
        html shouldContain "<td>dense (Dense)</td><td>(None, 32)</td><td class=\"num\">2,080</td>"
        html shouldContain "<td>dense_1 (Dense)</td><td>(None, 32)</td><td class=\"num\">1,056</td>"
        html shouldContain "<td>dense_2 (Dense)</td><td>(None, 10)</td><td class=\"num\">330</td>"
        html shouldContain "Total params: 3,466"
        html shouldContain "Trainable params: 3,466"
        html shouldContain "Non-trainable params: 0"
        html shouldNotContain "Connected to"
        val text = r["text/plain"]!!
        text shouldContain "Total params: 3,466"
        text shouldContain "dense_2 (Dense)"
    }

    "a functional model's summary has Keras' Connected to column" {
        val r = repl.execMime(
            """
            val a = Input.of(Shape.of(16), "a")
            val b = Input.of(Shape.of(16), "b")
            val shared = Dense(8, Activation.LINEAR, "shared")
            val merged = Add().apply(listOf(shared.apply(a), shared.apply(b)))
            Functional(listOf(a, b), listOf(Dense(1).apply(merged)), "siamese")
            """.trimIndent(),
        )
        val html = r["text/html"]!!
        html shouldContain "Model: &quot;siamese&quot;"
        html shouldContain "<th>Connected to</th>"
        html shouldContain "<td>shared (Dense)</td><td>(None, 8)</td><td class=\"num\">136</td><td>a[0][0]<br>b[0][0]</td>"
        html shouldContain "shared[1][0]"
        html shouldContain "Total params: 145"
        r["text/plain"]!! shouldContain "Connected to"
    }

    "a History renders its per-epoch metrics" {
        val r = repl.execMime(
            """
            History().apply {
                onEpochEnd(0, mapOf("loss" to 0.9, "accuracy" to 0.61))
                onEpochEnd(1, mapOf("loss" to 0.5, "accuracy" to 0.8231))
            }
            """.trimIndent(),
        )
        val html = r["text/html"]!!
        html shouldContain "History: 2 epochs"
        html shouldContain "<th class=\"num\">loss</th><th class=\"num\">accuracy</th>"
        html shouldContain "<tr><td class=\"num\">2</td><td class=\"num\">0.5000</td><td class=\"num\">0.8231</td></tr>"
        r["text/plain"]!! shouldContain "0.8231"
    }

    "fit in a cell shows ONE live display, then updates it in place up to the final epoch" {
        val value = repl.execMime(
            """
            RandomSeed.set(1)
            val xs = Tensor.wrap(FloatArray(512 * 8) { ((it * 7919) % 97) / 97f }, 512, 8)
            val ys = Categorical.toCategorical(Tensor.wrap(FloatArray(512) { (it % 3).toFloat() }, 512), 3)
            val m = sequential { input(8); dense(16, activation = relu); dense(3, activation = softmax) }
            m.compile { optimizer = "rmsprop"; loss = "categorical_crossentropy"; metrics("accuracy") }
            m.fit(xs, ys, epochs = 3, batchSize = 32)
            """.trimIndent(),
        )
        val events = repl.displays.events.toList()
        val displays = events.filter { it.kind == "display" }
        displays shouldHaveSize 1
        val id = displays.single().id!!
        id shouldContain "cornu-progress"
        events.first() shouldBe displays.single()
        val updates = events.drop(1)
        updates.size shouldBeGreaterThanOrEqual 1
        updates.forEach { it.kind shouldBe "update"; it.id shouldBe id }
        // one redraw per epoch end and one at the end of training, at least
        updates.size shouldBeGreaterThanOrEqual 4
        val last = updates.last()
        last.html shouldContain "Trained 3/3 epochs"
        last.html shouldContain "<tr><td class=\"num\">3</td>"
        last.text shouldContain "Epoch 3/3"
        // the cell's value: the History with three epochs
        value["text/html"]!! shouldContain "History: 3 epochs"
    }

    "verbose = 0 shows no progress at all" {
        repl.exec("m.fit(xs, ys, epochs = 1, batchSize = 64, verbose = 0)")
        repl.displays.events shouldHaveSize 0
    }

    "evaluate and predict in a cell each show ONE live display, updated in place to their last frame" {
        repl.exec(
            """
            RandomSeed.set(2)
            val ex = Tensor.wrap(FloatArray(256 * 8) { ((it * 7919) % 97) / 97f }, 256, 8)
            val ey = Categorical.toCategorical(Tensor.wrap(FloatArray(256) { (it % 3).toFloat() }, 256), 3)
            val em = sequential { input(8); dense(3, activation = softmax) }
            em.compile { optimizer = "sgd"; loss = "categorical_crossentropy"; metrics("accuracy") }
            """.trimIndent(),
        )
        repl.displays.events.clear()
        repl.exec("val evalLogs = em.evaluate(ex, ey) { batchSize = 32 }")
        val events = repl.displays.events.toList()
        events.filter { it.kind == "display" } shouldHaveSize 1
        events.first().kind shouldBe "display"
        events.forEach { it.id shouldBe events.first().id }
        events.size shouldBeGreaterThanOrEqual 2
        val last = events.last()
        last.html shouldContain "Evaluated"
        last.html shouldContain "8 steps"
        val loss = repl.exec("String.format(java.util.Locale.ROOT, \"%.4f\", evalLogs[\"loss\"])") as String
        last.html shouldContain "loss: $loss"
        last.text shouldStartWith "8/8 [==============================] - "
        last.text shouldContain "/step - loss: $loss - accuracy: "

        repl.displays.events.clear()
        repl.exec("em.predict(ex) { batchSize = 64 }")
        val predicted = repl.displays.events.toList()
        predicted.filter { it.kind == "display" } shouldHaveSize 1
        predicted.last().html shouldContain "Predicted"
        predicted.last().text shouldStartWith "4/4 [==============================] - "
        predicted.last().text shouldNotContain "loss"

        repl.displays.events.clear()
        repl.exec("em.evaluate(ex, ey) { verbose = 0 }; em.predict(ex) { verbose = 0 }")
        repl.displays.events shouldHaveSize 0
    }

    "fit's display shows nothing of its validation passes but their results" {
        repl.displays.events.clear()
        repl.exec("em.fit(ex, ey) { epochs = 2; batchSize = 32; validationSplit = 0.25 }")
        val events = repl.displays.events.toList()
        events.filter { it.kind == "display" } shouldHaveSize 1
        events.none { it.html.contains("Evaluat") } shouldBe true
        events.last().html shouldContain "Trained 2/2 epochs"
        events.last().html shouldContain "val_loss"
        events.last().text shouldContain "6/6 [==============================]"
    }
})
