package io.cornu.dsl

import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.core.Dropout
import io.cornu.engine.layers.core.Embedding
import io.cornu.engine.layers.core.Lambda
import io.cornu.engine.layers.core.Masking
import io.cornu.engine.layers.core.SpatialDropout1D
import io.cornu.engine.layers.core.SpatialDropout2D
import io.cornu.engine.layers.activation.ELU
import io.cornu.engine.layers.activation.LeakyReLU
import io.cornu.engine.layers.activation.PReLU
import io.cornu.engine.layers.activation.ReLU
import io.cornu.engine.layers.activation.Softmax
import io.cornu.engine.layers.merging.Concatenate
import io.cornu.engine.layers.merging.Dot
import io.cornu.engine.layers.merging.Maximum
import io.cornu.engine.layers.merging.Minimum
import io.cornu.engine.layers.merging.Subtract
import io.cornu.engine.layers.normalization.BatchNormalization
import io.cornu.engine.layers.normalization.LayerNormalization
import io.cornu.engine.layers.reshaping.Cropping1D
import io.cornu.engine.layers.reshaping.Cropping2D
import io.cornu.engine.layers.reshaping.Flatten
import io.cornu.engine.layers.reshaping.Permute
import io.cornu.engine.layers.reshaping.RepeatVector
import io.cornu.engine.layers.reshaping.Reshape
import io.cornu.engine.layers.reshaping.UpSampling1D
import io.cornu.engine.layers.reshaping.UpSampling2D
import io.cornu.engine.layers.reshaping.ZeroPadding1D
import io.cornu.engine.layers.reshaping.ZeroPadding2D
import io.cornu.engine.tensor.Shape
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.activations.Activation as ActivationFunction
import io.cornu.engine.layers.activation.Activation as ActivationLayer

// Builders for the core, reshaping, activation, normalization and merging layers. In `sequential { }`
// each appends its layer; in `functional { }` each returns its layer, to call on symbolic tensors:
// `val h = dropout(0.5f)(x)`. Arguments and defaults are Keras'; the layers with weights take Keras'
// regularizers and constraints last, as objects or names: `embedding(1000, 8, embeddingsRegularizer = l2(1e-4))`.

// ---- sequential { } -------------------------------------------------------------------------------

/** Appends an [ActivationLayer]: `activation(tanh)`. */
public fun SequentialBuilder.activation(activation: ActivationFunction, name: String? = null): Unit =
    layer(ActivationLayer(activation, name))

/** Appends an [ActivationLayer] by Keras name: `activation("gelu")`. */
public fun SequentialBuilder.activation(activation: String): Unit = layer(ActivationLayer(activation))

/** Appends a [Dropout]: `dropout(0.5f)`; `noiseShape` uses -1 for an input dimension. */
public fun SequentialBuilder.dropout(rate: Float, noiseShape: IntArray? = null, seed: Long? = null, name: String? = null): Unit =
    layer(Dropout(rate, noiseShape, seed, name))

/** Appends a [SpatialDropout1D], dropping whole channels of sequences. */
public fun SequentialBuilder.spatialDropout1d(rate: Float, seed: Long? = null, name: String? = null): Unit =
    layer(SpatialDropout1D(rate, seed, name))

/** Appends a [SpatialDropout2D], dropping whole channels of images. */
public fun SequentialBuilder.spatialDropout2d(rate: Float, seed: Long? = null, name: String? = null): Unit =
    layer(SpatialDropout2D(rate, seed, name))

/** Appends an [Embedding]: `embedding(10000, 32, maskZero = true)`; [embeddingsInitializer] an initializer or a Keras name. */
public fun SequentialBuilder.embedding(
    inputDim: Int, outputDim: Int, maskZero: Boolean = false, embeddingsInitializer: Any = "uniform", name: String? = null,
    embeddingsRegularizer: Any? = null, activityRegularizer: Any? = null, embeddingsConstraint: Any? = null,
): Unit = layer(Embedding(inputDim, outputDim, initializer(embeddingsInitializer, "Embedding", "embeddingsInitializer"), maskZero, name)
    .withWeightArguments(activityRegularizer, WeightArgument("embeddings", embeddingsRegularizer, embeddingsConstraint)))

/** Appends a [Masking] layer masking steps equal to [maskValue]. */
public fun SequentialBuilder.masking(maskValue: Float = 0f, name: String? = null): Unit = layer(Masking(maskValue, name))

/** Appends a [Lambda] computing [function] with ops: `lambda { Ops.mul(it, 2f) }`. */
public fun SequentialBuilder.lambda(outputShape: ((Shape) -> Shape)? = null, name: String? = null, function: (Tensor) -> Tensor): Unit =
    layer(Lambda({ function(it) }, outputShape?.let { f -> java.util.function.UnaryOperator<Shape> { f(it) } }, name))

/** Appends a [Flatten]. */
public fun SequentialBuilder.flatten(name: String? = null): Unit = layer(Flatten(name))

/** Appends a [Reshape] of each sample: `reshape(-1, 4)`. */
public fun SequentialBuilder.reshape(vararg targetShape: Int, name: String? = null): Unit = layer(Reshape(targetShape, name))

/** Appends a [Permute] of the sample axes, counted from 1: `permute(2, 1)`. */
public fun SequentialBuilder.permute(vararg dims: Int, name: String? = null): Unit = layer(Permute(dims, name))

/** Appends a [RepeatVector]. */
public fun SequentialBuilder.repeatVector(n: Int, name: String? = null): Unit = layer(RepeatVector(n, name))

/** Appends a [ZeroPadding1D] of [left] and [right] steps. */
public fun SequentialBuilder.zeroPadding1d(left: Int = 1, right: Int = left, name: String? = null): Unit =
    layer(ZeroPadding1D(intArrayOf(left, right), name))

/** Appends a [ZeroPadding2D]: symmetric [rows] and [cols]. */
public fun SequentialBuilder.zeroPadding2d(rows: Int = 1, cols: Int = rows, name: String? = null): Unit =
    layer(ZeroPadding2D(arrayOf(intArrayOf(rows, rows), intArrayOf(cols, cols)), name))

/** Appends a [ZeroPadding2D] with each side given. */
public fun SequentialBuilder.zeroPadding2d(top: Int, bottom: Int, left: Int, right: Int, name: String? = null): Unit =
    layer(ZeroPadding2D(arrayOf(intArrayOf(top, bottom), intArrayOf(left, right)), name))

/** Appends a [Cropping1D] removing [start] and [end] steps. */
public fun SequentialBuilder.cropping1d(start: Int = 1, end: Int = start, name: String? = null): Unit =
    layer(Cropping1D(intArrayOf(start, end), name))

/** Appends a [Cropping2D]: symmetric [rows] and [cols]. */
public fun SequentialBuilder.cropping2d(rows: Int = 0, cols: Int = rows, name: String? = null): Unit =
    layer(Cropping2D(arrayOf(intArrayOf(rows, rows), intArrayOf(cols, cols)), name))

/** Appends a [Cropping2D] with each side given. */
public fun SequentialBuilder.cropping2d(top: Int, bottom: Int, left: Int, right: Int, name: String? = null): Unit =
    layer(Cropping2D(arrayOf(intArrayOf(top, bottom), intArrayOf(left, right)), name))

/** Appends an [UpSampling1D] repeating each step [size] times. */
public fun SequentialBuilder.upSampling1d(size: Int = 2, name: String? = null): Unit = layer(UpSampling1D(size, name))

/** Appends an [UpSampling2D] by [rows] and [cols]; [interpolation] `"nearest"` or `"bilinear"`. */
public fun SequentialBuilder.upSampling2d(
    rows: Int = 2, cols: Int = rows, interpolation: String = "nearest", name: String? = null,
): Unit = layer(UpSampling2D(intArrayOf(rows, cols), interpolation, name))

/** Appends a [ReLU] layer: `relu(maxValue = 6f)`. */
public fun SequentialBuilder.relu(maxValue: Float? = null, negativeSlope: Float = 0f, threshold: Float = 0f, name: String? = null): Unit =
    layer(ReLU(maxValue, negativeSlope, threshold, name))

/** Appends a [LeakyReLU] layer (Keras' layer default slope 0.3). */
public fun SequentialBuilder.leakyRelu(negativeSlope: Float = 0.3f, name: String? = null): Unit = layer(LeakyReLU(negativeSlope, name))

/** Appends a [PReLU] layer; [sharedAxes] count from 1. */
public fun SequentialBuilder.prelu(
    vararg sharedAxes: Int, name: String? = null, alphaInitializer: Any = "zeros",
    alphaRegularizer: Any? = null, activityRegularizer: Any? = null, alphaConstraint: Any? = null,
): Unit = layer(PReLU(initializer(alphaInitializer, "PReLU", "alphaInitializer"), if (sharedAxes.isEmpty()) null else sharedAxes, name)
    .withWeightArguments(activityRegularizer, WeightArgument("alpha", alphaRegularizer, alphaConstraint)))

/** Appends an [ELU] layer. */
public fun SequentialBuilder.elu(alpha: Float = 1f, name: String? = null): Unit = layer(ELU(alpha, name))

/** Appends a [Softmax] layer over [axes] (default the last). */
public fun SequentialBuilder.softmax(vararg axes: Int, name: String? = null): Unit =
    layer(Softmax(if (axes.isEmpty()) intArrayOf(-1) else axes, name))

/** Appends a [BatchNormalization] with Keras' defaults. */
public fun SequentialBuilder.batchNormalization(
    axis: Int = -1, momentum: Float = 0.99f, epsilon: Float = 1e-3f, center: Boolean = true, scale: Boolean = true, name: String? = null,
    betaInitializer: Any = "zeros", gammaInitializer: Any = "ones", movingMeanInitializer: Any = "zeros", movingVarianceInitializer: Any = "ones",
    betaRegularizer: Any? = null, gammaRegularizer: Any? = null, activityRegularizer: Any? = null,
    betaConstraint: Any? = null, gammaConstraint: Any? = null,
): Unit = layer(batchNormalizationLayer(axis, momentum, epsilon, center, scale, name, betaInitializer, gammaInitializer,
    movingMeanInitializer, movingVarianceInitializer)
    .withWeightArguments(activityRegularizer, WeightArgument("beta", betaRegularizer, betaConstraint),
        WeightArgument("gamma", gammaRegularizer, gammaConstraint)))

/** Appends a [LayerNormalization] over [axes] (default the last). */
public fun SequentialBuilder.layerNormalization(
    vararg axes: Int, epsilon: Float = 1e-3f, center: Boolean = true, scale: Boolean = true, rmsScaling: Boolean = false, name: String? = null,
    betaInitializer: Any = "zeros", gammaInitializer: Any = "ones",
    betaRegularizer: Any? = null, gammaRegularizer: Any? = null, activityRegularizer: Any? = null,
    betaConstraint: Any? = null, gammaConstraint: Any? = null,
): Unit = layer(LayerNormalization(if (axes.isEmpty()) intArrayOf(-1) else axes, epsilon, center, scale, rmsScaling,
    initializer(betaInitializer, "LayerNormalization", "betaInitializer"), initializer(gammaInitializer, "LayerNormalization", "gammaInitializer"), name)
    .withWeightArguments(activityRegularizer, WeightArgument("beta", betaRegularizer, betaConstraint),
        WeightArgument("gamma", gammaRegularizer, gammaConstraint)))

// ---- functional { }: layer factories ------------------------------------------------------------------

/** An [ActivationLayer]: `activation(tanh)(x)`. */
public fun FunctionalBuilder.activation(activation: ActivationFunction, name: String? = null): ActivationLayer =
    ActivationLayer(activation, name)

/** An [ActivationLayer] by Keras name. */
public fun FunctionalBuilder.activation(activation: String): ActivationLayer = ActivationLayer(activation)

/** A [Dropout]. */
public fun FunctionalBuilder.dropout(rate: Float, noiseShape: IntArray? = null, seed: Long? = null, name: String? = null): Dropout =
    Dropout(rate, noiseShape, seed, name)

/** A [SpatialDropout1D]. */
public fun FunctionalBuilder.spatialDropout1d(rate: Float, seed: Long? = null, name: String? = null): SpatialDropout1D =
    SpatialDropout1D(rate, seed, name)

/** A [SpatialDropout2D]. */
public fun FunctionalBuilder.spatialDropout2d(rate: Float, seed: Long? = null, name: String? = null): SpatialDropout2D =
    SpatialDropout2D(rate, seed, name)

/** An [Embedding]. */
public fun FunctionalBuilder.embedding(
    inputDim: Int, outputDim: Int, maskZero: Boolean = false, embeddingsInitializer: Any = "uniform", name: String? = null,
    embeddingsRegularizer: Any? = null, activityRegularizer: Any? = null, embeddingsConstraint: Any? = null,
): Embedding = Embedding(inputDim, outputDim, initializer(embeddingsInitializer, "Embedding", "embeddingsInitializer"), maskZero, name)
    .withWeightArguments(activityRegularizer, WeightArgument("embeddings", embeddingsRegularizer, embeddingsConstraint))

/** A [Masking] layer. */
public fun FunctionalBuilder.masking(maskValue: Float = 0f, name: String? = null): Masking = Masking(maskValue, name)

/** A [Lambda] layer computing [function]. */
public fun FunctionalBuilder.lambda(outputShape: ((Shape) -> Shape)? = null, name: String? = null, function: (Tensor) -> Tensor): Lambda =
    Lambda({ function(it) }, outputShape?.let { f -> java.util.function.UnaryOperator<Shape> { f(it) } }, name)

/** A [Flatten]. */
public fun FunctionalBuilder.flatten(name: String? = null): Flatten = Flatten(name)

/** A [Reshape]. */
public fun FunctionalBuilder.reshape(vararg targetShape: Int, name: String? = null): Reshape = Reshape(targetShape, name)

/** A [Permute] (axes from 1). */
public fun FunctionalBuilder.permute(vararg dims: Int, name: String? = null): Permute = Permute(dims, name)

/** A [RepeatVector]. */
public fun FunctionalBuilder.repeatVector(n: Int, name: String? = null): RepeatVector = RepeatVector(n, name)

/** A [ZeroPadding1D]. */
public fun FunctionalBuilder.zeroPadding1d(left: Int = 1, right: Int = left, name: String? = null): ZeroPadding1D =
    ZeroPadding1D(intArrayOf(left, right), name)

/** A [ZeroPadding2D], symmetric. */
public fun FunctionalBuilder.zeroPadding2d(rows: Int = 1, cols: Int = rows, name: String? = null): ZeroPadding2D =
    ZeroPadding2D(arrayOf(intArrayOf(rows, rows), intArrayOf(cols, cols)), name)

/** A [Cropping1D]. */
public fun FunctionalBuilder.cropping1d(start: Int = 1, end: Int = start, name: String? = null): Cropping1D =
    Cropping1D(intArrayOf(start, end), name)

/** A [Cropping2D], symmetric. */
public fun FunctionalBuilder.cropping2d(rows: Int = 0, cols: Int = rows, name: String? = null): Cropping2D =
    Cropping2D(arrayOf(intArrayOf(rows, rows), intArrayOf(cols, cols)), name)

/** An [UpSampling1D]. */
public fun FunctionalBuilder.upSampling1d(size: Int = 2, name: String? = null): UpSampling1D = UpSampling1D(size, name)

/** An [UpSampling2D]; [interpolation] `"nearest"` or `"bilinear"`. */
public fun FunctionalBuilder.upSampling2d(
    rows: Int = 2, cols: Int = rows, interpolation: String = "nearest", name: String? = null,
): UpSampling2D = UpSampling2D(intArrayOf(rows, cols), interpolation, name)

/** A [ReLU] layer. */
public fun FunctionalBuilder.relu(maxValue: Float? = null, negativeSlope: Float = 0f, threshold: Float = 0f, name: String? = null): ReLU =
    ReLU(maxValue, negativeSlope, threshold, name)

/** A [LeakyReLU] layer. */
public fun FunctionalBuilder.leakyRelu(negativeSlope: Float = 0.3f, name: String? = null): LeakyReLU = LeakyReLU(negativeSlope, name)

/** A [PReLU] layer. */
public fun FunctionalBuilder.prelu(
    vararg sharedAxes: Int, name: String? = null, alphaInitializer: Any = "zeros",
    alphaRegularizer: Any? = null, activityRegularizer: Any? = null, alphaConstraint: Any? = null,
): PReLU = PReLU(initializer(alphaInitializer, "PReLU", "alphaInitializer"), if (sharedAxes.isEmpty()) null else sharedAxes, name)
    .withWeightArguments(activityRegularizer, WeightArgument("alpha", alphaRegularizer, alphaConstraint))

/** An [ELU] layer. */
public fun FunctionalBuilder.elu(alpha: Float = 1f, name: String? = null): ELU = ELU(alpha, name)

/** A [Softmax] layer. */
public fun FunctionalBuilder.softmax(vararg axes: Int, name: String? = null): Softmax = Softmax(if (axes.isEmpty()) intArrayOf(-1) else axes, name)

/** A [BatchNormalization]. */
public fun FunctionalBuilder.batchNormalization(
    axis: Int = -1, momentum: Float = 0.99f, epsilon: Float = 1e-3f, center: Boolean = true, scale: Boolean = true, name: String? = null,
    betaInitializer: Any = "zeros", gammaInitializer: Any = "ones", movingMeanInitializer: Any = "zeros", movingVarianceInitializer: Any = "ones",
    betaRegularizer: Any? = null, gammaRegularizer: Any? = null, activityRegularizer: Any? = null,
    betaConstraint: Any? = null, gammaConstraint: Any? = null,
): BatchNormalization = batchNormalizationLayer(axis, momentum, epsilon, center, scale, name, betaInitializer, gammaInitializer,
    movingMeanInitializer, movingVarianceInitializer)
    .withWeightArguments(activityRegularizer, WeightArgument("beta", betaRegularizer, betaConstraint),
        WeightArgument("gamma", gammaRegularizer, gammaConstraint))

private fun batchNormalizationLayer(
    axis: Int, momentum: Float, epsilon: Float, center: Boolean, scale: Boolean, name: String?,
    betaInitializer: Any, gammaInitializer: Any, movingMeanInitializer: Any, movingVarianceInitializer: Any,
): BatchNormalization = BatchNormalization(axis, momentum, epsilon, center, scale,
    initializer(betaInitializer, "BatchNormalization", "betaInitializer"), initializer(gammaInitializer, "BatchNormalization", "gammaInitializer"),
    initializer(movingMeanInitializer, "BatchNormalization", "movingMeanInitializer"),
    initializer(movingVarianceInitializer, "BatchNormalization", "movingVarianceInitializer"), name)

/** A [LayerNormalization]. */
public fun FunctionalBuilder.layerNormalization(
    vararg axes: Int, epsilon: Float = 1e-3f, center: Boolean = true, scale: Boolean = true, rmsScaling: Boolean = false, name: String? = null,
    betaInitializer: Any = "zeros", gammaInitializer: Any = "ones",
    betaRegularizer: Any? = null, gammaRegularizer: Any? = null, activityRegularizer: Any? = null,
    betaConstraint: Any? = null, gammaConstraint: Any? = null,
): LayerNormalization = LayerNormalization(if (axes.isEmpty()) intArrayOf(-1) else axes, epsilon, center, scale, rmsScaling,
    initializer(betaInitializer, "LayerNormalization", "betaInitializer"), initializer(gammaInitializer, "LayerNormalization", "gammaInitializer"), name)
    .withWeightArguments(activityRegularizer, WeightArgument("beta", betaRegularizer, betaConstraint),
        WeightArgument("gamma", gammaRegularizer, gammaConstraint))

// ---- merging helpers (Keras' functional `layers.concatenate(...)` etc.) ---------------------------------

/** Keras' `layers.concatenate([...], axis)`. */
public fun concatenate(vararg inputs: KerasTensor, axis: Int = -1): KerasTensor = Concatenate(axis).apply(inputs.toList())

/** Keras' `layers.subtract([a, b])`. */
public fun subtract(a: KerasTensor, b: KerasTensor): KerasTensor = Subtract().apply(listOf(a, b))

/** Keras' `layers.maximum([...])`. */
public fun maximum(vararg inputs: KerasTensor): KerasTensor = Maximum().apply(inputs.toList())

/** Keras' `layers.minimum([...])`. */
public fun minimum(vararg inputs: KerasTensor): KerasTensor = Minimum().apply(inputs.toList())

/** Keras' `layers.dot([a, b], axes, normalize)`; one axis for both inputs. */
public fun dot(a: KerasTensor, b: KerasTensor, axes: Int, normalize: Boolean = false): KerasTensor =
    Dot(axes, normalize).apply(listOf(a, b))

/** Keras' `layers.dot([a, b], axes=(axisOfA, axisOfB), normalize)`. */
public fun dot(a: KerasTensor, b: KerasTensor, axes: Pair<Int, Int>, normalize: Boolean = false): KerasTensor =
    Dot(intArrayOf(axes.first, axes.second), normalize, null).apply(listOf(a, b))
