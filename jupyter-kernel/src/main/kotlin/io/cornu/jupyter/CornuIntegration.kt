package io.cornu.jupyter

import io.cornu.engine.callbacks.History
import io.cornu.engine.callbacks.ProgressDisplay
import io.cornu.engine.models.Model
import io.cornu.engine.tensor.Tensor
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelVersion
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterIntegration

/**
 * Cornu in the Kotlin Jupyter kernel: default imports, HTML renderers for models, histories and
 * tensors, and the progress of `fit`, `evaluate` and `predict` as one live-updating output. Found through
 * `META-INF/kotlin-jupyter-libraries/libraries.json` when the jar is on the kernel's class path
 * (after the first cell that runs).
 */
public class CornuIntegration : JupyterIntegration() {
    override fun Builder.onLoaded() {
        // display(value, id) / updateDisplay(value, id), which the live progress needs
        setMinimalKernelVersion(KotlinKernelVersion.from(0, 11, 0, 398)!!)

        import(
            "io.cornu.engine.tensor.*",
            "io.cornu.engine.activations.*",
            "io.cornu.engine.layers.*",
            "io.cornu.engine.layers.core.*",
            "io.cornu.engine.layers.merging.*",
            "io.cornu.engine.models.*",
            "io.cornu.engine.callbacks.*",
            "io.cornu.engine.optimizers.*",
            "io.cornu.engine.losses.*",
            "io.cornu.engine.metrics.*",
            "io.cornu.engine.data.*",
            "io.cornu.engine.utils.*",
            "io.cornu.engine.kernels.Parallelism",
            "io.cornu.dsl.*",
            "io.cornu.jupyter.CornuDisplay",
        )

        render<Model> { ModelSummaryHtml.render(it) }
        render<History> { HistoryHtml.render(it) }
        render<Tensor> { TensorHtml.render(it) }

        preprocessCode { code -> NotebookProgress.cellHost = this; code }
        afterCellExecution { _, _ -> NotebookProgress.cellHost = null }
        onLoaded {
            NotebookProgress.savedCopies = ParentedDisplayUpdates(runCatching { notebook.connection }.getOrNull())
            ProgressDisplay.setFactory(NotebookProgress::create)
        }
        onShutdown { ProgressDisplay.reset() }
    }
}
