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
import io.cornu.engine.losses.Reduction
import io.cornu.engine.losses.SparseCategoricalCrossentropy
import io.cornu.engine.losses.SquaredHinge
import io.cornu.engine.tensor.Tensor

// Keras' losses with their defaults, as values: `loss = categoricalCrossentropy`; each read is a new
// instance. Every loss is also a function taking its options and Keras' `reduction` and `name`:
// `loss = binaryCrossentropy(fromLogits = true)`, `meanSquaredError(reduction = "sum")`.
// `reduction` is Keras' spelling: "sum_over_batch_size" (the default), "sum", "mean",
// "mean_with_sample_weight", or "none" (null too, as Keras' None); `name` null keeps Keras' default name.

private const val DEFAULT_REDUCTION: String = "sum_over_batch_size"

private fun reductionOf(reduction: String?): Reduction = Reduction.get(reduction)

/** Keras' `categorical_crossentropy` on probabilities. */
public val categoricalCrossentropy: Loss get() = CategoricalCrossentropy()

/** Categorical cross-entropy on logits or probabilities, with optional label smoothing. */
public fun categoricalCrossentropy(
    fromLogits: Boolean = false,
    labelSmoothing: Float = 0f,
    reduction: String? = DEFAULT_REDUCTION,
    name: String? = null,
): Loss = CategoricalCrossentropy(fromLogits, labelSmoothing, reductionOf(reduction), name)

/** Keras' `sparse_categorical_crossentropy` on probabilities, integer labels. */
public val sparseCategoricalCrossentropy: Loss get() = SparseCategoricalCrossentropy()

/** Sparse categorical cross-entropy on logits or probabilities. */
public fun sparseCategoricalCrossentropy(
    fromLogits: Boolean = false,
    reduction: String? = DEFAULT_REDUCTION,
    name: String? = null,
): Loss = SparseCategoricalCrossentropy(fromLogits, reductionOf(reduction), name)

/** Keras' `binary_crossentropy` on probabilities. */
public val binaryCrossentropy: Loss get() = BinaryCrossentropy()

/** Binary cross-entropy on logits or probabilities, labels smoothed towards 0.5 by [labelSmoothing]. */
public fun binaryCrossentropy(
    fromLogits: Boolean = false,
    labelSmoothing: Float = 0f,
    reduction: String? = DEFAULT_REDUCTION,
    name: String? = null,
): Loss = BinaryCrossentropy(fromLogits, labelSmoothing, reductionOf(reduction), name)

/** Keras' `BinaryFocalCrossentropy`: binary cross-entropy scaled by `(1 - p_t)^gamma`. */
public fun binaryFocalCrossentropy(
    gamma: Float = 2f,
    fromLogits: Boolean = false,
    applyClassBalancing: Boolean = false,
    alpha: Float = 0.25f,
    labelSmoothing: Float = 0f,
    reduction: String? = DEFAULT_REDUCTION,
    name: String? = null,
): Loss = BinaryFocalCrossentropy(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing, reductionOf(reduction), name)

/** `mean(square(y_true - y_pred), axis=-1)`, Keras' `mse`. */
public val meanSquaredError: Loss get() = MeanSquaredError()

/** Keras' `MeanSquaredError` with [reduction] and [name]. */
public fun meanSquaredError(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    MeanSquaredError(reductionOf(reduction), name)

/** `mean(abs(y_true - y_pred), axis=-1)`, Keras' `mae`. */
public val meanAbsoluteError: Loss get() = MeanAbsoluteError()

/** Keras' `MeanAbsoluteError` with [reduction] and [name]. */
public fun meanAbsoluteError(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    MeanAbsoluteError(reductionOf(reduction), name)

/** `100 * mean(abs((y_true - y_pred) / y_true), axis=-1)`, Keras' `mape`. */
public val meanAbsolutePercentageError: Loss get() = MeanAbsolutePercentageError()

/** Keras' `MeanAbsolutePercentageError` with [reduction] and [name]. */
public fun meanAbsolutePercentageError(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    MeanAbsolutePercentageError(reductionOf(reduction), name)

/** `mean(square(log(y_pred + 1) - log(y_true + 1)), axis=-1)`, Keras' `msle`. */
public val meanSquaredLogarithmicError: Loss get() = MeanSquaredLogarithmicError()

/** Keras' `MeanSquaredLogarithmicError` with [reduction] and [name]. */
public fun meanSquaredLogarithmicError(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    MeanSquaredLogarithmicError(reductionOf(reduction), name)

/** Keras' Huber loss: quadratic within [delta] of the target, linear beyond. */
public fun huber(delta: Float = 1f, reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    Huber(delta, reductionOf(reduction), name)

/** `mean(log(cosh(y_pred - y_true)), axis=-1)`. */
public val logCosh: Loss get() = LogCosh()

/** Keras' `LogCosh` with [reduction] and [name]. */
public fun logCosh(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss = LogCosh(reductionOf(reduction), name)

/** `sum(y_true * log(y_true / y_pred), axis=-1)`, Keras' `kld`. */
public val klDivergence: Loss get() = KLDivergence()

/** Keras' `KLDivergence` with [reduction] and [name]. */
public fun klDivergence(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    KLDivergence(reductionOf(reduction), name)

/** `mean(y_pred - y_true * log(y_pred), axis=-1)`. */
public val poisson: Loss get() = Poisson()

/** Keras' `Poisson` with [reduction] and [name]. */
public fun poisson(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss = Poisson(reductionOf(reduction), name)

/** The negated cosine similarity along [axis]. */
public fun cosineSimilarity(axis: Int = -1, reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    CosineSimilarity(axis, reductionOf(reduction), name)

/** `mean(maximum(1 - y_true * y_pred, 0), axis=-1)`; 0/1 labels become -1/1. */
public val hinge: Loss get() = Hinge()

/** Keras' `Hinge` with [reduction] and [name]. */
public fun hinge(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss = Hinge(reductionOf(reduction), name)

/** `mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)`; 0/1 labels become -1/1. */
public val squaredHinge: Loss get() = SquaredHinge()

/** Keras' `SquaredHinge` with [reduction] and [name]. */
public fun squaredHinge(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    SquaredHinge(reductionOf(reduction), name)

/** `maximum(neg - pos + 1, 0)` with one-hot labels. */
public val categoricalHinge: Loss get() = CategoricalHinge()

/** Keras' `CategoricalHinge` with [reduction] and [name]. */
public fun categoricalHinge(reduction: String? = DEFAULT_REDUCTION, name: String? = null): Loss =
    CategoricalHinge(reductionOf(reduction), name)

/**
 * A custom loss from a function over ops, returning per-sample values (reduced with [reduction], by default
 * Keras' mean over the batch); differentiated by the tape:
 * ```
 * val quartic = loss("quartic") { yTrue, yPred -> Ops.mean(Ops.square(Ops.square(yPred - yTrue)), -1) }
 * val summed = loss("quartic_sum", reduction = "sum") { yTrue, yPred -> ... }
 * ```
 */
public fun loss(name: String, reduction: String? = DEFAULT_REDUCTION, fn: (yTrue: Tensor, yPred: Tensor) -> Tensor): Loss =
    Loss.of(name, reductionOf(reduction)) { t, p -> fn(t, p) }
