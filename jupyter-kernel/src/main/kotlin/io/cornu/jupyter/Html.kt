package io.cornu.jupyter

import java.util.Locale

/** Text for HTML element content and attribute values. */
internal fun escapeHtml(text: String): String {
    val sb = StringBuilder(text.length + 16)
    for (c in text) {
        when (c) {
            '&' -> sb.append("&amp;")
            '<' -> sb.append("&lt;")
            '>' -> sb.append("&gt;")
            '"' -> sb.append("&quot;")
            '\'' -> sb.append("&#39;")
            else -> sb.append(c)
        }
    }
    return sb.toString()
}

/** Keras' parameter counts: `407,050`. */
internal fun thousands(n: Long): String = String.format(Locale.US, "%,d", n)

/** Metric values as Keras prints them: `0.5012`, or `1.2340e-05` when tiny. */
internal fun metric(v: Double): String =
    String.format(Locale.ROOT, if (v == 0.0 || Math.abs(v) > 1e-3) "%.4f" else "%.4e", v)

/** Durations: `850ms`, `12s`, `3:05`, `1:02:03`. */
internal fun duration(seconds: Double): String {
    if (seconds.isNaN() || seconds < 0) return "?"
    if (seconds < 1) return "${(seconds * 1000).toLong()}ms"
    val s = Math.round(seconds)
    return when {
        s < 60 -> "${s}s"
        s < 3600 -> String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
        else -> String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
    }
}

/** The CSS shared by Cornu's outputs; inline in each output so that saved notebooks and HTML exports keep it. */
internal const val CORNU_CSS: String = """<style>
.cornu-out { font-family: var(--jp-code-font-family, monospace); font-size: 12px; }
.cornu-out .cornu-title { font-weight: bold; margin: 2px 0 4px 0; }
.cornu-out table.cornu-table { border-collapse: collapse; margin: 2px 0; }
.cornu-out table.cornu-table th { border-bottom: 1px solid #888; padding: 2px 12px 2px 4px; text-align: left; }
.cornu-out table.cornu-table td { padding: 2px 12px 2px 4px; text-align: left; vertical-align: top; }
.cornu-out table.cornu-table .num { text-align: right; }
.cornu-out table.cornu-table tbody tr:nth-child(even) { background: rgba(127, 127, 127, 0.08); }
.cornu-out .cornu-totals { margin-top: 4px; }
.cornu-out .cornu-bar { display: inline-block; width: 300px; height: 10px; background: rgba(127, 127, 127, 0.25);
  vertical-align: middle; border-radius: 2px; overflow: hidden; }
.cornu-out .cornu-bar > span { display: block; height: 100%; background: #2e7d32; }
.cornu-out .cornu-muted { color: #777; }
</style>"""
