package io.cornu.dsl

import io.cornu.engine.autodiff.Variable
import io.cornu.engine.optimizers.Adadelta
import io.cornu.engine.optimizers.Adagrad
import io.cornu.engine.optimizers.Adam
import io.cornu.engine.optimizers.AdamW
import io.cornu.engine.optimizers.Adamax
import io.cornu.engine.optimizers.Nadam
import io.cornu.engine.optimizers.Optimizer
import io.cornu.engine.optimizers.RMSprop
import io.cornu.engine.optimizers.SGD
import io.cornu.engine.optimizers.schedules.CosineDecay
import io.cornu.engine.optimizers.schedules.ExponentialDecay
import io.cornu.engine.optimizers.schedules.InverseTimeDecay
import io.cornu.engine.optimizers.schedules.LearningRateSchedule
import io.cornu.engine.optimizers.schedules.PiecewiseConstantDecay

// Optimizer factories with Keras' defaults as named arguments. Each takes the learning rate as any number
// (`1e-3` or `1e-3f`) or as a LearningRateSchedule (an overload), plus Keras' base arguments: weightDecay, clipnorm, clipvalue,
// globalClipnorm (at most one of the three clips) and name. 

/** Applies Keras' base optimizer arguments to an engine builder. */
private fun <B : Optimizer.Builder<B>> B.base(
    weightDecay: Float?,
    clipnorm: Float?,
    clipvalue: Float?,
    globalClipnorm: Float?,
    name: String?,
): B {
    if (weightDecay != null) this.weightDecay(weightDecay)
    if (clipnorm != null) this.clipnorm(clipnorm)
    if (clipvalue != null) this.clipvalue(clipvalue)
    if (globalClipnorm != null) this.globalClipnorm(globalClipnorm)
    if (name != null) this.name(name)
    return this
}

/** Keras' SGD: `sgd(learningRate = 0.1f, momentum = 0.9f, nesterov = true)`. */
public fun sgd(
    learningRate: Number = 0.01f,
    momentum: Float = 0f,
    nesterov: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): SGD = SGD.builder().learningRate(learningRate.toFloat()).momentum(momentum).nesterov(nesterov)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' SGD on a schedule: `sgd(learningRate = exponentialDecay(0.1f, 1000, 0.96f))`. */
public fun sgd(
    learningRate: LearningRateSchedule,
    momentum: Float = 0f,
    nesterov: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): SGD = SGD.builder().learningRate(learningRate).momentum(momentum).nesterov(nesterov)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adam: `adam(learningRate = 3e-4f, amsgrad = true)`. */
public fun adam(
    learningRate: Number = 0.001f,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    amsgrad: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adam = Adam.builder().learningRate(learningRate.toFloat()).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adam on a schedule. */
public fun adam(
    learningRate: LearningRateSchedule,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    amsgrad: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adam = Adam.builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' AdamW (decoupled weight decay, 0.004 by default): `adamW(weightDecay = 0.01f)`. */
public fun adamW(
    learningRate: Number = 0.001f,
    weightDecay: Float = 0.004f,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    amsgrad: Boolean = false,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): AdamW = AdamW.builder().learningRate(learningRate.toFloat()).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' AdamW on a schedule (the decay uses the scheduled rate too). */
public fun adamW(
    learningRate: LearningRateSchedule,
    weightDecay: Float = 0.004f,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    amsgrad: Boolean = false,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): AdamW = AdamW.builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon).amsgrad(amsgrad)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adagrad: `adagrad(learningRate = 0.01f)`. */
public fun adagrad(
    learningRate: Number = 0.001f,
    initialAccumulatorValue: Float = 0.1f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adagrad = Adagrad.builder().learningRate(learningRate.toFloat()).initialAccumulatorValue(initialAccumulatorValue).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adagrad on a schedule. */
public fun adagrad(
    learningRate: LearningRateSchedule,
    initialAccumulatorValue: Float = 0.1f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adagrad = Adagrad.builder().learningRate(learningRate).initialAccumulatorValue(initialAccumulatorValue).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adadelta: `adadelta(learningRate = 1f)` for the paper's form. */
public fun adadelta(
    learningRate: Number = 0.001f,
    rho: Float = 0.95f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adadelta = Adadelta.builder().learningRate(learningRate.toFloat()).rho(rho).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adadelta on a schedule. */
public fun adadelta(
    learningRate: LearningRateSchedule,
    rho: Float = 0.95f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adadelta = Adadelta.builder().learningRate(learningRate).rho(rho).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adamax: `adamax(learningRate = 0.002f)`. */
public fun adamax(
    learningRate: Number = 0.001f,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adamax = Adamax.builder().learningRate(learningRate.toFloat()).beta1(beta1).beta2(beta2).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Adamax on a schedule. */
public fun adamax(
    learningRate: LearningRateSchedule,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Adamax = Adamax.builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Nadam: `nadam(learningRate = 0.002f)`. */
public fun nadam(
    learningRate: Number = 0.001f,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Nadam = Nadam.builder().learningRate(learningRate.toFloat()).beta1(beta1).beta2(beta2).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' Nadam on a schedule. */
public fun nadam(
    learningRate: LearningRateSchedule,
    beta1: Float = 0.9f,
    beta2: Float = 0.999f,
    epsilon: Float = 1e-7f,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): Nadam = Nadam.builder().learningRate(learningRate).beta1(beta1).beta2(beta2).epsilon(epsilon)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

// ---- learning-rate schedules -------------------------------------------------------------------------

/** A user schedule: `learningRateSchedule { step -> 0.1f / (step + 1) }`. */
public fun learningRateSchedule(schedule: (step: Long) -> Float): LearningRateSchedule =
    LearningRateSchedule { step -> schedule(step) }

/** Keras' ExponentialDecay: `initialLearningRate * decayRate ^ (step / decaySteps)`. */
public fun exponentialDecay(
    initialLearningRate: Float,
    decaySteps: Long,
    decayRate: Float,
    staircase: Boolean = false,
): ExponentialDecay = ExponentialDecay(initialLearningRate, decaySteps, decayRate, staircase)

/** Keras' PiecewiseConstantDecay: `values[i]` up to and including `boundaries[i]`, then the last value. */
public fun piecewiseConstantDecay(boundaries: List<Long>, values: List<Float>): PiecewiseConstantDecay =
    PiecewiseConstantDecay(boundaries.toLongArray(), values.toFloatArray())

/** Keras' CosineDecay, with an optional linear warmup to `warmupTarget` over `warmupSteps`. */
public fun cosineDecay(
    initialLearningRate: Float,
    decaySteps: Long,
    alpha: Float = 0f,
    warmupTarget: Float? = null,
    warmupSteps: Long = 0,
): CosineDecay = CosineDecay(initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps)

/** Keras' InverseTimeDecay: `initialLearningRate / (1 + decayRate * step / decaySteps)`. */
public fun inverseTimeDecay(
    initialLearningRate: Float,
    decaySteps: Long,
    decayRate: Float,
    staircase: Boolean = false,
): InverseTimeDecay = InverseTimeDecay(initialLearningRate, decaySteps, decayRate, staircase)

/** Keras' RMSprop: `rmsprop(learningRate = 1e-3)`; `epsilon` sits inside the square root as in Keras. */
public fun rmsprop(
    learningRate: Number = 0.001,
    rho: Float = 0.9f,
    momentum: Float = 0f,
    epsilon: Float = 1e-7f,
    centered: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): RMSprop = RMSprop.builder().learningRate(learningRate.toFloat()).rho(rho).momentum(momentum).epsilon(epsilon).centered(centered)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

/** Keras' RMSprop on a schedule. */
public fun rmsprop(
    learningRate: LearningRateSchedule,
    rho: Float = 0.9f,
    momentum: Float = 0f,
    epsilon: Float = 1e-7f,
    centered: Boolean = false,
    weightDecay: Float? = null,
    clipnorm: Float? = null,
    clipvalue: Float? = null,
    globalClipnorm: Float? = null,
    name: String? = null,
): RMSprop = RMSprop.builder().learningRate(learningRate).rho(rho).momentum(momentum).epsilon(epsilon).centered(centered)
    .base(weightDecay, clipnorm, clipvalue, globalClipnorm, name).build()

// ---- state -------------------------------------------------------------------------------------------

/**
 * Keras' `optimizer.variables`: the optimizer's own variables (Nadam's `u_product`), then every slot, named
 * `<optimizer>/<variable>_<slot>` (`"Adam/dense_kernel_momentum"`); live, so reading shows the current values.
 */
public val Optimizer.variables: List<Variable> get() = variables()

/** Keras' `optimizer.iterations`: the number of updates done so far. */
public val Optimizer.iterations: Long get() = iterations()

/**
 * Keras' `optimizer.learning_rate`: the rate of the next update (a schedule's value at [iterations]);
 * settable, as callbacks do, unless the optimizer runs on a schedule.
 */
public var Optimizer.learningRate: Float
    get() = learningRate()
    set(value) = setLearningRate(value)
