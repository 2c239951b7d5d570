package io.cornu.dsl

import io.cornu.engine.layers.InputLayer
import io.cornu.engine.layers.conv.Conv1D
import io.cornu.engine.layers.conv.Conv2D
import io.cornu.engine.layers.conv.Conv2DTranspose
import io.cornu.engine.layers.conv.DepthwiseConv2D
import io.cornu.engine.layers.conv.SeparableConv2D
import io.cornu.engine.layers.core.Dense
import io.cornu.engine.layers.pooling.GlobalAveragePooling1D
import io.cornu.engine.layers.pooling.MaxPooling2D
import io.cornu.engine.layers.reshaping.Flatten
import io.cornu.engine.models.Sequential
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.utils.Names
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldEndWith
import io.kotest.matchers.types.shouldBeInstanceOf

class LayersConvSpec : StringSpec({
    beforeTest { Names.reset() }

    "the book's convnet from the DSL equals the engine-built one" {
        val dsl = sequential {
            input(28, 28, 1)
            conv2d(32, 3, activation = relu)
            maxPooling2d(2)
            conv2d(64, 3, activation = relu)
            maxPooling2d(2)
            conv2d(128, 3, activation = relu)
            +Flatten()
            dense(10, activation = softmax)
        }
        Names.reset()
        val engine = Sequential().apply {
            add(InputLayer(28, 28, 1))
            add(Conv2D(32, 3, "relu"))
            add(MaxPooling2D(2))
            add(Conv2D(64, 3, "relu"))
            add(MaxPooling2D(2))
            add(Conv2D(128, 3, "relu"))
            add(Flatten())
            add(Dense(10, "softmax"))
        }
        dsl.countParams() shouldBe 104_202L
        dsl.summaryText() shouldBe engine.summaryText()
        dsl.layers().map { it.config } shouldContainExactly engine.layers().map { it.config }
    }

    "every builder appends its layer with Keras' arguments" {
        val model = sequential {
            input(16, 16, 3)
            conv2d(8, intArrayOf(3, 5), strides = intArrayOf(1, 2), padding = "same", name = "c")
            separableConv2d(8, 3, depthMultiplier = 2, padding = "same")
            depthwiseConv2d(3, depthMultiplier = 2)
            conv2dTranspose(4, 3, strides = 2, padding = "same")
            averagePooling2d(2, strides = 1)
            maxPooling2d(3, padding = "same")
            globalAveragePooling2d(keepdims = true)
            globalMaxPooling2d()
        }
        model.layers().map { it.className() } shouldContainExactly listOf("Conv2D", "SeparableConv2D", "DepthwiseConv2D",
            "Conv2DTranspose", "AveragePooling2D", "MaxPooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D")
        model.layers().map { it.outputShapeText() } shouldContainExactly listOf("(None, 16, 8, 8)", "(None, 16, 8, 8)",
            "(None, 14, 6, 16)", "(None, 28, 12, 4)", "(None, 27, 11, 4)", "(None, 9, 4, 4)", "(None, 1, 1, 4)", "(None, 4)")
        model.layers()[0].config["kernel_size"] shouldBe listOf(3, 5)
        model.layers()[0].config["strides"] shouldBe listOf(1, 2)
        (model.layers()[1] as SeparableConv2D).depthMultiplier() shouldBe 2
        (model.layers()[2] as DepthwiseConv2D).depthMultiplier() shouldBe 2
        (model.layers()[3] as Conv2DTranspose).strides().toList() shouldBe listOf(2, 2)
    }

    "sequence builders: causal conv1d, separable, depthwise, transposed, pooling over steps" {
        val model = sequential {
            input(null, 4)
            conv1d(8, 3, padding = "causal", dilationRate = 2, activation = relu)
            separableConv1d(8, 3, padding = "same")
            depthwiseConv1d(3, depthMultiplier = 2, padding = "same")
            conv1dTranspose(4, 3, strides = 2, padding = "same")
            maxPooling1d(2)
            averagePooling1d(2, padding = "same")
            globalAveragePooling1d()
        }
        model.layers().map { it.outputShapeText() } shouldContainExactly listOf("(None, None, 8)", "(None, None, 8)",
            "(None, None, 16)", "(None, None, 4)", "(None, None, 4)", "(None, None, 4)", "(None, 4)")
        (model.layers()[0] as Conv1D).padding() shouldBe "causal"
        model.layers().last().shouldBeInstanceOf<GlobalAveragePooling1D>()
        model.predict(Tensor.ones(2, 10, 4)).dims().toList() shouldBe listOf(2, 4)
        sequential { input(10, 4); globalMaxPooling1d(keepdims = true) }.layers()[0].outputShapeText() shouldBe "(None, 1, 4)"
    }

    "functional factories are layers to call on symbolic tensors" {
        val model = functional("convnet") {
            val x = input(28, 28, 1)
            var h = conv2d(32, 3, activation = relu)(x)
            h = maxPooling2d()(h)
            h = separableConv2d(16, 3, padding = "same", activation = relu)(h)
            h = depthwiseConv2d(3)(h)
            h = conv2dTranspose(8, 2, strides = 2)(h)
            h = averagePooling2d(2)(h)
            h = globalAveragePooling2d()(h)
            outputs(dense(10, activation = softmax)(h))
        }
        model.outputs()[0].shape() shouldBe Shape.of(Shape.NONE, 10)
        val seq = functional {
            val t = input(null, 8)
            val c = conv1d(4, 3, padding = "same")(t)
            val p = maxPooling1d(2, padding = "same")(c)
            val a = averagePooling1d(2, strides = 1)(p)
            val d = depthwiseConv1d(2)(a)
            val s = separableConv1d(4, 1)(d)
            val u = conv1dTranspose(2, 2, strides = 2)(s)
            outputs(globalMaxPooling1d()(u), globalAveragePooling1d()(u))
        }
        seq.outputs().map { it.shape() } shouldContainExactly listOf(Shape.of(Shape.NONE, 2), Shape.of(Shape.NONE, 2))
    }

    "layer arguments are checked with Keras' messages" {
        shouldThrow<IllegalArgumentException> { sequential { input(8, 8, 1); conv2d(-3, 3) } }.message shouldEndWith "Received: filters=-3"
        shouldThrow<IllegalArgumentException> { sequential { input(8, 8, 1); conv2d(4, 3, padding = "causal") } }
            .message shouldEndWith "Received: padding=causal"
    }
})
