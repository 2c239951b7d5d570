package io.cornu.dsl

import io.cornu.engine.autodiff.Variable
import io.cornu.engine.initializers.Zeros
import io.cornu.engine.layers.Layer
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.layers.core.Embedding
import io.cornu.engine.models.Model
import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.DType
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs

/** A Dense tied to an Embedding's matrix: `x · transpose(embeddings) + bias`, written in Kotlin. */
class EmbeddingDense(private val embedding: Embedding, name: String? = null) : Layer(name) {
    private lateinit var matrix: Variable
    private lateinit var bias: Variable

    override fun build(inputShape: Shape) {
        matrix = trackWeight(embedding.embeddings())
        bias = addWeight("bias", intArrayOf(embedding.inputDim()), Zeros(), true)
    }

    override fun call(inputs: Tensor, training: Boolean): Tensor =
        Ops.add(Ops.matmul(inputs, Ops.transpose(matrix)), bias)

    override fun computeOutputShape(inputShape: Shape): Shape = inputShape.with(-1, embedding.inputDim())
}

/** A subclassed model in Kotlin. */
class TwoTower : Model("two_tower") {
    private val left = trackLayer(Dense(4, relu, "left"))
    private val head = trackLayer(Dense(1, linear, "head"))

    override fun call(inputs: Tensor, training: Boolean): Tensor = head.apply(left.apply(inputs, training), training)
}

class ModelApiSpec : StringSpec({
    beforeTest { Names.reset() }

    "a tied Dense reuses the embedding matrix: counted once, gradients from both uses" {
        val embedding = Embedding(20, 4)
        val model = functional("lm") {
            val ids = input(shape(null), name = "ids", dtype = DType.INT32)
            val h = embedding(ids)
            outputs(EmbeddingDense(embedding, "tied")(h))
        }
        model.countParams() shouldBe (20 * 4 + 20).toLong()
        model.trainableWeights().size shouldBe 2
        val ids = Tensor.ofInts(arrayOf(intArrayOf(1, 5, 7)))
        val grad = gradientTape { tape ->
            val logits = model.apply(ids, true)
            tape.gradient(Ops.sum(Ops.square(logits)), listOf(embedding.embeddings()))[0]
        }
        // rows never looked up still get gradient through the tied output projection
        (grad.get(2, 0) != 0f) shouldBe true
    }

    "a subclassed Kotlin model trains with fit" {
        val m = TwoTower()
        val x = Tensor.randomNormal(1, 0f, 1f, 64, 3)
        val y = Ops.sum(x, intArrayOf(1), true)
        m.compile { optimizer = "adam"; loss = "mse" }
        val h = m.fit(x, y) { epochs = 20; batchSize = 16; verbose = 0 }
        (h.get("loss").last() < h.get("loss").first()) shouldBe true
        m.summaryText() shouldContain " left (Dense)"
    }

    "input-spec errors name the layer, axis and shape" {
        val d = Dense(4, linear, "dense_layer")
        functional { val x = input(32); outputs(d(x)) }
        val err = shouldThrow<IllegalArgumentException> { functional { val x = input(16); outputs(d(x)) } }
        err.message shouldBe "Input 0 of layer \"dense_layer\" is incompatible with the layer: expected axis -1 of input shape " +
            "to have value 32, but received input with shape (None, 16)"
    }

    "a sub-model of a nested model's inner layer shares its weights" {
        val inner = functional("inner") {
            val x = input(5)
            outputs(dense(3, activation = relu, name = "features")(x))
        }
        val outer = functional("outer") { val x = input(5); outputs(dense(1)(inner(x))) }
        val features = inner.subModel(inner["features"].output())
        features["features"] shouldBeSameInstanceAs outer["inner"].let { (it as Model)["features"] }
        outer.summaryText(true) shouldContain "| features (Dense)"
    }

    "Sequential: input shape from the first layer, pop" {
        val m = sequential { layer(Dense(8, relu, null).inputShape(4)); dense(2) }
        m.countParams() shouldBe (4 * 8 + 8 + 8 * 2 + 2).toLong()
        m.pop().name() shouldBe "dense_1"
        m.predict(Tensor.ones(3, 4)).dims().toList() shouldBe listOf(3, 8)
    }
})
