package io.cornu.dsl

import io.cornu.engine.models.Model
import io.cornu.engine.saving.ModelFile
import java.nio.file.Path
import java.nio.file.Paths

// Keras' model.save / load_model over the engine's ModelFile: a `.cornu` zip with the config and weights,
// and for a compiled model its compile arguments and optimizer state, written atomically.

/** Keras' `model.save("m.cornu")`: config, weights and, when compiled, compile arguments and optimizer state. */
public fun Model.save(path: Path) {
    ModelFile.save(this, path)
}

/** Keras' `model.save("m.cornu")` with a path as a string. */
public fun Model.save(path: String) {
    save(Paths.get(path))
}

/**
 * Keras' `load_model`: the saved model with its weights, compiled again with its optimizer's state when it
 * was saved compiled (unless [compile] is false). [customObjects] holds the custom losses, metrics and
 * optimizers it was compiled with, by name: `loadModel("m.cornu", customObjects = mapOf("quartic" to quartic))`.
 */
public fun loadModel(path: Path, compile: Boolean = true, customObjects: Map<String, Any> = emptyMap()): Model =
    ModelFile.load(path, compile, customObjects)

/** [loadModel] with a path as a string. */
public fun loadModel(path: String, compile: Boolean = true, customObjects: Map<String, Any> = emptyMap()): Model =
    loadModel(Paths.get(path), compile, customObjects)
