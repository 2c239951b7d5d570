package io.cornu.jupyter

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterConnection
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterSocketType
import org.jetbrains.kotlinx.jupyter.api.libraries.RawMessage
import java.time.Instant
import java.util.UUID

/**
 * Kernel 0.11.0-398 sends `update_display_data` with no parent header, and clients that file outputs
 * by request drop it (nbclient, hence `jupyter nbconvert --execute`): a saved notebook keeps the first
 * frame of a live output. This sends a copy of an update, parented to the running request, through the
 * notebook's connection, so that saved notebooks keep the frames sent here (live front-ends get the same
 * frame twice, which changes nothing).
 *
 * The running request is the kernel's `contextMessage`, which is not in the kernel API: it is read by
 * reflection, and when it is missing (the in-process REPL, another kernel) this turns itself off.
 */
internal class ParentedDisplayUpdates(private val connection: JupyterConnection?) {
    @Volatile
    private var off = connection == null

    fun send(value: MimeTypedResult, displayId: String) {
        val conn = connection
        if (off || conn == null) return
        try {
            val request = conn.javaClass.getMethod("getContextMessage").invoke(conn) as? RawMessage ?: return
            val json = value.toJson(JsonObject(emptyMap()), null)
            val content = buildJsonObject {
                put("data", json["data"] ?: JsonObject(emptyMap()))
                put("metadata", json["metadata"] ?: JsonObject(emptyMap()))
                put("transient", buildJsonObject { put("display_id", displayId) })
            }
            val header = buildJsonObject {
                put("msg_id", UUID.randomUUID().toString())
                put("msg_type", "update_display_data")
                put("session", request.header["session"] ?: JsonPrimitive(""))
                put("username", request.header["username"] ?: JsonPrimitive("kernel"))
                put("version", "5.3")
                put("date", Instant.now().toString())
            }
            conn.send(JupyterSocketType.IOPUB, Message(request.id, header, request.header, JsonObject(emptyMap()), content))
        } catch (e: VirtualMachineError) {
            throw e
        } catch (e: Throwable) {
            // no kernel connection here (NotImplementedError in the in-process REPL) or another kernel
            off = true
        }
    }

    private class Message(
        override val id: List<ByteArray>,
        override val header: JsonObject,
        override val parentHeader: JsonObject?,
        override val metadata: JsonObject?,
        override val content: JsonElement,
    ) : RawMessage
}
