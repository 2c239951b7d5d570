package io.cornu.jupyter

import io.cornu.engine.callbacks.Callback
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import java.util.concurrent.atomic.AtomicLong

/**
 * The progress of `fit`, `evaluate` or `predict` in a notebook: ONE output, shown at the start of the
 * run with `host.display(frame, id)` and redrawn in place with `host.updateDisplay(frame, id)`, at
 * most every [minIntervalMillis] during an epoch (or pass) and always at the end of each epoch and of
 * the run. With verbose = 2 it redraws only at epoch ends and at the end, as Keras prints one line per
 * epoch. As Keras' progress bar, it learns the run from its hooks and shows nothing of `fit`'s
 * validation passes (their results come in the epoch's logs as `val_*`).
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
    /** Between onTrainBegin and onTrainEnd: test hooks then come from fit's validation. */
    private var inFit = false
    /** What the frames show: fit's epochs, or one evaluate / predict pass. */
    private var pass = Pass.FIT

    override fun onTrainBegin(logs: Map<String, Double>) {
        inFit = true
        pass = Pass.FIT
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
        inFit = false
    }

    override fun onTestBegin(logs: Map<String, Double>) {
        if (!inFit) beginPass(Pass.EVALUATE)
    }

    override fun onTestBatchEnd(batch: Int, logs: Map<String, Double>) {
        if (!inFit) passBatchEnd(batch, logs)
    }

    override fun onTestEnd(logs: Map<String, Double>) {
        if (!inFit) endPass(logs)
    }

    override fun onPredictBegin(logs: Map<String, Double>) {
        beginPass(Pass.PREDICT)
    }

    override fun onPredictBatchEnd(batch: Int, logs: Map<String, Any>) {
        passBatchEnd(batch, emptyMap())
    }

    override fun onPredictEnd(logs: Map<String, Double>) {
        endPass(emptyMap())
    }

    private fun beginPass(pass: Pass) {
        this.pass = pass
        steps = (params()["steps"] as? Number)?.toInt()?.coerceAtLeast(0) ?: 0
        step = 0
        logs = emptyMap()
        trainStart = nanoTime()
        epochStart = trainStart
        draw(done = false, force = true)
    }

    private fun passBatchEnd(batch: Int, logs: Map<String, Double>) {
        step = batch + 1
        this.logs = LinkedHashMap(logs)
        if (verbose == 1) draw(done = false, force = false)
    }

    private fun endPass(logs: Map<String, Double>) {
        this.logs = LinkedHashMap(logs)
        draw(done = true, force = true)
    }

    /** The frame of an evaluate or predict pass as it stands. */
    public fun passFrame(done: Boolean = false): PassFrame =
        PassFrame(pass == Pass.PREDICT, step, steps, seconds(nanoTime() - epochStart), logs, done)

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
        val value = if (pass == Pass.FIT) frame(done).toMime() else passFrame(done).toMime()
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

    private enum class Pass { FIT, EVALUATE, PREDICT }

    private companion object {
        val COUNTER = AtomicLong()
    }
}
