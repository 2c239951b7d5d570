package io.cornu.dsl

import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.Layer
import io.cornu.engine.layers.merging.Add
import io.cornu.engine.layers.merging.Average
import io.cornu.engine.layers.merging.Multiply
import io.cornu.engine.layers.merging.Subtract
import io.cornu.engine.tensor.Tensor

/** Calls a layer on a symbolic tensor, recording a node: `dense(32)(x)`. */
public operator fun Layer.invoke(input: KerasTensor): KerasTensor = apply(input)

/** Calls a merge layer on several symbolic tensors: `Add()(a, b)`. */
public operator fun Layer.invoke(first: KerasTensor, vararg rest: KerasTensor): KerasTensor = apply(listOf(first, *rest))

/** Calls a layer or model on data, in inference mode. */
public operator fun Layer.invoke(input: Tensor): Tensor = apply(input)

/** An [Add] layer on both tensors. */
public operator fun KerasTensor.plus(other: KerasTensor): KerasTensor = Add().apply(listOf(this, other))

/** A [Subtract] layer on both tensors. */
public operator fun KerasTensor.minus(other: KerasTensor): KerasTensor = Subtract().apply(listOf(this, other))

/** A [Multiply] layer on both tensors. */
public operator fun KerasTensor.times(other: KerasTensor): KerasTensor = Multiply().apply(listOf(this, other))

/** Keras' `layers.add([...])`. */
public fun add(vararg inputs: KerasTensor): KerasTensor = Add().apply(inputs.toList())

/** Keras' `layers.multiply([...])`. */
public fun multiply(vararg inputs: KerasTensor): KerasTensor = Multiply().apply(inputs.toList())

/** Keras' `layers.average([...])`. */
public fun average(vararg inputs: KerasTensor): KerasTensor = Average().apply(inputs.toList())
