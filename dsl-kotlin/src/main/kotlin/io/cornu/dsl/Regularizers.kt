package io.cornu.dsl

import io.cornu.engine.constraints.Constraint
import io.cornu.engine.constraints.Constraints
import io.cornu.engine.constraints.MaxNorm
import io.cornu.engine.constraints.MinMaxNorm
import io.cornu.engine.constraints.NonNeg
import io.cornu.engine.constraints.UnitNorm
import io.cornu.engine.layers.Layer
import io.cornu.engine.regularizers.L1
import io.cornu.engine.regularizers.L1L2
import io.cornu.engine.regularizers.L2
import io.cornu.engine.regularizers.OrthogonalRegularizer
import io.cornu.engine.regularizers.Regularizer
import io.cornu.engine.regularizers.Regularizers

// Keras' regularizers and constraints, for the layer builders' `kernelRegularizer = l2(0.002)`,
// `biasConstraint = nonNeg()`, ...: each call makes a new one, with Keras' defaults. The builders also
// take Keras' names (`kernelRegularizer = "l2"`, `kernelConstraint = "max_norm"`) and config maps.

/** Keras' `regularizers.l1(l1)`: the penalty `l1 * sum(|w|)`. */
public fun l1(l1: Number = 0.01): Regularizer = L1(l1.toDouble())

/** Keras' `regularizers.l2(l2)`: the penalty `l2 * sum(w^2)`. */
public fun l2(l2: Number = 0.01): Regularizer = L2(l2.toDouble())

/** Keras' `regularizers.l1_l2(l1, l2)`: both penalties; a factor left out is 0, as in Keras 3. */
public fun l1l2(l1: Number = 0.0, l2: Number = 0.0): Regularizer = L1L2(l1.toDouble(), l2.toDouble())

/** Keras' `regularizers.OrthogonalRegularizer`: the mean absolute cosine between rows (or `mode = "columns"`). */
public fun orthogonalRegularizer(factor: Number = 0.01, mode: String = "rows"): Regularizer = OrthogonalRegularizer(factor.toDouble(), mode)

/** Keras' `constraints.max_norm`: each slice along [axis] (default 0) scaled down to a norm of at most [maxValue]. */
public fun maxNorm(maxValue: Number = 2, vararg axis: Int): Constraint = MaxNorm(maxValue.toDouble(), *axesOrZero(axis))

/** Keras' `constraints.min_max_norm`: norms moved into `[minValue, maxValue]` at [rate]. */
public fun minMaxNorm(minValue: Number = 0.0, maxValue: Number = 1.0, rate: Number = 1.0, vararg axis: Int): Constraint =
    MinMaxNorm(minValue.toDouble(), maxValue.toDouble(), rate.toDouble(), *axesOrZero(axis))

/** Keras' `constraints.non_neg`: negative weights set to 0. */
public fun nonNeg(): Constraint = NonNeg()

/** Keras' `constraints.unit_norm`: each slice along [axis] (default 0) scaled to norm 1. */
public fun unitNorm(vararg axis: Int): Constraint = UnitNorm(*axesOrZero(axis))

private fun axesOrZero(axis: IntArray): IntArray = if (axis.isEmpty()) intArrayOf(0) else axis

/** One weight argument of a builder: Keras' `<argument>_regularizer` and `<argument>_constraint`, each null, an object, a name or a config. */
internal class WeightArgument(val argument: String, val regularizer: Any?, val constraint: Any?)

/** The regularizers and constraints of a builder with a kernel and a bias (Dense, convolutions). */
internal fun <L : Layer> L.withKernelAndBias(
    kernelRegularizer: Any?, biasRegularizer: Any?, activityRegularizer: Any?, kernelConstraint: Any?, biasConstraint: Any?,
): L = withWeightArguments(activityRegularizer, WeightArgument("kernel", kernelRegularizer, kernelConstraint),
    WeightArgument("bias", biasRegularizer, biasConstraint))

/** The regularizers and constraints of a depthwise convolution builder. */
internal fun <L : Layer> L.withDepthwiseAndBias(
    depthwiseRegularizer: Any?, biasRegularizer: Any?, activityRegularizer: Any?, depthwiseConstraint: Any?, biasConstraint: Any?,
): L = withWeightArguments(activityRegularizer, WeightArgument("depthwise", depthwiseRegularizer, depthwiseConstraint),
    WeightArgument("bias", biasRegularizer, biasConstraint))

/** The regularizers and constraints of a separable convolution builder. */
internal fun <L : Layer> L.withSeparableWeights(
    depthwiseRegularizer: Any?, pointwiseRegularizer: Any?, biasRegularizer: Any?, activityRegularizer: Any?,
    depthwiseConstraint: Any?, pointwiseConstraint: Any?, biasConstraint: Any?,
): L = withWeightArguments(activityRegularizer, WeightArgument("depthwise", depthwiseRegularizer, depthwiseConstraint),
    WeightArgument("pointwise", pointwiseRegularizer, pointwiseConstraint), WeightArgument("bias", biasRegularizer, biasConstraint))

/** The regularizers and constraints of a recurrent layer builder. */
internal fun <L : Layer> L.withRecurrentWeights(
    kernelRegularizer: Any?, recurrentRegularizer: Any?, biasRegularizer: Any?, activityRegularizer: Any?,
    kernelConstraint: Any?, recurrentConstraint: Any?, biasConstraint: Any?,
): L = withWeightArguments(activityRegularizer, WeightArgument("kernel", kernelRegularizer, kernelConstraint),
    WeightArgument("recurrent", recurrentRegularizer, recurrentConstraint), WeightArgument("bias", biasRegularizer, biasConstraint))

/** Gives the layer a builder's regularizers and constraints; null ones stay unset. */
internal fun <L : Layer> L.withWeightArguments(activity: Any?, vararg arguments: WeightArgument): L {
    for (a in arguments) {
        regularizerArgument(a.regularizer, className(), "${a.argument}Regularizer")?.let { regularizer(a.argument, it) }
        constraintArgument(a.constraint, className(), "${a.argument}Constraint")?.let { constraint(a.argument, it) }
    }
    regularizerArgument(activity, className(), "activityRegularizer")?.let { activityRegularizer(it) }
    return this
}

/** A regularizer argument of a builder: null, a [Regularizer], a Keras name such as `"l2"`, or a config map. */
internal fun regularizerArgument(argument: Any?, layer: String, parameter: String): Regularizer? =
    when (argument) {
        null -> null
        is Regularizer, is String, is Map<*, *> -> Regularizers.get(argument)
        else -> throw IllegalArgumentException(
            "$layer: $parameter must be a Regularizer or a Keras name such as \"l2\". Received: $parameter=$argument"
        )
    }

/** A constraint argument of a builder: null, a [Constraint], a Keras name such as `"non_neg"`, or a config map. */
internal fun constraintArgument(argument: Any?, layer: String, parameter: String): Constraint? =
    when (argument) {
        null -> null
        is Constraint, is String, is Map<*, *> -> Constraints.get(argument)
        else -> throw IllegalArgumentException(
            "$layer: $parameter must be a Constraint or a Keras name such as \"max_norm\". Received: $parameter=$argument"
        )
    }
