package io.cornu.jupyter

import io.cornu.engine.callbacks.History
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult

/**
 * What `fit` returns, as a table of per-epoch metrics (`Epoch | loss | accuracy | val_loss | ...`).
 * As the value of the training cell it keeps the final training state in a saved notebook, where the
 * live progress output keeps only its first frame (kernel 0.11.0-398's updates have no parent header).
 */
public object HistoryHtml {

    public fun render(history: History): MimeTypedResult =
        MIME("text/html" to html(history), "text/plain" to text(history))

    public fun html(history: History): String {
        val epochs = history.epoch()
        val metrics = history.history()
        val sb = StringBuilder()
        sb.append(CORNU_CSS).append("<div class=\"cornu-out cornu-history\">")
        sb.append("<div class=\"cornu-title\">History: ").append(epochs.size)
            .append(if (epochs.size == 1) " epoch" else " epochs").append("</div>")
        sb.append("<table class=\"cornu-table\"><thead><tr><th class=\"num\">Epoch</th>")
        for (name in metrics.keys) sb.append("<th class=\"num\">").append(escapeHtml(name)).append("</th>")
        sb.append("</tr></thead><tbody>")
        for ((i, epoch) in epochs.withIndex()) {
            sb.append("<tr><td class=\"num\">").append(epoch + 1).append("</td>")
            for (values in metrics.values) {
                sb.append("<td class=\"num\">").append(values.getOrNull(i)?.let { metric(it) } ?: "").append("</td>")
            }
            sb.append("</tr>")
        }
        sb.append("</tbody></table></div>")
        return sb.toString()
    }

    /** The same table as aligned text. */
    public fun text(history: History): String {
        val epochs = history.epoch()
        val metrics = history.history()
        val header = listOf("Epoch") + metrics.keys
        val rows = epochs.mapIndexed { i, epoch ->
            listOf((epoch + 1).toString()) + metrics.values.map { v -> v.getOrNull(i)?.let { metric(it) } ?: "" }
        }
        val widths = header.indices.map { c -> (rows.map { it[c].length } + header[c].length).max() }
        fun line(cells: List<String>) = cells.mapIndexed { c, s -> s.padStart(widths[c]) }.joinToString("  ")
        return (listOf("History: ${epochs.size} epoch" + (if (epochs.size == 1) "" else "s"), line(header)) +
            rows.map { line(it) }).joinToString("\n")
    }
}
