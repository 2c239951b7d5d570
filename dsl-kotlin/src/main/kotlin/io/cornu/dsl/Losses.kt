package io.cornu.dsl

import io.cornu.engine.losses.BinaryCrossentropy
import io.cornu.engine.losses.BinaryFocalCrossentropy
import io.cornu.engine.losses.CategoricalCrossentropy
import io.cornu.engine.losses.CategoricalHinge
import io.cornu.engine.losses.CosineSimilarity
import io.cornu.engine.losses.Hinge
import io.cornu.engine.losses.Huber
import io.cornu.engine.losses.KLDivergence
import io.cornu.engine.losses.LogCosh
import io.cornu.engine.losses.Loss
import io.cornu.engine.losses.MeanAbsoluteError
import io.cornu.engine.losses.MeanAbsolutePercentageError
import io.cornu.engine.losses.MeanSquaredError
import io.cornu.engine.losses.MeanSquaredLogarithmicError
import io.cornu.engine.losses.Poisson
import io.cornu.engine.losses.SparseCategoricalCrossentropy
import io.cornu.engine.losses.SquaredHinge
import io.cornu.engine.tensor.Tensor

// Keras' losses with their defaults, as values: `loss = categoricalCrossentropy`; each read is a new
// instance. Losses with options are also functions: `loss = binaryCrossentropy(fromLogits = true)`.

/** Keras' `categorical_crossentropy` on probabilities. */
public val categoricalCrossentropy: Loss get() = CategoricalCrossentropy()

/** Categorical cross-entropy on logits or probabilities, with optional label smoothing. */
public fun categoricalCrossentropy(fromLogits: Boolean = false, labelSmoothing: Float = 0f): Loss =
    CategoricalCrossentropy(fromLogits, labelSmoothing)

/** Keras' `sparse_categorical_crossentropy` on probabilities, integer labels. */
public val sparseCategoricalCrossentropy: Loss get() = SparseCategoricalCrossentropy()

/** Sparse categorical cross-entropy on logits or probabilities. */
public fun sparseCategoricalCrossentropy(fromLogits: Boolean = false): Loss = SparseCategoricalCrossentropy(fromLogits)

/** Keras' `binary_crossentropy` on probabilities. */
public val binaryCrossentropy: Loss get() = BinaryCrossentropy()

/** Binary cross-entropy on logits or probabilities, labels smoothed towards 0.5 by [labelSmoothing]. */
public fun binaryCrossentropy(fromLogits: Boolean = false, labelSmoothing: Float = 0f): Loss =
    BinaryCrossentropy(fromLogits, labelSmoothing)

/** Keras' `BinaryFocalCrossentropy`: binary cross-entropy scaled by `(1 - p_t)^gamma`. */
public fun binaryFocalCrossentropy(
    gamma: Float = 2f,
    fromLogits: Boolean = false,
    applyClassBalancing: Boolean = false,
    alpha: Float = 0.25f,
    labelSmoothing: Float = 0f,
): Loss = BinaryFocalCrossentropy(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing)

/** `mean(square(y_true - y_pred), axis=-1)`, Keras' `mse`. */
public val meanSquaredError: Loss get() = MeanSquaredError()

/** `mean(abs(y_true - y_pred), axis=-1)`, Keras' `mae`. */
public val meanAbsoluteError: Loss get() = MeanAbsoluteError()

/** `100 * mean(abs((y_true - y_pred) / y_true), axis=-1)`, Keras' `mape`. */
public val meanAbsolutePercentageError: Loss get() = MeanAbsolutePercentageError()

/** `mean(square(log(y_pred + 1) - log(y_true + 1)), axis=-1)`, Keras' `msle`. */
public val meanSquaredLogarithmicError: Loss get() = MeanSquaredLogarithmicError()

/** Keras' Huber loss: quadratic within [delta] of the target, linear beyond. */
public fun huber(delta: Float = 1f): Loss = Huber(delta)

/** `mean(log(cosh(y_pred - y_true)), axis=-1)`. */
public val logCosh: Loss get() = LogCosh()

/** `sum(y_true * log(y_true / y_pred), axis=-1)`, Keras' `kld`. */
public val klDivergence: Loss get() = KLDivergence()

/** `mean(y_pred - y_true * log(y_pred), axis=-1)`. */
public val poisson: Loss get() = Poisson()

/** The negated cosine similarity along [axis]. */
public fun cosineSimilarity(axis: Int = -1): Loss = CosineSimilarity(axis)

/** `mean(maximum(1 - y_true * y_pred, 0), axis=-1)`; 0/1 labels become -1/1. */
public val hinge: Loss get() = Hinge()

/** `mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)`; 0/1 labels become -1/1. */
public val squaredHinge: Loss get() = SquaredHinge()

/** `maximum(neg - pos + 1, 0)` with one-hot labels. */
public val categoricalHinge: Loss get() = CategoricalHinge()

/**
 * A custom loss from a function over ops, returning per-sample values (Keras averages them);
 * differentiated by the tape:
 * ```
 * val quartic = loss("quartic") { yTrue, yPred -> Ops.mean(Ops.square(Ops.square(yPred - yTrue)), -1) }
 * ```
 */
public fun loss(name: String, fn: (yTrue: Tensor, yPred: Tensor) -> Tensor): Loss = Loss.of(name) { t, p -> fn(t, p) }
