package io.cornu.dsl

import io.cornu.engine.layers.KerasTensor
import io.cornu.engine.layers.Layer
import io.cornu.engine.models.Functional
import io.cornu.engine.models.Model
import io.cornu.engine.models.ModelSurgery

/** The part of this model downstream of [at], with new inputs standing for those tensors; weights shared. */
public fun Functional.cut(vararg at: KerasTensor): Functional = ModelSurgery.cut(this, at.toList())

/** A sub-model of this one from its inputs to intermediate tensors: `model.subModel(model["a"].output())`. */
public fun Functional.subModel(vararg outputs: KerasTensor, name: String? = null): Functional =
    Functional(inputs(), outputs.toList(), name)

/** The layer called [name]: `model["dense_1"]`. */
public operator fun Model.get(name: String): Layer = getLayer(name)

/** Keras' `clone_model`: same structure, fresh weights; [cloneFunction] may replace layers. */
public fun cloneModel(model: Model, cloneFunction: ((Layer) -> Layer)? = null): Model =
    ModelSurgery.cloneModel(model, cloneFunction?.let { f -> java.util.function.UnaryOperator { l: Layer -> f(l) } })
