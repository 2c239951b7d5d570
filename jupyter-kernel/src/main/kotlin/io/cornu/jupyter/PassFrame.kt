package io.cornu.jupyter

import io.cornu.engine.callbacks.ProgbarLogger
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import java.util.Locale

/**
 * One frame of the live progress of one `evaluate` or `predict` pass: a step bar, elapsed time and
 * ETA, the running metrics (none for predict). `text/plain` is Keras' terminal line.
 */
public class PassFrame(
    /** A `predict` pass (no metrics), else an `evaluate` pass. */
    public val predict: Boolean,
    /** Steps done, of [steps] (0 when unknown). */
    public val step: Int,
    public val steps: Int,
    public val seconds: Double,
    public val logs: Map<String, Double>,
    public val done: Boolean,
) {
    public fun toMime(): MimeTypedResult = MIME("text/html" to html(), "text/plain" to text())

    public fun html(): String {
        val sb = StringBuilder()
        sb.append(CORNU_CSS).append("<div class=\"cornu-out cornu-progress\"><div>")
        val fraction = when {
            done -> 1.0
            steps > 0 -> step.toDouble() / steps
            else -> 0.0
        }
        val title = when {
            predict -> if (done) "Predicted" else "Predicting"
            else -> if (done) "Evaluated" else "Evaluating"
        }
        sb.append("<b>").append(title).append("</b> ")
        sb.append("<span class=\"cornu-bar\"><span style=\"width:")
            .append(String.format(Locale.ROOT, "%.1f", 100 * fraction)).append("%\"></span></span> ")
        val target = if (steps > 0) steps else step
        if (done) {
            sb.append(target).append(if (target == 1) " step" else " steps").append(" &middot; ").append(duration(seconds))
        } else {
            if (steps > 0) sb.append(step).append('/').append(steps) else sb.append(step)
            sb.append(" &middot; ").append(duration(seconds))
            if (steps > 0 && step > 0) sb.append(" &middot; ETA ").append(duration(seconds / step * (steps - step)))
        }
        sb.append("</div>")
        if (logs.isNotEmpty()) {
            sb.append("<div>")
            sb.append(logs.entries.joinToString(" &middot; ") { "${escapeHtml(it.key)}: ${metric(it.value)}" })
            sb.append("</div>")
        }
        return sb.append("</div>").toString()
    }

    /** Keras' terminal line: `313/313 [====...] - 1s 3ms/step - loss: ...` when done. */
    public fun text(): String =
        if (done) {
            val target = if (steps > 0) steps else step
            ProgbarLogger.line(target, target, seconds, logs, true)
        } else {
            ProgbarLogger.line(step, if (steps > 0) steps else step, seconds, logs, false)
        }
}
