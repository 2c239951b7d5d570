package io.cornu.dsl

import io.cornu.engine.layers.Input
import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.activation.ELU
import io.cornu.engine.layers.activation.LeakyReLU
import io.cornu.engine.layers.activation.PReLU
import io.cornu.engine.layers.activation.ReLU
import io.cornu.engine.layers.activation.Softmax
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.layers.core.Dropout
import io.cornu.engine.layers.core.Embedding
import io.cornu.engine.layers.core.Masking
import io.cornu.engine.layers.merging.Concatenate
import io.cornu.engine.layers.merging.Dot
import io.cornu.engine.layers.merging.Maximum
import io.cornu.engine.layers.merging.Minimum
import io.cornu.engine.layers.merging.Subtract
import io.cornu.engine.layers.normalization.BatchNormalization
import io.cornu.engine.layers.normalization.LayerNormalization
import io.cornu.engine.layers.reshaping.Flatten
import io.cornu.engine.layers.reshaping.Reshape
import io.cornu.engine.models.Functional
import io.cornu.engine.models.Sequential
import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.cornu.engine.layers.activation.Activation as ActivationLayer

class LayersCoreSpec : StringSpec({
    beforeTest { Names.reset() }

    "a sequential model of core layers equals its engine twin" {
        val dsl = sequential("text") {
            input(null)
            embedding(1000, 16, maskZero = true)
            spatialDropout1d(0.2f)
            layerNormalization()
            dropout(0.5f)
            activation(tanh)
            dense(4)
            leakyRelu()
        }
        Names.reset()
        val engine = Sequential("text").apply {
            add(InputLayer(Shape.of(Shape.NONE), null))
            add(Embedding(1000, 16, true))
            add(io.cornu.engine.layers.core.SpatialDropout1D(0.2f))
            add(LayerNormalization())
            add(Dropout(0.5f))
            add(ActivationLayer(io.cornu.engine.activations.Activation.TANH, null))
            add(Dense(4))
            add(LeakyReLU())
        }
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
        dsl.countParams() shouldBe (1000L * 16 + 32 + 16 * 4 + 4)
    }

    "image layers: padding, normalization, activations, flatten" {
        val model = sequential {
            input(6, 6, 2)
            zeroPadding2d(1)
            cropping2d(1, 2)
            upSampling2d(2)
            batchNormalization()
            relu(maxValue = 6f)
            prelu(1, 2)
            elu(0.5f)
            reshape(-1, 2)
            permute(2, 1)
            flatten()
            softmax()
        }
        model.layers().map { it.className() } shouldContainExactly listOf(
            "ZeroPadding2D", "Cropping2D", "UpSampling2D", "BatchNormalization", "ReLU", "PReLU", "ELU", "Reshape", "Permute", "Flatten", "Softmax",
        )
        // 6x6 -> pad 8x8 -> crop rows 1, cols 2 -> 6x4 -> up 12x8, 2 channels
        model.computeOutputShape(Shape.of(Shape.NONE, 6, 6, 2)) shouldBe Shape.of(Shape.NONE, 192)
        model.countParams() shouldBe (4L * 2 + 2)
        (model.layers()[4] as ReLU).maxValue() shouldBe 6f
        model.apply(Tensor.ones(3, 6, 6, 2)).dims().toList() shouldBe listOf(3, 192)
    }

    "bilinear upsampling interpolates between neighbouring pixels" {
        val model = sequential {
            input(1, 2, 1)
            upSampling2d(1, 2, interpolation = "bilinear")
        }
        (model.layers()[0] as io.cornu.engine.layers.reshaping.UpSampling2D).interpolation() shouldBe "bilinear"
        // pixels 0 and 4 sampled at -0.25, 0.25, 0.75, 1.25 (edges clamped)
        model.apply(Tensor.wrap(floatArrayOf(0f, 4f), 1, 1, 2, 1)).toFloatArray().toList() shouldBe listOf(0f, 1f, 3f, 4f)
    }

    "sequence layers: masking, repeat, 1-D padding and sampling, lambda" {
        val model = sequential {
            input(5, 3)
            masking(-1f)
            zeroPadding1d(1, 2)
            cropping1d(1)
            upSampling1d(3)
            lambda { Ops.mul(it, 2f) }
            flatten()
            repeatVector(2)
        }
        model.computeOutputShape(Shape.of(Shape.NONE, 5, 3)) shouldBe Shape.of(Shape.NONE, 2, 54)
        val y = model.apply(Tensor.ones(1, 5, 3))
        y.dims().toList() shouldBe listOf(1, 2, 54)
        Ops.sum(y).item() shouldBe 2f * 2 * 5 * 3 * 3
    }

    "functional factories and merge helpers build Keras graphs" {
        val model = functional("pair") {
            val a = input(8, name = "a")
            val b = input(8, name = "b")
            val ea = dropout(0.1f)(layerNormalization()(a))
            val eb = relu()(b)
            val joined = concatenate(ea, eb, maximum(ea, eb), minimum(ea, eb), subtract(ea, eb))
            val score = dot(ea, eb, axes = 1, normalize = true)
            outputs(concatenate(flatten()(reshape(2, 20)(joined)), score))
        }
        model.outputs()[0].shape() shouldBe Shape.of(Shape.NONE, 41)
        val kinds = model.layers().map { it.javaClass.simpleName }
        for (k in listOf("Concatenate", "Maximum", "Minimum", "Subtract", "Dot", "Reshape", "Flatten", "ReLU", "Dropout", "LayerNormalization")) {
            kinds shouldContain k
        }
        val out = model.applyEager(listOf(Tensor.ones(2, 8), Tensor.full(2f, 2, 8)), false)[0]
        out.dims().toList() shouldBe listOf(2, 41)
    }

    "functional factories return configured layers" {
        functional {
            val x = input(4, 6)
            embedding(10, 3, maskZero = true).shouldBeInstanceOf<Embedding>().maskZero() shouldBe true
            dropout(0.3f, seed = 1L).seed() shouldBe 1L
            masking(2f).shouldBeInstanceOf<Masking>().maskValue() shouldBe 2f
            leakyRelu(0.1f).shouldBeInstanceOf<LeakyReLU>().negativeSlope() shouldBe 0.1f
            prelu(1).shouldBeInstanceOf<PReLU>()
            elu().shouldBeInstanceOf<ELU>().alpha() shouldBe 1f
            softmax(1).shouldBeInstanceOf<Softmax>().axes().toList() shouldBe listOf(1)
            batchNormalization(momentum = 0.9f).shouldBeInstanceOf<BatchNormalization>().momentum() shouldBe 0.9f
            activation("gelu").shouldBeInstanceOf<ActivationLayer>()
            flatten().shouldBeInstanceOf<Flatten>()
            reshape(24).shouldBeInstanceOf<Reshape>().targetShape().toList() shouldBe listOf(24)
            lambda(outputShape = { s -> s }) { it }.computeOutputShape(Shape.of(2, 3)) shouldBe Shape.of(2, 3)
            outputs(x)
        }
        val a = Input.of(3, 4)
        val b = Input.of(5, 4)
        dot(a, b, axes = 2 to 2).shape() shouldBe Shape.of(Shape.NONE, 3, 5)
        concatenate(a, b, axis = 1).history().layer().shouldBeInstanceOf<Concatenate>()
        maximum(a, a).history().layer().shouldBeInstanceOf<Maximum>()
        minimum(a, a).history().layer().shouldBeInstanceOf<Minimum>()
        subtract(a, a).history().layer().shouldBeInstanceOf<Subtract>()
        dot(a, a, 2).history().layer().shouldBeInstanceOf<Dot>()
    }

    "builders check arguments with Keras' messages" {
        shouldThrow<IllegalArgumentException> { sequential { input(4); dropout(1.5f) } }.message shouldContain "Received: rate=1.5"
        shouldThrow<IllegalArgumentException> { sequential { input(4); leakyRelu(-1f) } }.message shouldContain "Received: negative_slope=-1.0"
        shouldThrow<IllegalArgumentException> { sequential { input(4); repeatVector(0) } }.message shouldContain "Received: n=0"
        shouldThrow<IllegalArgumentException> { sequential { input(4); reshape(3, 3) } }.message shouldContain "must be unchanged"
    }

    "an activation value and an activation layer builder live side by side" {
        val model = sequential {
            input(3)
            dense(3, activation = elu)
            elu(0.2f)
            dense(2, activation = softmax)
            softmax()
        }
        (model.layers()[1] as ELU).alpha() shouldBe 0.2f
        (model.layers()[0] as Dense).activation().name() shouldBe "elu"
        model.layers()[3].shouldBeInstanceOf<Softmax>()
    }

    "a functional model built with the factories matches the engine API" {
        val dsl = functional("enc") {
            val x = input(10)
            val h = batchNormalization()(dense(8)(x))
            outputs(dropout(0.5f)(relu()(h)))
        }
        Names.reset()
        val x = Input.of(10)
        val h = BatchNormalization().apply(Dense(8).apply(x))
        val engine = Functional(x, Dropout(0.5f).apply(ReLU().apply(h)), "enc")
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.countParams() shouldBe engine.countParams()
    }
})
