package io.cornu.jupyter

import io.cornu.engine.models.Model
import io.cornu.engine.models.ModelSummary
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult

/**
 * A model as Keras' summary: an HTML table `Layer (type) | Output Shape | Param # [| Connected to]`
 * with the parameter totals, and Keras' text summary as the `text/plain` fallback.
 */
public object ModelSummaryHtml {

    public fun render(model: Model): MimeTypedResult {
        val summary = try {
            model.summaryData()
        } catch (e: IllegalStateException) {
            // not built yet: Keras' message, as text
            return MIME("text/plain" to "${model.javaClass.simpleName} '${model.name()}': ${e.message}")
        }
        return MIME("text/html" to html(summary), "text/plain" to model.summaryText())
    }

    /** The summary table alone. */
    public fun html(summary: ModelSummary): String {
        val connected = !summary.sequentialLike()
        val sb = StringBuilder()
        sb.append(CORNU_CSS).append("<div class=\"cornu-out cornu-summary\">")
        sb.append("<div class=\"cornu-title\">Model: &quot;").append(escapeHtml(summary.modelName())).append("&quot;</div>")
        sb.append("<table class=\"cornu-table\"><thead><tr><th>Layer (type)</th><th>Output Shape</th><th class=\"num\">Param #</th>")
        if (connected) sb.append("<th>Connected to</th>")
        sb.append("</tr></thead><tbody>")
        for (row in summary.rows()) {
            sb.append("<tr><td>").append(escapeHtml("${row.name()} (${row.type()})")).append("</td>")
            sb.append("<td>").append(escapeHtml(row.outputShape())).append("</td>")
            sb.append("<td class=\"num\">").append(thousands(row.params())).append("</td>")
            if (connected) {
                sb.append("<td>").append(row.connectedTo().joinToString("<br>") { escapeHtml(it) }.ifEmpty { "-" }).append("</td>")
            }
            sb.append("</tr>")
        }
        sb.append("</tbody></table>")
        sb.append("<div class=\"cornu-totals\">")
        sb.append("Total params: ").append(thousands(summary.totalParams())).append("<br>")
        sb.append("Trainable params: ").append(thousands(summary.trainableParams())).append("<br>")
        sb.append("Non-trainable params: ").append(thousands(summary.nonTrainableParams()))
        sb.append("</div></div>")
        return sb.toString()
    }
}
