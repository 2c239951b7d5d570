package io.cornu.jupyter

import io.cornu.engine.callbacks.ProgbarLogger
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult

/** One finished epoch: its 0-based number, how long it took, its logs. */
public class EpochResult(public val epoch: Int, public val seconds: Double, public val logs: Map<String, Double>)

/**
 * One frame of the live training progress: epoch x/N, a step bar, elapsed time and ETA, the current
 * metrics, and a row per finished epoch. `text/plain` is Keras' terminal layout.
 */
public class ProgressFrame(
    /** 0-based epoch running (or last run when [done]). */
    public val epoch: Int,
    public val epochs: Int,
    /** Steps done in this epoch, of [steps] (0 when unknown). */
    public val step: Int,
    public val steps: Int,
    public val epochSeconds: Double,
    public val totalSeconds: Double,
    public val logs: Map<String, Double>,
    public val finished: List<EpochResult>,
    public val done: Boolean,
) {
    public fun toMime(): MimeTypedResult = MIME("text/html" to html(), "text/plain" to text())

    public fun html(): String {
        val sb = StringBuilder()
        sb.append(CORNU_CSS).append("<div class=\"cornu-out cornu-progress\">")
        val fraction = when {
            done -> 1.0
            steps > 0 -> step.toDouble() / steps
            else -> 0.0
        }
        sb.append("<div>")
        if (done) {
            sb.append("<b>Trained ").append(finished.size).append('/').append(epochs)
                .append(if (epochs == 1) " epoch" else " epochs").append("</b> ")
        } else {
            sb.append("<b>Epoch ").append(epoch + 1).append('/').append(epochs).append("</b> ")
        }
        sb.append("<span class=\"cornu-bar\"><span style=\"width:")
            .append(String.format(java.util.Locale.ROOT, "%.1f", 100 * fraction)).append("%\"></span></span> ")
        if (done) {
            sb.append(duration(totalSeconds))
        } else {
            if (steps > 0) sb.append(step).append('/').append(steps) else sb.append(step)
            sb.append(" &middot; ").append(duration(epochSeconds))
            if (steps > 0 && step > 0) sb.append(" &middot; ETA ").append(duration(epochSeconds / step * (steps - step)))
        }
        sb.append("</div>")
        val current = if (done) finished.lastOrNull()?.logs.orEmpty() else logs
        if (current.isNotEmpty()) {
            sb.append("<div>")
            sb.append(current.entries.joinToString(" &middot; ") { "${escapeHtml(it.key)}: ${metric(it.value)}" })
            sb.append("</div>")
        }
        if (finished.isNotEmpty()) {
            val names = LinkedHashSet<String>()
            finished.forEach { names.addAll(it.logs.keys) }
            sb.append("<table class=\"cornu-table\"><thead><tr><th class=\"num\">Epoch</th><th class=\"num\">Time</th>")
            for (n in names) sb.append("<th class=\"num\">").append(escapeHtml(n)).append("</th>")
            sb.append("</tr></thead><tbody>")
            for (r in finished) {
                sb.append("<tr><td class=\"num\">").append(r.epoch + 1).append("</td><td class=\"num\">")
                    .append(duration(r.seconds)).append("</td>")
                for (n in names) sb.append("<td class=\"num\">").append(r.logs[n]?.let { metric(it) } ?: "").append("</td>")
                sb.append("</tr>")
            }
            sb.append("</tbody></table>")
        }
        return sb.append("</div>").toString()
    }

    /** Keras' terminal output: `Epoch 1/5` and `469/469 [====...] - 3s 6ms/step - loss: ...` lines. */
    public fun text(): String {
        val lines = mutableListOf<String>()
        for (r in finished) {
            lines += "Epoch ${r.epoch + 1}/$epochs"
            lines += ProgbarLogger.line(steps, steps, r.seconds, r.logs, true)
        }
        if (!done) {
            lines += "Epoch ${epoch + 1}/$epochs"
            lines += ProgbarLogger.line(step, steps, epochSeconds, logs, false)
        }
        return lines.joinToString("\n")
    }
}
