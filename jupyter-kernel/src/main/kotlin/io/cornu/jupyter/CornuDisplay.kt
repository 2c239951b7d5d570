package io.cornu.jupyter

/**
 * Notebook display settings, changed from a cell: `CornuDisplay.progressIntervalMillis = 1000`.
 */
public object CornuDisplay {
    /** Show the progress of `fit`, `evaluate` and `predict` as one live-updating output; `false` prints Keras' text progress bar. */
    @Volatile
    public var liveProgress: Boolean = true

    /** Least time between two redraws of the live progress (epoch and training ends always redraw). */
    @Volatile
    public var progressIntervalMillis: Long = 200
}
