package io.cornu.jupyter

import io.cornu.engine.callbacks.Callback
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import java.util.concurrent.atomic.AtomicLong

/**
 * `fit`'s progress in a notebook: ONE output, shown at the start of training with
 * `host.display(frame, id)` and redrawn in place with `host.updateDisplay(frame, id)`, at most
 * every [minIntervalMillis] during an epoch and always at the end of each epoch and of training.
 * With verbose = 2 it redraws only at epoch ends, as Keras prints one line per epoch.
 */
public class LiveProgress(
    private val host: KotlinKernelHost,
    private val verbose: Int = 1,
    private val minIntervalMillis: Long = CornuDisplay.progressIntervalMillis,
    private val nanoTime: () -> Long = System::nanoTime,
    /** Also receives the epoch-end and final frames; see [ParentedDisplayUpdates]. */
    private val savedCopy: ((MimeTypedResult, String) -> Unit)? = null,
) : Callback() {
    /** The display id of this run's output. */
    public val displayId: String = "cornu-progress-${COUNTER.incrementAndGet()}-${System.currentTimeMillis()}"

    private var epochs = 1
    private var steps = 0
    private var epoch = 0
    private var step = 0
    private var trainStart = 0L
    private var epochStart = 0L
    private var lastDraw = 0L
    private var logs: Map<String, Double> = emptyMap()
    private val finished = mutableListOf<EpochResult>()
    private var shown = false
    private var broken = false

    override fun onTrainBegin(logs: Map<String, Double>) {
        epochs = (params()["epochs"] as? Number)?.toInt() ?: 1
        steps = (params()["steps"] as? Number)?.toInt() ?: 0
        trainStart = nanoTime()
        epochStart = trainStart
        draw(done = false, force = true)
    }

    override fun onEpochBegin(epoch: Int, logs: Map<String, Double>) {
        this.epoch = epoch
        step = 0
        this.logs = emptyMap()
        epochStart = nanoTime()
        if (epoch > 0) draw(done = false, force = false)
    }

    override fun onTrainBatchEnd(batch: Int, logs: Map<String, Double>) {
        step = batch + 1
        this.logs = LinkedHashMap(logs)
        if (verbose == 1) draw(done = false, force = false)
    }

    override fun onEpochEnd(epoch: Int, logs: Map<String, Double>) {
        if (steps > 0) step = steps
        this.logs = LinkedHashMap(logs)
        finished += EpochResult(epoch, seconds(nanoTime() - epochStart), LinkedHashMap(logs))
        draw(done = false, force = true)
    }

    override fun onTrainEnd(logs: Map<String, Double>) {
        draw(done = true, force = true)
    }

    /** The frame as it stands. */
    public fun frame(done: Boolean = false): ProgressFrame {
        val now = nanoTime()
        return ProgressFrame(epoch, epochs, step, steps, seconds(now - epochStart), seconds(now - trainStart),
            logs, finished.toList(), done)
    }

    private fun draw(done: Boolean, force: Boolean) {
        if (broken) return
        val now = nanoTime()
        if (!force && shown && now - lastDraw < minIntervalMillis * 1_000_000L) return
        lastDraw = now
        val value = frame(done).toMime()
        try {
            if (shown) {
                host.updateDisplay(value, displayId)
                if (force) savedCopy?.invoke(value, displayId)
            } else {
                host.display(value, displayId)
                shown = true
            }
        } catch (e: Exception) {
            // Never let the display break training; say once why the progress stopped.
            broken = true
            System.err.println("Cornu: live progress display failed, training continues: $e")
        }
    }

    private fun seconds(nanos: Long) = nanos / 1e9

    private companion object {
        val COUNTER = AtomicLong()
    }
}
