package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.data.Dataset
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.EvaluateOptions
import io.cornu.engine.training.PredictOptions
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import kotlin.math.ln

class EvaluatePredictSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(9)
    }

    /** 12 samples of 2 features, one-hot labels of 2 classes. */
    fun data(): Pair<Tensor, Tensor> {
        val rng = java.util.Random(2)
        val x = FloatArray(24) { rng.nextGaussian().toFloat() }
        val y = FloatArray(24)
        for (i in 0 until 12) y[2 * i + (if (x[2 * i] > 0) 1 else 0)] = 1f
        return Tensor.wrap(x, 12, 2) to Tensor.wrap(y, 12, 2)
    }

    fun model() = sequential {
        input(2)
        dense(2, activation = softmax)
    }.apply { compile { optimizer = "sgd"; loss = "categorical_crossentropy"; metrics("accuracy") } }

    /** Records the test and predict hooks. */
    class Recorder : Callback() {
        val events = mutableListOf<String>()
        val outputRows = mutableListOf<Int>()
        override fun onTestBegin(logs: MutableMap<String, Double>) { events += "test_begin" }
        override fun onTestBatchEnd(batch: Int, logs: MutableMap<String, Double>) { events += "test_batch_end $batch" }
        override fun onTestEnd(logs: MutableMap<String, Double>) { events += "test_end" }
        override fun onPredictBegin(logs: MutableMap<String, Double>) { events += "predict_begin" }
        override fun onPredictBatchEnd(batch: Int, logs: MutableMap<String, Any>) {
            events += "predict_batch_end $batch"
            outputRows += (logs["outputs"] as List<*>).map { (it as Tensor).dim(0) }
        }
        override fun onPredictEnd(logs: MutableMap<String, Double>) { events += "predict_end" }
    }

    fun printed(block: () -> Unit): String {
        val bytes = ByteArrayOutputStream()
        val saved = System.out
        System.setOut(PrintStream(bytes, true, "UTF-8"))
        try {
            block()
        } finally {
            System.setOut(saved)
        }
        return bytes.toString("UTF-8")
    }

    "evaluate(x, y) { } as Keras' evaluate(x, y, batch_size=5, verbose=0, callbacks=[...])" {
        val (x, y) = data()
        val m = model()
        val recorder = Recorder()
        val logs = m.evaluate(x, y) {
            batchSize = 5
            verbose = 0
            callbacks { add(recorder) }
        }
        recorder.events shouldContainExactly listOf("test_begin", "test_batch_end 0", "test_batch_end 1", "test_batch_end 2", "test_end")
        logs shouldBe m.evaluate(x, y, EvaluateOptions().batchSize(5).verbose(0))
        logs.keys.toList() shouldContainExactly listOf("loss", "accuracy")
    }

    "evaluate's sampleWeight gives Keras' sum(w * loss) / n" {
        val (x, y) = data()
        val m = model()
        val p = m.predict(x) { verbose = 0 }.toFloatMatrix()
        val t = y.toFloatMatrix()
        val w = FloatArray(12) { (it % 4).toFloat() }
        var expected = 0.0
        for (i in 0 until 12) expected += w[i] * -ln(p[i][if (t[i][1] == 1f) 1 else 0].toDouble()) / 12
        val logs = m.evaluate(x, y) {
            batchSize = 5
            verbose = 0
            sampleWeight = Tensor.wrap(w, 12)
        }
        logs["loss"]!! shouldBe (expected plusOrMinus 1e-5)
    }

    "predict(x) { } batches, limits steps and reports each batch's outputs" {
        val (x, _) = data()
        val m = model()
        val recorder = Recorder()
        val p = m.predict(x) {
            batchSize = 5
            verbose = 0
            steps = 2
            callbacks { add(recorder) }
        }
        p.dims().toList() shouldBe listOf(10, 2)
        p.toFloatArray().toList() shouldBe m.predict(x, PredictOptions().verbose(0)).sliceRows(0, 10).toFloatArray().toList()
        recorder.events shouldContainExactly listOf("predict_begin", "predict_batch_end 0", "predict_batch_end 1", "predict_end")
        recorder.outputRows shouldContainExactly listOf(5, 5)
    }

    "Keras' keyword forms and datasets" {
        val (x, y) = data()
        val m = model()
        m.evaluate(x, y, batchSize = 4, verbose = 0) shouldBe m.evaluate(Dataset.of(x, y, 4)) { verbose = 0 }
        m.evaluate(Dataset.of(x, y, 4)) { verbose = 0; steps = 1 } shouldBe m.evaluate(x.sliceRows(0, 4), y.sliceRows(0, 4), verbose = 0)
        m.predict(x, batchSize = 4, verbose = 0).toFloatArray().toList() shouldBe
            m.predict(Dataset.of(x, y, 4)) { verbose = 0 }.single().toFloatArray().toList()
    }

    "verbose defaults to Keras' progress bar (one line when not on a terminal); verbose = 0 prints nothing" {
        val (x, y) = data()
        val m = model()
        val metric = "\\d\\.\\d{4}(e[-+]\\d+)?"
        printed { m.evaluate(x, y) { batchSize = 4 } } shouldMatch
            Regex("3/3 \\[={30}] - \\d+s \\d+(us|ms|s)/step - loss: $metric - accuracy: $metric\n")
        printed { m.predict(x) { batchSize = 4 } } shouldMatch Regex("3/3 \\[={30}] - \\d+s \\d+(us|ms|s)/step\n")
        printed { m.evaluate(x, y) { verbose = 0 } } shouldBe ""
        printed { m.predict(x) { verbose = 0 } } shouldBe ""
    }

    "the callbacks block's onTestEnd and onPredictBatchEnd shortcuts" {
        val (x, y) = data()
        val m = model()
        val testLogs = mutableListOf<Map<String, Double>>()
        val rows = mutableListOf<Int>()
        val eval = m.evaluate(x, y) { batchSize = 5; verbose = 0; callbacks { onTestEnd { testLogs += it.toMap() } } }
        m.predict(x) { batchSize = 5; verbose = 0; callbacks { onPredictBatchEnd { _, outputs -> rows += outputs[0].dim(0) } } }
        testLogs.single()["loss"] shouldBe eval["loss"]
        rows shouldContainExactly listOf(5, 5, 2)
    }
})
