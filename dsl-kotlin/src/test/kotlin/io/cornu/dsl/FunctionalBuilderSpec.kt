package io.cornu.dsl

import io.cornu.engine.layers.Input
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.models.Functional
import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeSameInstanceAs

class FunctionalBuilderSpec : StringSpec({
    beforeTest { Names.reset() }

    fun close(a: Tensor, b: Tensor) {
        val x = a.toFloatArray()
        val y = b.toFloatArray()
        x.size shouldBe y.size
        for (i in x.indices) (Math.abs(x[i] - y[i]) < 1e-5f * (1 + Math.abs(x[i]))) shouldBe true
    }

    "the DSL builds the same graph as the engine API" {
        val dsl = functional("mlp") {
            val x = input(64)
            val h = dense(32, activation = relu)(x)
            val h2 = dense(32, activation = relu)(h)
            outputs(dense(10, activation = softmax)(h2))
        }
        Names.reset()
        val x = Input.of(64)
        val h1 = Dense(32, "relu").apply(x)
        val h2 = Dense(32, "relu").apply(h1)
        val engine = Functional(x, Dense(10, "softmax").apply(h2), "mlp")
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.countParams() shouldBe 3466L
    }

    "operators on symbolic tensors build merge layers; shared layers keep one node per call" {
        val shared = Dense(8, relu, "encoder")
        val model = functional("siamese") {
            val a = input(shape(16), name = "left")
            val b = input(shape(16), name = "right")
            val ea = shared(a)
            val eb = shared(b)
            outputs(dense(1)(ea + eb * ea - eb))
        }
        shared.inboundNodes().size shouldBe 2
        shared.getOutputAt(1).history().nodeIndex() shouldBe 1
        model.countParams() shouldBe (16 * 8 + 8 + 8 + 1).toLong()
        model.summaryText() shouldContain "'encoder[1][0]'"
        model.inputNames() shouldBe listOf("left", "right")
    }

    "variable-length inputs keep None in their shapes" {
        val model = functional("seq") {
            val text = input(shape(null, 32), name = "text")
            outputs(dense(4)(text))
        }
        model.outputs()[0].shape() shouldBe Shape.of(Shape.NONE, Shape.NONE, 4)
        model(Tensor.ones(2, 7, 32)).dims().toList() shouldBe listOf(2, 7, 4)
    }

    "a model is callable like a layer and shares its weights" {
        val encoder = functional("encoder") { val x = input(6); outputs(dense(3, activation = relu)(x)) }
        val twin = functional("twin") {
            val a = input(6)
            val b = input(6)
            outputs(encoder(a) + encoder(b))
        }
        twin.countParams() shouldBe encoder.countParams()
        val xa = Tensor.randomNormal(1, 0f, 1f, 2, 6)
        val xb = Tensor.randomNormal(2, 0f, 1f, 2, 6)
        close(twin.applyEager(listOf(xa, xb), false)[0], Ops.add(encoder(xa), encoder(xb)))
    }

    "sub-models, cuts and clones" {
        val model = functional("full") {
            val x = input(5)
            val h = dense(4, activation = relu, name = "a")(x)
            outputs(dense(2, name = "b")(h + dense(4, name = "skip")(x)))
        }
        val features = model.subModel(model["a"].output())
        features.getLayer("a") shouldBeSameInstanceAs model["a"]
        val x = Tensor.randomNormal(3, 0f, 1f, 4, 5)
        close(features(x), model["a"](x))

        val err = shouldThrow<IllegalArgumentException> { model.cut(model["a"].output()) }
        err.message!! shouldStartWith "Graph disconnected"

        val clone = cloneModel(model)
        clone.countParams() shouldBe model.countParams()
        clone["b"] shouldNotBe model["b"]
        clone.setWeights(model.getWeights())
        close(clone(x), model(x))
    }

    "a disconnected graph is reported with Keras' message" {
        val orphan = Input.of(3)
        val err = shouldThrow<IllegalArgumentException> {
            functional { val x = input(3); outputs(x + dense(3)(orphan)) }
        }
        err.message!! shouldStartWith "Graph disconnected: cannot obtain value for tensor"
    }
})
