package io.cornu.dsl

import io.cornu.engine.activations.Activation
import io.cornu.engine.initializers.Constant
import io.cornu.engine.initializers.GlorotUniform
import io.cornu.engine.initializers.HeNormal
import io.cornu.engine.initializers.Identity
import io.cornu.engine.initializers.LecunUniform
import io.cornu.engine.initializers.Orthogonal
import io.cornu.engine.initializers.RandomNormal
import io.cornu.engine.initializers.RandomUniform
import io.cornu.engine.initializers.VarianceScaling
import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.conv.Conv2D
import io.cornu.engine.layers.conv.SeparableConv2D
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.layers.core.Embedding
import io.cornu.engine.layers.normalization.BatchNormalization
import io.cornu.engine.layers.normalization.LayerNormalization
import io.cornu.engine.layers.rnn.LSTM
import io.cornu.engine.models.Sequential
import io.cornu.engine.saving.ModelConfig
import io.cornu.engine.tensor.Shape
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf

class InitializersSpec : StringSpec({
    beforeTest { Names.reset() }

    /** The `class_name` of a layer config's initializer entry. */
    fun Map<String, Any?>.initializerClass(key: String): Any? = (this[key] as Map<*, *>)["class_name"]

    "factories take Keras' names, defaults and seeds" {
        heNormal(seed = 1).seed() shouldBe 1L
        heNormal().seed() shouldBe null
        randomNormal().config shouldBe mapOf("mean" to 0.0, "stddev" to 0.05, "seed" to null)
        randomNormal(stddev = 0.01f, seed = 3).config shouldBe mapOf("mean" to 0.0, "stddev" to 0.01, "seed" to 3L)
        randomUniform(minval = -1, maxval = 1).config shouldBe mapOf("minval" to -1.0, "maxval" to 1.0, "seed" to null)
        truncatedNormal(stddev = 0.2).stddev() shouldBe 0.2
        varianceScaling(scale = 2.0, mode = "fan_out", distribution = "uniform").config shouldBe
            mapOf("scale" to 2.0, "mode" to "fan_out", "distribution" to "uniform", "seed" to null)
        orthogonal(gain = 2).gain() shouldBe 2.0
        identity(gain = 0.5).gain() shouldBe 0.5
        constant(0.1).value() shouldBe 0.1
        glorotUniform().shouldBeInstanceOf<GlorotUniform>()
        lecunUniform(seed = 4).shouldBeInstanceOf<LecunUniform>()
        listOf(glorotNormal(), heUniform(), lecunNormal(), zeros(), ones()).map { it.name() } shouldContainExactly
            listOf("GlorotNormal", "HeUniform", "LecunNormal", "Zeros", "Ones")
    }

    "an initializer called on a shape gives a tensor, the same for the same seed" {
        val t = heNormal(seed = 1)(3, 4)
        t.dims().toList() shouldBe listOf(3, 4)
        t.toFloatArray().toList() shouldBe HeNormal(1L).create(3, 4).toFloatArray().toList()
        identity()(2, 2).toFloatArray().toList() shouldBe listOf(1f, 0f, 0f, 1f)
    }

    "dense(64, kernelInitializer = heNormal(seed = 1)) equals its engine twin and draws the seeded kernel" {
        val dsl = sequential {
            input(16)
            dense(64, activation = relu, kernelInitializer = heNormal(seed = 1), biasInitializer = constant(0.1))
        }
        Names.reset()
        val engine = Sequential().apply {
            add(InputLayer(16))
            add(Dense(64, Activation.RELU, true, HeNormal(1L), Constant(0.1), null))
        }
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
        val dense = dsl.layers()[0] as Dense
        dense.kernel().toFloatArray().toList() shouldBe HeNormal(1L).create(16, 64).toFloatArray().toList()
        dense.bias().toFloatArray().toSet() shouldBe setOf(0.1f)
    }

    "initializer arguments take Keras' names" {
        val model = sequential {
            input(null, 8)
            lstm(4, returnSequences = true, kernelInitializer = "lecun_uniform", recurrentInitializer = "identity", biasInitializer = "ones")
            layerNormalization(betaInitializer = "ones", gammaInitializer = "zeros")
            dense(3, kernelInitializer = "he_normal", biasInitializer = "ones")
        }
        val lstm = model.layers()[0].config
        lstm.initializerClass("kernel_initializer") shouldBe "LecunUniform"
        lstm.initializerClass("recurrent_initializer") shouldBe "Identity"
        (model.layers()[0] as LSTM).recurrentInitializer().shouldBeInstanceOf<Identity>()
        model.layers()[1].config.initializerClass("gamma_initializer") shouldBe "Zeros"
        (model.layers()[1] as LayerNormalization).weights().map { it.toFloatArray().toSet() } shouldContainExactly
            listOf(setOf(0f), setOf(1f))
        model.layers()[2].config.initializerClass("kernel_initializer") shouldBe "HeNormal"
        (model.layers()[2] as Dense).bias().toFloatArray().toSet() shouldBe setOf(1f)
    }

    "functional builders and the other layers with initializers" {
        val model = functional {
            val ids = input(shape(null), dtype = io.cornu.engine.tensor.DType.INT32)
            val e = embedding(100, 8, embeddingsInitializer = randomNormal(stddev = 0.01, seed = 2))(ids)
            val h = lstm(6, kernelInitializer = glorotUniform(seed = 3), recurrentInitializer = orthogonal(gain = 2, seed = 4))(e)
            val n = batchNormalization(gammaInitializer = randomUniform(0.9, 1.1, seed = 5), movingVarianceInitializer = constant(2))(h)
            val p = prelu(alphaInitializer = constant(0.25))(n)
            outputs(dense(2, kernelInitializer = varianceScaling(scale = 0.5, mode = "fan_avg", seed = 6))(p))
        }
        val layers = model.layers().drop(1)
        (layers[0] as Embedding).embeddings().toFloatArray().toList() shouldBe RandomNormal(0.0, 0.01, 2L).create(100, 8).toFloatArray().toList()
        (layers[1] as LSTM).recurrentInitializer().shouldBeInstanceOf<Orthogonal>().gain() shouldBe 2.0
        (layers[2] as BatchNormalization).config.initializerClass("gamma_initializer") shouldBe "RandomUniform"
        (layers[2] as BatchNormalization).nonTrainableWeights()[1].toFloatArray().toSet() shouldBe setOf(2f)
        layers[3].weights()[0].toFloatArray().toSet() shouldBe setOf(0.25f)
        (layers[4] as Dense).config.initializerClass("kernel_initializer") shouldBe "VarianceScaling"
        // the whole model's config, initializers and seeds included, survives JSON
        val json = ModelConfig.toJson(model)
        ModelConfig.toJson(ModelConfig.fromJson(json)) shouldBe json
    }

    "convolution builders take kernel, depthwise, pointwise and bias initializers" {
        val model = sequential {
            input(8, 8, 3)
            conv2d(4, 3, kernelInitializer = heNormal(seed = 1), biasInitializer = "ones")
            separableConv2d(4, 3, depthwiseInitializer = "he_uniform", pointwiseInitializer = orthogonal(seed = 2), biasInitializer = constant(0.5))
            // a Keras config map is an initializer argument too
            depthwiseConv2d(3, padding = "same", depthwiseInitializer = mapOf("class_name" to "VarianceScaling",
                "config" to mapOf("scale" to 1.0, "mode" to "fan_in", "distribution" to "uniform", "seed" to 9)))
        }
        (model.layers()[0] as Conv2D).kernel().toFloatArray().toList() shouldBe HeNormal(1L).create(3, 3, 3, 4).toFloatArray().toList()
        val sep = model.layers()[1].config
        sep.initializerClass("depthwise_initializer") shouldBe "HeUniform"
        sep.initializerClass("pointwise_initializer") shouldBe "Orthogonal"
        (model.layers()[1] as SeparableConv2D).weights().last().toFloatArray().toSet() shouldBe setOf(0.5f)
        model.layers()[2].config.initializerClass("depthwise_initializer") shouldBe "VarianceScaling"
    }

    "a bad initializer argument is a Keras error naming it" {
        shouldThrow<IllegalArgumentException> { sequential { input(4); dense(2, kernelInitializer = "he_normall") } }
            .message shouldStartWith "Could not interpret initializer identifier: he_normall."
        shouldThrow<IllegalArgumentException> { sequential { input(4); dense(2, kernelInitializer = 42) } }
            .message shouldStartWith "Dense: kernelInitializer must be an Initializer or a Keras name such as \"he_normal\". Received: kernelInitializer=42"
        shouldThrow<IllegalArgumentException> { lstmLayer(3, recurrentInitializer = 1.5) }
            .message shouldStartWith "LSTM: recurrentInitializer must be an Initializer"
        shouldThrow<IllegalArgumentException> { varianceScaling(mode = "fan_sideways") }
            .message shouldStartWith "Invalid `mode` argument: fan_sideways."
    }
})
