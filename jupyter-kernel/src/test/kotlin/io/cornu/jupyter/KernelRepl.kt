package io.cornu.jupyter

import jupyter.kotlin.DependsOn
import org.jetbrains.kotlinx.jupyter.EvalRequestData
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import org.jetbrains.kotlinx.jupyter.api.libraries.ExecutionHost
import org.jetbrains.kotlinx.jupyter.libraries.EmptyResolutionInfoProvider
import org.jetbrains.kotlinx.jupyter.messaging.DisplayHandler
import org.jetbrains.kotlinx.jupyter.repl.creating.createRepl
import kotlin.script.experimental.jvm.util.classpathFromClassloader

/** One `display` or `update` call the kernel received, with its display id and value. */
data class DisplayEvent(val kind: String, val id: String?, val value: Any) {
    val html: String get() = (value as? MimeTypedResult)?.get("text/html").orEmpty()
    val text: String get() = (value as? MimeTypedResult)?.get("text/plain") ?: value.toString()
}

/** Records what cells display, in order. */
class RecordingDisplayHandler : DisplayHandler {
    val events: MutableList<DisplayEvent> = java.util.Collections.synchronizedList(mutableListOf())
    override fun handleDisplay(value: Any, host: ExecutionHost, id: String?) { events += DisplayEvent("display", id, value) }
    override fun handleUpdate(value: Any, host: ExecutionHost, id: String?) { events += DisplayEvent("update", id, value) }
}

/**
 * The Kotlin Jupyter kernel 0.11.0-398's REPL, in process, with the test class path as the script
 * class path (our jars included, as the kernelspec's `-cp=` does). Like a notebook, it finds the
 * integration's `libraries.json` after the first cell that runs, so it starts with a setup cell.
 */
class KernelRepl {
    val displays = RecordingDisplayHandler()
    private val repl = createRepl(
        EmptyResolutionInfoProvider,
        classpathFromClassloader(DependsOn::class.java.classLoader).orEmpty(),
        isEmbedded = true,
        displayHandler = displays,
    )

    init {
        exec("// loads the notebook integrations, as the notebooks' first cell")
    }

    /** Runs a cell and returns its rendered value (what the notebook shows as the cell's result). */
    fun exec(code: String): Any? = repl.evalEx(EvalRequestData(code)).renderedValue

    /** Runs a cell whose value must render as `text/html` and `text/plain`. */
    fun execMime(code: String): MimeTypedResult {
        val value = exec(code)
        return value as? MimeTypedResult
            ?: throw AssertionError("expected a MimeTypedResult, got ${value?.javaClass?.name}: $value")
    }
}
