package io.cornu.dsl

import io.cornu.engine.initializers.Constant
import io.cornu.engine.initializers.GlorotNormal
import io.cornu.engine.initializers.GlorotUniform
import io.cornu.engine.initializers.HeNormal
import io.cornu.engine.initializers.HeUniform
import io.cornu.engine.initializers.Identity
import io.cornu.engine.initializers.Initializer
import io.cornu.engine.initializers.Initializers
import io.cornu.engine.initializers.LecunNormal
import io.cornu.engine.initializers.LecunUniform
import io.cornu.engine.initializers.Ones
import io.cornu.engine.initializers.Orthogonal
import io.cornu.engine.initializers.RandomNormal
import io.cornu.engine.initializers.RandomUniform
import io.cornu.engine.initializers.TruncatedNormal
import io.cornu.engine.initializers.VarianceScaling
import io.cornu.engine.initializers.Zeros
import io.cornu.engine.tensor.Tensor

// Initializer factories with Keras' names and defaults, for the layer builders' initializer arguments:
// `dense(64, kernelInitializer = heNormal(seed = 1))`. Those arguments also take Keras' names:
// `dense(64, kernelInitializer = "he_normal")`. Numbers may be Double or Float (`stddev = 0.01`).

/** A Float as the decimal it was written as (0.01f is 0.01, not 0.009999999776); other numbers as they are. */
private fun Number.toKerasDouble(): Double = if (this is Float) toString().toDouble() else toDouble()

/** Keras' `GlorotUniform`: uniform in ±sqrt(6 / (fanIn + fanOut)); the default kernel initializer. */
public fun glorotUniform(seed: Long? = null): GlorotUniform = GlorotUniform(seed)

/** Keras' `GlorotNormal`: truncated normal with stddev sqrt(2 / (fanIn + fanOut)). */
public fun glorotNormal(seed: Long? = null): GlorotNormal = GlorotNormal(seed)

/** Keras' `HeNormal`: truncated normal with stddev sqrt(2 / fanIn), for ReLU layers. */
public fun heNormal(seed: Long? = null): HeNormal = HeNormal(seed)

/** Keras' `HeUniform`: uniform in ±sqrt(6 / fanIn). */
public fun heUniform(seed: Long? = null): HeUniform = HeUniform(seed)

/** Keras' `LecunNormal`: truncated normal with stddev sqrt(1 / fanIn), for SELU layers. */
public fun lecunNormal(seed: Long? = null): LecunNormal = LecunNormal(seed)

/** Keras' `LecunUniform`: uniform in ±sqrt(3 / fanIn). */
public fun lecunUniform(seed: Long? = null): LecunUniform = LecunUniform(seed)

/** Keras' `VarianceScaling`: `varianceScaling(scale = 2.0, mode = "fan_out", distribution = "untruncated_normal")`. */
public fun varianceScaling(
    scale: Number = 1.0, mode: String = "fan_in", distribution: String = "truncated_normal", seed: Long? = null,
    inputAxes: IntArray? = null, outputAxes: IntArray? = null,
): VarianceScaling = VarianceScaling(scale.toKerasDouble(), mode, distribution, seed, inputAxes, outputAxes)

/** Keras' `RandomNormal`: `randomNormal(stddev = 0.01, seed = 3)`. */
public fun randomNormal(mean: Number = 0.0, stddev: Number = 0.05, seed: Long? = null): RandomNormal =
    RandomNormal(mean.toKerasDouble(), stddev.toKerasDouble(), seed)

/** Keras' `TruncatedNormal`: normal redrawn beyond two [stddev]s of the [mean]. */
public fun truncatedNormal(mean: Number = 0.0, stddev: Number = 0.05, seed: Long? = null): TruncatedNormal =
    TruncatedNormal(mean.toKerasDouble(), stddev.toKerasDouble(), seed)

/** Keras' `RandomUniform`: uniform in [[minval], [maxval]). */
public fun randomUniform(minval: Number = -0.05, maxval: Number = 0.05, seed: Long? = null): RandomUniform =
    RandomUniform(minval.toKerasDouble(), maxval.toKerasDouble(), seed)

/** Keras' `Orthogonal`: a random orthogonal matrix times [gain]; the default recurrent initializer. */
public fun orthogonal(gain: Number = 1.0, seed: Long? = null): Orthogonal = Orthogonal(gain.toKerasDouble(), seed)

/** Keras' `Identity`: [gain] times the identity matrix (2D weights only). */
public fun identity(gain: Number = 1.0): Identity = Identity(gain.toKerasDouble())

/** Keras' `Constant`: every value [value]: `biasInitializer = constant(0.1)`. */
public fun constant(value: Number = 0.0): Constant = Constant(value.toKerasDouble())

/** Keras' `Zeros`; the default bias initializer. */
public fun zeros(): Zeros = Zeros()

/** Keras' `Ones`. */
public fun ones(): Ones = Ones()

/** Keras' `initializer(shape)`: a tensor of [shape] from this initializer: `heNormal(seed = 1)(3, 4)`. */
public operator fun Initializer.invoke(vararg shape: Int): Tensor = create(*shape)

/**
 * An initializer argument of a layer builder: an [Initializer], a Keras name such as `"he_normal"`, or a Keras
 * config map `{"class_name": ..., "config": {...}}`.
 */
internal fun initializer(argument: Any, layer: String, parameter: String): Initializer =
    when (argument) {
        is Initializer, is String, is Map<*, *> -> Initializers.get(argument)
        else -> throw IllegalArgumentException(
            "$layer: $parameter must be an Initializer or a Keras name such as \"he_normal\". Received: $parameter=$argument"
        )
    }
