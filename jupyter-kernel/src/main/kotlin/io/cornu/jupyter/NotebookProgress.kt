package io.cornu.jupyter

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.callbacks.ProgbarLogger
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost

/**
 * The progress factory installed into `io.cornu.engine.callbacks.ProgressDisplay` while the
 * integration is loaded: a [LiveProgress] on the host of the running cell, or Keras' text bar when
 * no cell is running (a `fit`, `evaluate` or `predict` on a thread of its own) or [CornuDisplay.liveProgress] is off.
 */
internal object NotebookProgress {
    /**
     * The host of the cell being executed. Captured by a code preprocessor, whose host is the one the
     * cell's own `DISPLAY` uses; the host of `beforeCellExecution` callbacks discards displays.
     */
    @Volatile
    var cellHost: KotlinKernelHost? = null

    /** Set when the integration loads. */
    @Volatile
    var savedCopies: ParentedDisplayUpdates = ParentedDisplayUpdates(null)

    fun create(verbose: Int): Callback {
        val host = cellHost
        return if (host != null && CornuDisplay.liveProgress) {
            LiveProgress(host, verbose, savedCopy = savedCopies::send)
        } else {
            if (verbose == 2) ProgbarLogger(System.out, false) else ProgbarLogger()
        }
    }
}
