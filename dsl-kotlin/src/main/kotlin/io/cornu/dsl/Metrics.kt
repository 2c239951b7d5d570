package io.cornu.dsl

import io.cornu.engine.metrics.AUC
import io.cornu.engine.metrics.BinaryAccuracy
import io.cornu.engine.metrics.CategoricalAccuracy
import io.cornu.engine.metrics.MeanAbsoluteError
import io.cornu.engine.metrics.MeanMetricWrapper
import io.cornu.engine.metrics.MeanSquaredError
import io.cornu.engine.metrics.Metric
import io.cornu.engine.metrics.Precision
import io.cornu.engine.metrics.Recall
import io.cornu.engine.metrics.RootMeanSquaredError
import io.cornu.engine.metrics.SparseCategoricalAccuracy
import io.cornu.engine.metrics.SparseTopKCategoricalAccuracy
import io.cornu.engine.metrics.TopKCategoricalAccuracy
import io.cornu.engine.tensor.Tensor

// Keras' metrics as factories, for `compile { metrics(precision(), auc(), "accuracy") }`. Each call makes a
// new stateful metric; names default to Keras' and appear in the logs.

/** How often predictions above [threshold] match binary labels. */
public fun binaryAccuracy(threshold: Float = 0.5f, name: String = "binary_accuracy"): Metric = BinaryAccuracy(name, threshold)

/** How often the arg-max of the prediction matches the one-hot label. */
public fun categoricalAccuracy(name: String = "categorical_accuracy"): Metric = CategoricalAccuracy(name)

/** How often the arg-max of the prediction matches the integer label. */
public fun sparseCategoricalAccuracy(name: String = "sparse_categorical_accuracy"): Metric = SparseCategoricalAccuracy(name)

/** How often the one-hot label's class is among the [k] best-scored. */
public fun topKCategoricalAccuracy(k: Int = 5, name: String = "top_k_categorical_accuracy"): Metric = TopKCategoricalAccuracy(k, name)

/** How often the integer label is among the [k] best-scored classes. */
public fun sparseTopKCategoricalAccuracy(k: Int = 5, name: String = "sparse_top_k_categorical_accuracy"): Metric =
    SparseTopKCategoricalAccuracy(k, name)

/** The mean absolute error over every sample seen. */
public fun mae(name: String = "mean_absolute_error"): Metric = MeanAbsoluteError(name)

/** The mean squared error over every sample seen. */
public fun mse(name: String = "mean_squared_error"): Metric = MeanSquaredError(name)

/** The root of the mean squared error over every sample seen. */
public fun rmse(name: String = "root_mean_squared_error"): Metric = RootMeanSquaredError(name)

/** `tp / (tp + fp)` with predictions above [threshold] positive; only class [classId] when given. */
public fun precision(threshold: Float = 0.5f, classId: Int? = null, name: String = "precision"): Metric =
    Precision(threshold, classId, name)

/** `tp / (tp + fn)` with predictions above [threshold] positive; only class [classId] when given. */
public fun recall(threshold: Float = 0.5f, classId: Int? = null, name: String = "recall"): Metric =
    Recall(threshold, classId, name)

/** The area under the ROC (or PR) curve, over [numThresholds] thresholds as Keras' `AUC`. */
public fun auc(
    numThresholds: Int = 200,
    curve: AUC.Curve = AUC.Curve.ROC,
    summationMethod: AUC.Summation = AUC.Summation.INTERPOLATION,
    fromLogits: Boolean = false,
    name: String = "auc",
): Metric = AUC(numThresholds, curve, summationMethod, fromLogits, name)

/**
 * A custom metric: the running mean of per-sample values of a function over ops, as Keras'
 * `MeanMetricWrapper`:
 * ```
 * val maxError = metric("max_error") { yTrue, yPred -> Ops.max(Ops.abs(yPred - yTrue), -1) }
 * ```
 */
public fun metric(name: String, fn: (yTrue: Tensor, yPred: Tensor) -> Tensor): Metric = MeanMetricWrapper(name) { t, p -> fn(t, p) }
