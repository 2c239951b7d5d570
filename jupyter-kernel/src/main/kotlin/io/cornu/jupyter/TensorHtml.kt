package io.cornu.jupyter

import io.cornu.engine.tensor.Tensor
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import java.util.Locale

/**
 * A tensor as its shape, dtype and values: a small HTML table of the edges for rank 1 and 2
 * (`…` marks elided rows and columns, so a (60000, 784) tensor stays small), the engine's
 * NumPy-like text otherwise and as the `text/plain` fallback.
 */
public object TensorHtml {
    /** Rows and columns shown at each edge before eliding. */
    private const val EDGE = 4

    public fun render(tensor: Tensor): MimeTypedResult =
        MIME("text/html" to html(tensor), "text/plain" to tensor.toString())

    public fun html(tensor: Tensor): String {
        val sb = StringBuilder()
        sb.append(CORNU_CSS).append("<div class=\"cornu-out cornu-tensor\">")
        sb.append("<div class=\"cornu-title\">Tensor <span class=\"cornu-muted\">shape=")
            .append(escapeHtml(tensor.shape().toString())).append(" dtype=")
            .append(escapeHtml(tensor.dtype().toString())).append("</span></div>")
        when (tensor.rank()) {
            0 -> sb.append("<code>").append(number(tensor.item())).append("</code>")
            1 -> table(sb, 1, tensor.dim(0)) { _, j -> tensor.get(j) }
            2 -> table(sb, tensor.dim(0), tensor.dim(1)) { i, j -> tensor.get(i, j) }
            else -> sb.append("<pre>").append(escapeHtml(tensor.toString())).append("</pre>")
        }
        return sb.append("</div>").toString()
    }

    private fun table(sb: StringBuilder, rows: Int, cols: Int, value: (Int, Int) -> Float) {
        val shownRows = shown(rows)
        val shownCols = shown(cols)
        // One format for the whole table, as NumPy: integers when every shown value is one.
        val values = shownRows.filter { it >= 0 }.flatMap { i -> shownCols.filter { it >= 0 }.map { j -> value(i, j) } }
        val integral = values.all { it == Math.rint(it.toDouble()).toFloat() && Math.abs(it) < 1e7f }
        sb.append("<table class=\"cornu-table\"><tbody>")
        for (i in shownRows) {
            sb.append("<tr>")
            for (j in shownCols) {
                if (i < 0 || j < 0) sb.append("<td class=\"num cornu-muted\">…</td>")
                else sb.append("<td class=\"num\">").append(number(value(i, j), integral)).append("</td>")
            }
            sb.append("</tr>")
        }
        sb.append("</tbody></table>")
    }

    /** The indices to show along an axis of length `n`; -1 marks the elided middle. */
    private fun shown(n: Int): List<Int> =
        if (n <= 2 * EDGE + 1) (0 until n).toList() else (0 until EDGE) + (-1) + (n - EDGE until n)

    private fun number(v: Float, integral: Boolean = v == Math.rint(v.toDouble()).toFloat() && Math.abs(v) < 1e7f): String = when {
        v.isNaN() || v.isInfinite() -> v.toString()
        integral -> v.toLong().toString()
        else -> String.format(Locale.ROOT, "%.4g", v)
    }
}
