package io.cornu.dsl

import io.cornu.engine.constraints.MaxNorm
import io.cornu.engine.constraints.MinMaxNorm
import io.cornu.engine.constraints.NonNeg
import io.cornu.engine.constraints.UnitNorm
import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.Layer
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.models.Sequential
import io.cornu.engine.regularizers.L1
import io.cornu.engine.regularizers.L1L2
import io.cornu.engine.regularizers.L2
import io.cornu.engine.regularizers.OrthogonalRegularizer
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf

class RegularizersSpec : StringSpec({
    beforeTest {
        Names.reset()
        RandomSeed.set(5)
    }

    /** A multi-hot "review" batch and its labels, as the book's IMDB vectors (smaller). */
    fun reviews(n: Int, words: Int): Pair<Tensor, Tensor> {
        val rng = java.util.Random(9)
        val x = FloatArray(n * words)
        val y = FloatArray(n)
        for (i in 0 until n) {
            y[i] = (i % 2).toFloat()
            for (j in 0 until words) if (rng.nextDouble() < (if (j % 2 == i % 2) 0.3 else 0.1)) x[i * words + j] = 1f
        }
        return Tensor.wrap(x, n, words) to Tensor.wrap(y, n, 1)
    }

    fun sumOfSquares(t: Tensor): Double = t.toFloatArray().sumOf { it.toDouble() * it }

    /** Chapter 5's model against overfitting, with or without its L2 penalties. */
    fun chapter5(words: Int, factor: Double?): Sequential = sequential {
        input(words)
        dense(16, activation = relu, kernelRegularizer = factor?.let { l2(it) })
        dense(16, activation = relu, kernelRegularizer = factor?.let { l2(it) })
        dense(1, activation = sigmoid)
    }

    "chapter 5: dense(16, relu, kernelRegularizer = l2(0.002)) trains on data loss plus the penalties" {
        val (x, y) = reviews(64, 50)
        val model = chapter5(50, 0.002)
        model.compile { optimizer = "rmsprop"; loss = "binary_crossentropy"; metrics("accuracy") }
        val history = model.fit(x, y, epochs = 3, batchSize = 16, verbose = 0)
        history.history()["loss"]!!.size shouldBe 3

        // the same weights without the regularizers: the losses differ by exactly the penalties, worked out in double
        val plain = chapter5(50, null)
        plain.setWeights(model.getWeights())
        plain.compile { optimizer = "rmsprop"; loss = "binary_crossentropy" }
        val kernels = model.layers().take(2).map { (it as Dense).kernel() }
        val penalty = 0.002 * kernels.sumOf { sumOfSquares(it) }
        val regularized = model.evaluate(x, y)["loss"]!!
        val dataOnly = plain.evaluate(x, y)["loss"]!!
        (regularized - dataOnly) shouldBe (penalty plusOrMinus 1e-5 * (1 + penalty))
        model.losses().size shouldBe 2
        model.losses().sumOf { it.item().toDouble() } shouldBe (penalty plusOrMinus 1e-6)
    }

    "the L2 penalty keeps the kernels smaller than the same training without it" {
        val (x, y) = reviews(64, 50)
        val norms = listOf(0.05, null).map { factor ->
            RandomSeed.set(21)
            val model = chapter5(50, factor)
            model.compile { optimizer = sgd(learningRate = 0.1); loss = "binary_crossentropy" }
            model.fit(x, y, epochs = 8, batchSize = 16, shuffle = false, verbose = 0)
            sumOfSquares((model.layers()[0] as Dense).kernel())
        }
        norms[0] shouldBeLessThan 0.9 * norms[1]
    }

    "a DSL model equals its engine twin, regularizers and constraints included" {
        val dsl = sequential {
            input(8)
            dense(16, activation = relu, kernelRegularizer = l2(0.002), biasRegularizer = l1(0.01),
                activityRegularizer = l1l2(l1 = 0.001, l2 = 0.002), kernelConstraint = maxNorm(3), biasConstraint = nonNeg())
            dense(1)
        }
        Names.reset()
        val engine = Sequential(listOf(
            Dense(16, "relu").kernelRegularizer(L2(0.002)).biasRegularizer(L1(0.01)).activityRegularizer(L1L2(0.001, 0.002))
                .kernelConstraint(MaxNorm(3.0, 0)).biasConstraint(NonNeg()).inputShape(8),
            Dense(1)))
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
        val config = dsl.layers()[0].config
        config["kernel_regularizer"] shouldBe mapOf("class_name" to "L2", "config" to mapOf("l2" to 0.002))
        config["kernel_constraint"] shouldBe mapOf("class_name" to "MaxNorm", "config" to mapOf("max_value" to 3.0, "axis" to 0))
    }

    "every builder with weights takes Keras' regularizer and constraint arguments" {
        val reg = l2(0.001)
        val con = nonNeg()
        val layers = mutableListOf<Pair<Layer, List<String>>>()
        functional {
            val image = input(8, 8, 3)
            val sequence = input(6, 4)
            val ids = input(5)
            val outs = mutableListOf<KerasTensor>()
            layers += conv2d(4, 3, kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(image) } to listOf("kernel", "bias")
            layers += conv2d(4, intArrayOf(3, 3), kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(image) } to listOf("kernel", "bias")
            layers += separableConv2d(4, 3, depthwiseRegularizer = reg, pointwiseRegularizer = reg, biasRegularizer = reg,
                depthwiseConstraint = con, pointwiseConstraint = con, biasConstraint = con).also { outs += it(image) } to
                listOf("depthwise", "pointwise", "bias")
            layers += depthwiseConv2d(3, depthwiseRegularizer = reg, biasRegularizer = reg, depthwiseConstraint = con, biasConstraint = con)
                .also { outs += it(image) } to listOf("depthwise", "bias")
            layers += conv2dTranspose(4, 3, kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(image) } to listOf("kernel", "bias")
            layers += conv1d(4, 3, kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(sequence) } to listOf("kernel", "bias")
            layers += separableConv1d(4, 3, depthwiseRegularizer = reg, pointwiseRegularizer = reg, biasRegularizer = reg,
                depthwiseConstraint = con, pointwiseConstraint = con, biasConstraint = con).also { outs += it(sequence) } to
                listOf("depthwise", "pointwise", "bias")
            layers += depthwiseConv1d(3, depthwiseRegularizer = reg, biasRegularizer = reg, depthwiseConstraint = con, biasConstraint = con)
                .also { outs += it(sequence) } to listOf("depthwise", "bias")
            layers += conv1dTranspose(4, 3, kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(sequence) } to listOf("kernel", "bias")
            for (rnn in listOf(
                simpleRnn(3, kernelRegularizer = reg, recurrentRegularizer = reg, biasRegularizer = reg,
                    kernelConstraint = con, recurrentConstraint = con, biasConstraint = con),
                lstm(3, kernelRegularizer = reg, recurrentRegularizer = reg, biasRegularizer = reg,
                    kernelConstraint = con, recurrentConstraint = con, biasConstraint = con),
                gru(3, kernelRegularizer = reg, recurrentRegularizer = reg, biasRegularizer = reg,
                    kernelConstraint = con, recurrentConstraint = con, biasConstraint = con),
            )) layers += rnn.also { outs += it(sequence) } to listOf("kernel", "recurrent", "bias")
            layers += dense(3, kernelRegularizer = reg, biasRegularizer = reg, kernelConstraint = con, biasConstraint = con)
                .also { outs += it(sequence) } to listOf("kernel", "bias")
            layers += embedding(20, 4, embeddingsRegularizer = reg, embeddingsConstraint = con).also { outs += it(ids) } to listOf("embeddings")
            layers += batchNormalization(betaRegularizer = reg, gammaRegularizer = reg, betaConstraint = con, gammaConstraint = con)
                .also { outs += it(sequence) } to listOf("beta", "gamma")
            layers += layerNormalization(betaRegularizer = reg, gammaRegularizer = reg, betaConstraint = con, gammaConstraint = con)
                .also { outs += it(sequence) } to listOf("beta", "gamma")
            layers += prelu(alphaRegularizer = reg, alphaConstraint = con).also { outs += it(sequence) } to listOf("alpha")
            outputs(*outs.toTypedArray())
        }
        layers.size shouldBe 17
        for ((layer, arguments) in layers) {
            for (a in arguments) {
                layer.regularizer(a) shouldBe reg
                layer.constraint(a) shouldBe con
            }
            val penalized = layer.weights().filter { it.regularizer() != null }
            penalized.size shouldBe arguments.size
            penalized.forEach { it.regularizer() shouldBe reg; it.constraint() shouldBe con }
        }
    }

    "sequential builders append the layer with its arguments" {
        val model = sequential {
            input(10, 4)
            conv1d(4, 3, kernelRegularizer = l1(0.01), activityRegularizer = l2(0.1))
            lstm(3, returnSequences = true, recurrentRegularizer = l2(0.02), kernelConstraint = unitNorm())
            gru(3, biasConstraint = maxNorm(1.5))
            dense(1, biasRegularizer = l2())
        }
        model.layers()[0].regularizer("kernel").shouldBeInstanceOf<L1>()
        model.layers()[0].activityRegularizer().shouldBeInstanceOf<L2>()
        (model.layers()[1].regularizer("recurrent") as L2).l2() shouldBe 0.02
        model.layers()[1].constraint("kernel").shouldBeInstanceOf<UnitNorm>()
        (model.layers()[2].constraint("bias") as MaxNorm).maxValue() shouldBe 1.5
        (model.layers()[3].regularizer("bias") as L2).l2() shouldBe 0.01
        model.predict(Tensor.ones(2, 10, 4))
        model.losses().size shouldBe 4   // conv1d's activity term and kernel penalty, the LSTM's recurrent kernel's, the dense bias's
    }

    "builders take Keras' names and configs too, and refuse anything else" {
        val model = sequential {
            input(4)
            dense(3, kernelRegularizer = "l2", biasRegularizer = mapOf("class_name" to "L1", "config" to mapOf("l1" to 0.5)),
                kernelConstraint = "non_neg", activityRegularizer = "l1_l2")
        }
        val dense = model.layers()[0]
        (dense.regularizer("kernel") as L2).l2() shouldBe 0.01
        (dense.regularizer("bias") as L1).l1() shouldBe 0.5
        dense.constraint("kernel").shouldBeInstanceOf<NonNeg>()
        (dense.activityRegularizer() as L1L2).l1() shouldBe 0.01
        shouldThrow<IllegalArgumentException> { sequential { input(4); dense(3, kernelRegularizer = 0.01) } }.message shouldBe
            "Dense: kernelRegularizer must be a Regularizer or a Keras name such as \"l2\". Received: kernelRegularizer=0.01"
        shouldThrow<IllegalArgumentException> { sequential { input(4); dense(3, biasConstraint = "positive") } }.message!!
            .startsWith("Could not interpret constraint identifier: positive") shouldBe true
    }

    "constraints hold after training" {
        val (x, y) = reviews(32, 20)
        val model = sequential {
            input(20)
            dense(8, activation = relu, kernelConstraint = maxNorm(0.5), biasConstraint = nonNeg())
            dense(1, activation = sigmoid, kernelConstraint = minMaxNorm(0.2, 0.4))
        }
        model.compile { optimizer = adam(learningRate = 0.05); loss = "binary_crossentropy" }
        model.fit(x, y, epochs = 3, batchSize = 8, verbose = 0)
        val hidden = model.layers()[0] as Dense
        val k = hidden.kernel().toFloatArray()
        for (unit in 0 until 8) {
            val norm = Math.sqrt((0 until 20).sumOf { i -> k[i * 8 + unit].toDouble() * k[i * 8 + unit] })
            norm shouldBeLessThan 0.5 + 1e-6
        }
        hidden.bias().toFloatArray().forEach { (it >= 0f) shouldBe true }
        val outNorm = Math.sqrt(sumOfSquares((model.layers()[1] as Dense).kernel()))
        outNorm shouldBe (0.3 plusOrMinus 0.1 + 1e-6)
    }

    "Keras' defaults and errors" {
        (l1() as L1).l1() shouldBe 0.01
        (l2() as L2).l2() shouldBe 0.01
        (l1l2(l1 = 0.001) as L1L2).l2() shouldBe 0.0
        (orthogonalRegularizer() as OrthogonalRegularizer).mode() shouldBe "rows"
        (maxNorm() as MaxNorm).axis().toList() shouldContainExactly listOf(0)
        (maxNorm(3, 0, 1, 2) as MaxNorm).axis().toList() shouldContainExactly listOf(0, 1, 2)
        (minMaxNorm() as MinMaxNorm).maxValue() shouldBe 1.0
        (unitNorm(1) as UnitNorm).axis().toList() shouldContainExactly listOf(1)
        shouldThrow<IllegalArgumentException> { l2(-1) }.message shouldBe
            "Invalid value for argument l2: expected a non-negative float. Received: l2=-1.0"
        shouldThrow<IllegalArgumentException> { sequential { input(3); dense(2, kernelConstraint = maxNorm(-2)) } }.message shouldBe
            "Invalid value for argument `max_value`: expected a non-negative float. Received: max_value=-2.0"
    }
})
