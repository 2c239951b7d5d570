package io.cornu.dsl

import io.cornu.engine.activations.Activation
import io.cornu.engine.layers.conv.Conv1D
import io.cornu.engine.layers.conv.Conv1DTranspose
import io.cornu.engine.layers.conv.Conv2D
import io.cornu.engine.layers.conv.Conv2DTranspose
import io.cornu.engine.layers.conv.DepthwiseConv1D
import io.cornu.engine.layers.conv.DepthwiseConv2D
import io.cornu.engine.layers.conv.SeparableConv1D
import io.cornu.engine.layers.conv.SeparableConv2D
import io.cornu.engine.layers.pooling.AveragePooling1D
import io.cornu.engine.layers.pooling.AveragePooling2D
import io.cornu.engine.layers.pooling.GlobalAveragePooling1D
import io.cornu.engine.layers.pooling.GlobalAveragePooling2D
import io.cornu.engine.layers.pooling.GlobalMaxPooling1D
import io.cornu.engine.layers.pooling.GlobalMaxPooling2D
import io.cornu.engine.layers.pooling.MaxPooling1D
import io.cornu.engine.layers.pooling.MaxPooling2D

// Convolution and pooling builders. Each comes twice: an extension on SequentialBuilder that
// appends the layer (`conv2d(32, 3, activation = relu)`), and one on FunctionalBuilder that
// returns it, to call on symbolic tensors (`val h = conv2d(32, 3, activation = relu)(x)`).
// Arguments and defaults are Keras'; a size given as one Int applies to every spatial axis. Regularizers and
// constraints come last, as objects or Keras names: `conv2d(32, 3, kernelRegularizer = l2(0.001), biasConstraint = nonNeg())`.

// ---- Conv1D / Conv2D ----------------------------------------------------------------------------------

/** Appends a [Conv1D]: `conv1d(32, 7, activation = relu)`. */
public fun SequentialBuilder.conv1d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, groups: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(Conv1D(filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias,
        kernel("Conv1D", kernelInitializer), bias("Conv1D", biasInitializer), name)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
}

/** A [Conv1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.conv1d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, groups: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
): Conv1D = Conv1D(filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias,
    kernel("Conv1D", kernelInitializer), bias("Conv1D", biasInitializer), name)
    .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

/** Appends a [Conv2D] with a square window: `conv2d(32, 3, activation = relu, kernelInitializer = heNormal())`. */
public fun SequentialBuilder.conv2d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, groups: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(ConvConstructors.conv2d(filters, intArrayOf(kernelSize), intArrayOf(strides), padding, intArrayOf(dilationRate), groups,
        activation, useBias, name, kernelInitializer, biasInitializer)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
}

/** Appends a [Conv2D] with per-axis sizes: `conv2d(16, intArrayOf(3, 5), strides = intArrayOf(1, 2))`. */
public fun SequentialBuilder.conv2d(
    filters: Int, kernelSize: IntArray, strides: IntArray = intArrayOf(1, 1), padding: String = "valid",
    dilationRate: IntArray = intArrayOf(1, 1), groups: Int = 1, activation: Activation = linear, useBias: Boolean = true,
    name: String? = null, kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(ConvConstructors.conv2d(filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias, name,
        kernelInitializer, biasInitializer)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
}

/** A [Conv2D] with a square window, to call on a symbolic tensor. */
public fun FunctionalBuilder.conv2d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, groups: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
): Conv2D = ConvConstructors.conv2d(filters, intArrayOf(kernelSize), intArrayOf(strides), padding, intArrayOf(dilationRate), groups,
    activation, useBias, name, kernelInitializer, biasInitializer)
    .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

/** A [Conv2D] with per-axis sizes, to call on a symbolic tensor. */
public fun FunctionalBuilder.conv2d(
    filters: Int, kernelSize: IntArray, strides: IntArray = intArrayOf(1, 1), padding: String = "valid",
    dilationRate: IntArray = intArrayOf(1, 1), groups: Int = 1, activation: Activation = linear, useBias: Boolean = true,
    name: String? = null, kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
): Conv2D = ConvConstructors.conv2d(filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias, name,
    kernelInitializer, biasInitializer)
    .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

// ---- separable and depthwise --------------------------------------------------------------------------------

/** Appends a [SeparableConv1D]. */
public fun SequentialBuilder.separableConv1d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, depthMultiplier: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", pointwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, pointwiseRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, pointwiseConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(SeparableConv1D(filters, kernelSize, strides, padding, dilationRate, depthMultiplier, activation, useBias,
        depthwise("SeparableConv1D", depthwiseInitializer), pointwise("SeparableConv1D", pointwiseInitializer),
        bias("SeparableConv1D", biasInitializer), name)
        .withSeparableWeights(depthwiseRegularizer, pointwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint,
            pointwiseConstraint, biasConstraint))
}

/** A [SeparableConv1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.separableConv1d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, depthMultiplier: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", pointwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, pointwiseRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, pointwiseConstraint: Any? = null, biasConstraint: Any? = null,
): SeparableConv1D = SeparableConv1D(filters, kernelSize, strides, padding, dilationRate, depthMultiplier, activation, useBias,
    depthwise("SeparableConv1D", depthwiseInitializer), pointwise("SeparableConv1D", pointwiseInitializer),
    bias("SeparableConv1D", biasInitializer), name)
    .withSeparableWeights(depthwiseRegularizer, pointwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint,
        pointwiseConstraint, biasConstraint)

/** Appends a [SeparableConv2D]: `separableConv2d(64, 3, activation = relu)`. */
public fun SequentialBuilder.separableConv2d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, depthMultiplier: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", pointwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, pointwiseRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, pointwiseConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(SeparableConv2D(filters, intArrayOf(kernelSize), intArrayOf(strides), padding, intArrayOf(dilationRate), depthMultiplier,
        activation, useBias, depthwise("SeparableConv2D", depthwiseInitializer), pointwise("SeparableConv2D", pointwiseInitializer),
        bias("SeparableConv2D", biasInitializer), name)
        .withSeparableWeights(depthwiseRegularizer, pointwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint,
            pointwiseConstraint, biasConstraint))
}

/** A [SeparableConv2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.separableConv2d(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", dilationRate: Int = 1, depthMultiplier: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", pointwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, pointwiseRegularizer: Any? = null, biasRegularizer: Any? = null,
    activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, pointwiseConstraint: Any? = null, biasConstraint: Any? = null,
): SeparableConv2D = SeparableConv2D(filters, intArrayOf(kernelSize), intArrayOf(strides), padding, intArrayOf(dilationRate),
    depthMultiplier, activation, useBias, depthwise("SeparableConv2D", depthwiseInitializer),
    pointwise("SeparableConv2D", pointwiseInitializer), bias("SeparableConv2D", biasInitializer), name)
    .withSeparableWeights(depthwiseRegularizer, pointwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint,
        pointwiseConstraint, biasConstraint)

/** Appends a [DepthwiseConv1D]. */
public fun SequentialBuilder.depthwiseConv1d(
    kernelSize: Int, strides: Int = 1, padding: String = "valid", depthMultiplier: Int = 1, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(DepthwiseConv1D(kernelSize, strides, padding, depthMultiplier, dilationRate, activation, useBias,
        depthwise("DepthwiseConv1D", depthwiseInitializer), bias("DepthwiseConv1D", biasInitializer), name)
        .withDepthwiseAndBias(depthwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, biasConstraint))
}

/** A [DepthwiseConv1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.depthwiseConv1d(
    kernelSize: Int, strides: Int = 1, padding: String = "valid", depthMultiplier: Int = 1, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, biasConstraint: Any? = null,
): DepthwiseConv1D = DepthwiseConv1D(kernelSize, strides, padding, depthMultiplier, dilationRate, activation, useBias,
    depthwise("DepthwiseConv1D", depthwiseInitializer), bias("DepthwiseConv1D", biasInitializer), name)
    .withDepthwiseAndBias(depthwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, biasConstraint)

/** Appends a [DepthwiseConv2D]: `depthwiseConv2d(3, padding = "same")`. */
public fun SequentialBuilder.depthwiseConv2d(
    kernelSize: Int, strides: Int = 1, padding: String = "valid", depthMultiplier: Int = 1, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(DepthwiseConv2D(intArrayOf(kernelSize), intArrayOf(strides), padding, depthMultiplier, intArrayOf(dilationRate), activation,
        useBias, depthwise("DepthwiseConv2D", depthwiseInitializer), bias("DepthwiseConv2D", biasInitializer), name)
        .withDepthwiseAndBias(depthwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, biasConstraint))
}

/** A [DepthwiseConv2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.depthwiseConv2d(
    kernelSize: Int, strides: Int = 1, padding: String = "valid", depthMultiplier: Int = 1, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    depthwiseInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    depthwiseRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    depthwiseConstraint: Any? = null, biasConstraint: Any? = null,
): DepthwiseConv2D = DepthwiseConv2D(intArrayOf(kernelSize), intArrayOf(strides), padding, depthMultiplier, intArrayOf(dilationRate),
    activation, useBias, depthwise("DepthwiseConv2D", depthwiseInitializer), bias("DepthwiseConv2D", biasInitializer), name)
    .withDepthwiseAndBias(depthwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, biasConstraint)

// ---- transposed ---------------------------------------------------------------------------------------------

/** Appends a [Conv1DTranspose]; `outputPadding = null` lets Keras' rule choose the length. */
public fun SequentialBuilder.conv1dTranspose(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", outputPadding: Int? = null, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(Conv1DTranspose(filters, kernelSize, strides, padding, outputPadding, dilationRate, activation, useBias,
        kernel("Conv1DTranspose", kernelInitializer), bias("Conv1DTranspose", biasInitializer), name)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
}

/** A [Conv1DTranspose] to call on a symbolic tensor. */
public fun FunctionalBuilder.conv1dTranspose(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", outputPadding: Int? = null, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
): Conv1DTranspose = Conv1DTranspose(filters, kernelSize, strides, padding, outputPadding, dilationRate, activation, useBias,
    kernel("Conv1DTranspose", kernelInitializer), bias("Conv1DTranspose", biasInitializer), name)
    .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

/** Appends a [Conv2DTranspose]: `conv2dTranspose(32, 3, strides = 2, padding = "same")` doubles height and width. */
public fun SequentialBuilder.conv2dTranspose(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", outputPadding: Int? = null, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
) {
    layer(ConvConstructors.conv2dTranspose(filters, kernelSize, strides, padding, outputPadding, dilationRate, activation, useBias, name,
        kernelInitializer, biasInitializer)
        .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint))
}

/** A [Conv2DTranspose] to call on a symbolic tensor. */
public fun FunctionalBuilder.conv2dTranspose(
    filters: Int, kernelSize: Int, strides: Int = 1, padding: String = "valid", outputPadding: Int? = null, dilationRate: Int = 1,
    activation: Activation = linear, useBias: Boolean = true, name: String? = null,
    kernelInitializer: Any = "glorot_uniform", biasInitializer: Any = "zeros",
    kernelRegularizer: Any? = null, biasRegularizer: Any? = null, activityRegularizer: Any? = null,
    kernelConstraint: Any? = null, biasConstraint: Any? = null,
): Conv2DTranspose = ConvConstructors.conv2dTranspose(filters, kernelSize, strides, padding, outputPadding, dilationRate, activation,
    useBias, name, kernelInitializer, biasInitializer)
    .withKernelAndBias(kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint)

// ---- pooling ----------------------------------------------------------------------------------------------------

/** Appends a [MaxPooling1D]; `strides = null` means the pool size. */
public fun SequentialBuilder.maxPooling1d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null) {
    layer(MaxPooling1D(poolSize, strides, padding, name))
}

/** A [MaxPooling1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.maxPooling1d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null): MaxPooling1D =
    MaxPooling1D(poolSize, strides, padding, name)

/** Appends a [MaxPooling2D] over square windows: `maxPooling2d(2)`; `strides = null` means the pool size. */
public fun SequentialBuilder.maxPooling2d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null) {
    layer(MaxPooling2D(intArrayOf(poolSize), strides?.let { intArrayOf(it) }, padding, name))
}

/** A [MaxPooling2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.maxPooling2d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null): MaxPooling2D =
    MaxPooling2D(intArrayOf(poolSize), strides?.let { intArrayOf(it) }, padding, name)

/** Appends an [AveragePooling1D]; `strides = null` means the pool size. */
public fun SequentialBuilder.averagePooling1d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null) {
    layer(AveragePooling1D(poolSize, strides, padding, name))
}

/** An [AveragePooling1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.averagePooling1d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null): AveragePooling1D =
    AveragePooling1D(poolSize, strides, padding, name)

/** Appends an [AveragePooling2D] over square windows; `strides = null` means the pool size. */
public fun SequentialBuilder.averagePooling2d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null) {
    layer(AveragePooling2D(intArrayOf(poolSize), strides?.let { intArrayOf(it) }, padding, name))
}

/** An [AveragePooling2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.averagePooling2d(poolSize: Int = 2, strides: Int? = null, padding: String = "valid", name: String? = null): AveragePooling2D =
    AveragePooling2D(intArrayOf(poolSize), strides?.let { intArrayOf(it) }, padding, name)

/** Appends a [GlobalMaxPooling1D]. */
public fun SequentialBuilder.globalMaxPooling1d(keepdims: Boolean = false, name: String? = null) {
    layer(GlobalMaxPooling1D(keepdims, name))
}

/** A [GlobalMaxPooling1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.globalMaxPooling1d(keepdims: Boolean = false, name: String? = null): GlobalMaxPooling1D =
    GlobalMaxPooling1D(keepdims, name)

/** Appends a [GlobalMaxPooling2D]. */
public fun SequentialBuilder.globalMaxPooling2d(keepdims: Boolean = false, name: String? = null) {
    layer(GlobalMaxPooling2D(keepdims, name))
}

/** A [GlobalMaxPooling2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.globalMaxPooling2d(keepdims: Boolean = false, name: String? = null): GlobalMaxPooling2D =
    GlobalMaxPooling2D(keepdims, name)

/** Appends a [GlobalAveragePooling1D] (masked steps are left out of the mean). */
public fun SequentialBuilder.globalAveragePooling1d(keepdims: Boolean = false, name: String? = null) {
    layer(GlobalAveragePooling1D(keepdims, name))
}

/** A [GlobalAveragePooling1D] to call on a symbolic tensor. */
public fun FunctionalBuilder.globalAveragePooling1d(keepdims: Boolean = false, name: String? = null): GlobalAveragePooling1D =
    GlobalAveragePooling1D(keepdims, name)

/** Appends a [GlobalAveragePooling2D]. */
public fun SequentialBuilder.globalAveragePooling2d(keepdims: Boolean = false, name: String? = null) {
    layer(GlobalAveragePooling2D(keepdims, name))
}

/** A [GlobalAveragePooling2D] to call on a symbolic tensor. */
public fun FunctionalBuilder.globalAveragePooling2d(keepdims: Boolean = false, name: String? = null): GlobalAveragePooling2D =
    GlobalAveragePooling2D(keepdims, name)

/** The constructors shared by both builders' overloads. */
private object ConvConstructors {
    fun conv2d(
        filters: Int, kernelSize: IntArray, strides: IntArray, padding: String, dilationRate: IntArray, groups: Int,
        activation: Activation, useBias: Boolean, name: String?, kernelInitializer: Any, biasInitializer: Any,
    ): Conv2D = Conv2D(filters, kernelSize, strides, padding, dilationRate, groups, activation, useBias,
        kernel("Conv2D", kernelInitializer), bias("Conv2D", biasInitializer), name)

    fun conv2dTranspose(
        filters: Int, kernelSize: Int, strides: Int, padding: String, outputPadding: Int?, dilationRate: Int,
        activation: Activation, useBias: Boolean, name: String?, kernelInitializer: Any, biasInitializer: Any,
    ): Conv2DTranspose = Conv2DTranspose(filters, intArrayOf(kernelSize), intArrayOf(strides), padding, outputPadding?.let { intArrayOf(it) },
        intArrayOf(dilationRate), activation, useBias, kernel("Conv2DTranspose", kernelInitializer), bias("Conv2DTranspose", biasInitializer), name)
}

// The initializer arguments of the convolutions, by the layer's name for errors.
private fun kernel(layer: String, argument: Any) = initializer(argument, layer, "kernelInitializer")
private fun bias(layer: String, argument: Any) = initializer(argument, layer, "biasInitializer")
private fun depthwise(layer: String, argument: Any) = initializer(argument, layer, "depthwiseInitializer")
private fun pointwise(layer: String, argument: Any) = initializer(argument, layer, "pointwiseInitializer")
