package io.cornu.dsl

import io.cornu.engine.ops.Ops
import io.cornu.engine.tensor.Tensor

/** `a + b`, broadcasting. */
public operator fun Tensor.plus(other: Tensor): Tensor = Ops.add(this, other)

/** `a - b`, broadcasting. */
public operator fun Tensor.minus(other: Tensor): Tensor = Ops.sub(this, other)

/** `a * b` elementwise, broadcasting. */
public operator fun Tensor.times(other: Tensor): Tensor = Ops.mul(this, other)

/** `a / b` elementwise, broadcasting. */
public operator fun Tensor.div(other: Tensor): Tensor = Ops.div(this, other)

/** `a * s`. */
public operator fun Tensor.times(s: Float): Tensor = Ops.mul(this, s)

/** `a / s`. */
public operator fun Tensor.div(s: Float): Tensor = Ops.mul(this, 1f / s)

/** `-a`. */
public operator fun Tensor.unaryMinus(): Tensor = Ops.neg(this)

/** Matrix product: `x matmul w`. */
public infix fun Tensor.matmul(other: Tensor): Tensor = Ops.matmul(this, other)
