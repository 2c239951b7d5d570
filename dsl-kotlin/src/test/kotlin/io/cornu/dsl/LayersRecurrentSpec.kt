package io.cornu.dsl

import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.layers.core.Embedding
import io.cornu.engine.layers.rnn.Bidirectional
import io.cornu.engine.layers.rnn.GRU
import io.cornu.engine.layers.rnn.LSTM
import io.cornu.engine.layers.rnn.SimpleRNN
import io.cornu.engine.layers.rnn.TimeDistributed
import io.cornu.engine.models.Sequential
import io.cornu.engine.tensor.DType
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.types.shouldBeInstanceOf

class LayersRecurrentSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(1)
    }

    "the book's IMDB LSTM from the DSL equals the engine-built one" {
        val dsl = sequential {
            input(null)
            embedding(10000, 32)
            lstm(32)
            dense(1, activation = sigmoid)
        }
        Names.reset()
        val engine = Sequential().apply {
            add(InputLayer(Shape.of(Shape.NONE), null))
            add(Embedding(10000, 32))
            add(LSTM(32))
            add(Dense(1, "sigmoid"))
        }
        dsl.countParams() shouldBe 328_353L
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
    }

    "recurrent arguments reach the layers with Keras' names and defaults" {
        val model = sequential {
            input(null, 8)
            simpleRnn(4, returnSequences = true, activation = relu)
            gru(5, resetAfter = false, returnSequences = true, goBackwards = true)
            lstm(6, unitForgetBias = false, dropout = 0.25, recurrentDropout = 0.5)
        }
        val (rnn, gru, lstm) = model.layers()
        rnn.shouldBeInstanceOf<SimpleRNN>().activation().name() shouldBe "relu"
        gru.shouldBeInstanceOf<GRU>().resetAfter() shouldBe false
        gru.goBackwards() shouldBe true
        lstm.shouldBeInstanceOf<LSTM>().unitForgetBias() shouldBe false
        lstm.dropout() shouldBe 0.25
        lstm.recurrentDropout() shouldBe 0.5
        lstm.recurrentActivation().name() shouldBe "sigmoid"
        model.layers().map { it.name() } shouldContainExactly listOf("simple_rnn", "gru", "lstm")
        model.predict(Tensor.ones(2, 7, 8)).dims().toList() shouldBe listOf(2, 6)
    }

    "bidirectional(lstm(...)) wraps the LSTM instead of appending it twice" {
        val model = sequential {
            input(null, 16)
            bidirectional(lstm(8, returnSequences = true))
            bidirectional(gru(4), mergeMode = "sum")
            dense(1)
        }
        model.layers().map { it.name() } shouldContainExactly listOf("bidirectional", "bidirectional_1", "dense")
        val bi = model.layers()[0].shouldBeInstanceOf<Bidirectional>()
        bi.forwardLayer().name() shouldBe "forward_lstm"
        bi.backwardLayer().name() shouldBe "backward_lstm"
        model.countParams() shouldBe (2L * 4 * (16 * 8 + 8 * 8 + 8) + 2L * 3 * (16 * 4 + 4 * 4 + 2 * 4) + 5)
        model.predict(Tensor.ones(3, 5, 16)).dims().toList() shouldBe listOf(3, 1)
    }

    "timeDistributed applies a layer to every step" {
        val model = sequential {
            input(null, 32)
            lstm(16, returnSequences = true)
            timeDistributed(Dense(5))
        }
        model.layers()[1].shouldBeInstanceOf<TimeDistributed>()
        model.predict(Tensor.ones(2, 9, 32)).dims().toList() shouldBe listOf(2, 9, 5)
    }

    "the question-answering model of the functional chapter" {
        val model = functional("qa") {
            val text = input(shape(null), name = "text", dtype = DType.INT32)
            val encodedText = lstm(32)(embedding(10000, 64)(text))
            val question = input(shape(null), name = "question", dtype = DType.INT32)
            val encodedQuestion = lstm(16)(embedding(10000, 32)(question))
            val concatenated = concatenate(encodedText, encodedQuestion)
            outputs(dense(500, activation = softmax)(concatenated))
        }
        model.countParams() shouldBe 1_000_052L
        model.summaryText() shouldContain " concatenate (Concatenate)      (None, 48)           0           ['lstm[0][0]',"
    }

    "a shared LSTM in a Siamese model is counted once and shows both calls" {
        val model = functional("siamese") {
            val shared = lstm(32)
            val left = input(null, 128)
            val right = input(null, 128)
            val merged = concatenate(shared(left), shared(right))
            outputs(dense(1, activation = sigmoid)(merged))
        }
        model.countParams() shouldBe 20_673L
        model.summaryText() shouldContain "'lstm[1][0]']"
    }

    "encoder states start the decoder" {
        val model = functional("seq2seq") {
            val source = input(null, 8)
            val target = input(null, 6)
            val (_, h, c) = lstm(16, returnState = true).allOutputs(source)
            val decoded = lstm(16, returnSequences = true)(target, initialState = listOf(h, c))[0]
            outputs(timeDistributed(dense(3, activation = softmax))(decoded))
        }
        val y = model.predict(listOf(Tensor.ones(2, 5, 8), Tensor.ones(2, 4, 6)), 2)[0]
        y.dims().toList() shouldBe listOf(2, 4, 3)
        // eager calls with states too
        val gru = GRU(3)
        gru(Tensor.ones(1, 2, 4), listOf(Tensor.zeros(1, 3)))[0].dims().toList() shouldBe listOf(1, 3)
    }

    "Keras' argument errors come through" {
        shouldThrow<IllegalArgumentException> { sequential { input(null, 4); lstm(0) } }.message shouldEndWith "Received: units=0"
        shouldThrow<UnsupportedOperationException> { sequential { input(null, 4); layer(LSTM(2).stateful(true)) } }
            .message shouldEndWith "Received: stateful=true"
        shouldThrow<IllegalArgumentException> { sequential { input(null, 4); bidirectional(lstm(2), mergeMode = "max") } }
    }
})
