package io.cornu.dsl

import io.cornu.engine.autodiff.Variable
import io.cornu.engine.optimizers.Adadelta
import io.cornu.engine.optimizers.Adagrad
import io.cornu.engine.optimizers.Adam
import io.cornu.engine.optimizers.AdamW
import io.cornu.engine.optimizers.Adamax
import io.cornu.engine.optimizers.Nadam
import io.cornu.engine.optimizers.Optimizer
import io.cornu.engine.optimizers.SGD
import io.cornu.engine.optimizers.schedules.CosineDecay
import io.cornu.engine.optimizers.schedules.ExponentialDecay
import io.cornu.engine.optimizers.schedules.InverseTimeDecay
import io.cornu.engine.optimizers.schedules.LearningRateSchedule
import io.cornu.engine.optimizers.schedules.PiecewiseConstantDecay
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.cornu.engine.utils.RandomSeed
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.floats.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf

/** Three updates of a fresh two-element variable; returns its values. */
private fun threeSteps(optimizer: Optimizer): List<Float> {
    val w = Variable("w", Tensor.of(floatArrayOf(1f, -2f)))
    for (g in listOf(floatArrayOf(0.5f, -1f), floatArrayOf(2f, 0.25f), floatArrayOf(-1f, 1.5f))) {
        optimizer.applyGradients(listOf(Tensor.of(g)), listOf(w))
    }
    return w.toFloatArray().toList()
}

class OptimizersSpec : StringSpec({
    beforeTest { Names.reset() }

    "each factory has Keras' defaults: the same config as the engine's default instance" {
        sgd().config shouldBe SGD().config
        adam().config shouldBe Adam().config
        adamW().config shouldBe AdamW().config
        adagrad().config shouldBe Adagrad().config
        adadelta().config shouldBe Adadelta().config
        adamax().config shouldBe Adamax().config
        nadam().config shouldBe Nadam().config
        sgd().learningRate() shouldBe 0.01f
        adamW().weightDecay() shouldBe 0.004f
        adadelta().config["rho"] shouldBe 0.95f
        adagrad().config["initial_accumulator_value"] shouldBe 0.1f
        adam().config["epsilon"] shouldBe 1e-7f
    }

    "named arguments reach the engine optimizer" {
        val opt = adam(learningRate = 0.01f, beta1 = 0.8f, amsgrad = true, clipnorm = 1f, weightDecay = 0.1f, name = "my_adam")
        opt.name() shouldBe "my_adam"
        opt.learningRate() shouldBe 0.01f
        opt.beta1() shouldBe 0.8f
        opt.amsgrad() shouldBe true
        opt.clipnorm() shouldBe 1f
        opt.weightDecay() shouldBe 0.1f
        opt.slots() shouldContainExactly listOf("momentum", "velocity", "velocity_hat")
        sgd(momentum = 0.9f, nesterov = true).config["nesterov"] shouldBe true
        adamW(weightDecay = 0.05f).weightDecay() shouldBe 0.05f
        adagrad(globalClipnorm = 2f).globalClipnorm() shouldBe 2f
        adamax(clipvalue = 0.5f).clipvalue() shouldBe 0.5f
    }

    "a DSL optimizer updates exactly as its engine twin" {
        threeSteps(sgd(learningRate = 0.1f, momentum = 0.9f, nesterov = true)) shouldBe threeSteps(SGD(0.1f, 0.9f, true))
        threeSteps(adam(learningRate = 0.1f, amsgrad = true)) shouldBe threeSteps(Adam(0.1f, 0.9f, 0.999f, 1e-7f, true))
        threeSteps(adamW(learningRate = 0.1f, weightDecay = 0.2f)) shouldBe threeSteps(AdamW(0.1f, 0.2f))
        threeSteps(adagrad(learningRate = 0.1f)) shouldBe threeSteps(Adagrad(0.1f))
        threeSteps(adadelta(learningRate = 1f)) shouldBe threeSteps(Adadelta(1f))
        threeSteps(adamax(learningRate = 0.1f)) shouldBe threeSteps(Adamax(0.1f))
        threeSteps(nadam(learningRate = 0.1f)) shouldBe threeSteps(Nadam(0.1f))
    }

    "SGD's first update by hand: w - lr * g" {
        threeSteps(sgd(learningRate = 1f)) shouldContainExactly listOf(1f - 0.5f - 2f + 1f, -2f + 1f - 0.25f - 1.5f)
    }

    "schedules as learning rates, built-in and user-written" {
        val exp = exponentialDecay(0.1f, decaySteps = 10, decayRate = 0.5f)
        exp.shouldBeInstanceOf<ExponentialDecay>()
        exp.learningRate(10) shouldBe (0.05f plusOrMinus 1e-7f)
        exponentialDecay(1f, 10, 0.5f, staircase = true).learningRate(19) shouldBe 0.5f
        piecewiseConstantDecay(listOf(100, 110), listOf(1f, 0.5f, 0.1f)).let {
            it.shouldBeInstanceOf<PiecewiseConstantDecay>()
            it.learningRate(100) shouldBe 1f
            it.learningRate(101) shouldBe 0.5f
            it.learningRate(111) shouldBe 0.1f
        }
        cosineDecay(0.1f, decaySteps = 100).let {
            it.shouldBeInstanceOf<CosineDecay>()
            it.learningRate(50) shouldBe (0.05f plusOrMinus 1e-7f)
        }
        cosineDecay(0f, decaySteps = 100, warmupTarget = 0.1f, warmupSteps = 10).learningRate(5) shouldBe (0.05f plusOrMinus 1e-7f)
        inverseTimeDecay(0.1f, decaySteps = 1, decayRate = 0.5f).let {
            it.shouldBeInstanceOf<InverseTimeDecay>()
            it.learningRate(2) shouldBe (0.05f plusOrMinus 1e-7f)
        }

        val opt = sgd(learningRate = learningRateSchedule { step -> 1f / (step + 1) })
        opt.learningRateSchedule().shouldBeInstanceOf<LearningRateSchedule>()
        threeSteps(opt) shouldBe threeSteps(SGD { step -> 1f / (step + 1) })
        opt.learningRate() shouldBe 0.25f
        adam(learningRate = exp).learningRateSchedule() shouldBe exp
        adamW(learningRate = cosineDecay(1e-3f, 1000)).learningRate() shouldBe 1e-3f
        nadam(learningRate = exp).learningRate() shouldBe 0.1f
    }

    "Keras' errors surface from the DSL" {
        shouldThrow<IllegalArgumentException> { adam(clipnorm = 1f, clipvalue = 1f) }.message shouldBe
            "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=1.0, clipvalue=1.0, global_clipnorm=None"
        shouldThrow<IllegalArgumentException> { sgd(learningRate = -1f) }.message shouldStartWith
            "Argument `learning_rate` should be a float >= 0"
        shouldThrow<IllegalArgumentException> { sgd(momentum = 2f) }.message shouldBe
            "`momentum` must be a float between [0, 1]. Received: momentum=2.0"
        shouldThrow<IllegalArgumentException> { exponentialDecay(0.1f, 0, 0.5f) }.message shouldBe
            "Argument `decay_steps` must be > 0. Received: decay_steps=0"
    }

    "every DSL optimizer trains a small model through compile { }" {
        val n = 128
        val x = FloatArray(n * 2)
        val y = FloatArray(n * 2)
        val rng = java.util.Random(3)
        for (i in 0 until n) {
            val c = i % 2
            x[2 * i] = (rng.nextGaussian() * 0.5 + if (c == 0) -1.0 else 1.0).toFloat()
            x[2 * i + 1] = (rng.nextGaussian() * 0.5).toFloat()
            y[2 * i + c] = 1f
        }
        val optimizers = listOf(
            sgd(learningRate = 0.1f, momentum = 0.9f),
            adam(learningRate = 0.01f),
            adamW(learningRate = 0.01f),
            adagrad(learningRate = 0.1f),
            adadelta(learningRate = 1f),
            adamax(learningRate = 0.01f),
            nadam(learningRate = 0.01f, clipnorm = 1f),
        )
        for (opt in optimizers) {
            RandomSeed.set(11)
            val model = sequential {
                input(2)
                dense(8, activation = relu)
                dense(2, activation = softmax)
            }
            model.compile {
                optimizer = opt
                loss = "categorical_crossentropy"
            }
            val losses = model.fit(Tensor.wrap(x, n, 2), Tensor.wrap(y, n, 2), epochs = 5, batchSize = 32, verbose = 0).get("loss")
            losses.last() shouldBeLessThan losses.first()
            opt.iterations() shouldBe 20L
        }
    }
})
