package io.cornu.dsl

import io.cornu.engine.callbacks.Callback
import io.cornu.engine.callbacks.History
import io.cornu.engine.models.Model
import io.cornu.engine.tensor.Tensor
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.channels.trySendBlocking
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.launch

/** What a training run reports, in order: batches and epochs as they end, then the whole run. */
public sealed interface TrainingEvent {
    /** A batch ended; [logs] are the epoch's running averages. */
    public data class BatchEnd(val epoch: Int, val batch: Int, val logs: Map<String, Double>) : TrainingEvent

    /** An epoch ended, with its training and validation results. */
    public data class EpochEnd(val epoch: Int, val logs: Map<String, Double>) : TrainingEvent

    /** Training ended (all epochs done, stopped by a callback, or cancelled). */
    public data class TrainEnd(val history: History) : TrainingEvent
}

/**
 * A cold [Flow] of the training events of `fit`: training starts when the flow is collected and runs
 * on [Dispatchers.Default]. Cancelling the collector stops training after the current batch, whose
 * update completes, so the weights stay consistent.
 */
public fun Model.fitFlow(x: Tensor, y: Tensor, block: FitBuilder.() -> Unit = {}): Flow<TrainingEvent> = callbackFlow {
    val model = this@fitFlow
    var epochNow = 0
    val reporter = object : Callback() {
        override fun onEpochBegin(epoch: Int, logs: MutableMap<String, Double>) {
            epochNow = epoch
        }

        override fun onTrainBatchEnd(batch: Int, logs: MutableMap<String, Double>) {
            if (trySendBlocking(TrainingEvent.BatchEnd(epochNow, batch, logs.toMap())).isFailure) model.setStopTraining(true)
        }

        override fun onEpochEnd(epoch: Int, logs: MutableMap<String, Double>) {
            if (trySendBlocking(TrainingEvent.EpochEnd(epoch, logs.toMap())).isFailure) model.setStopTraining(true)
        }
    }
    val options = FitBuilder().apply(block).apply { verbose = 0 }.options().callbacks(reporter)
    launch(Dispatchers.Default) {
        val history = model.fit(x, y, options)
        trySendBlocking(TrainingEvent.TrainEnd(history))
        channel.close()
    }
    awaitClose { model.setStopTraining(true) }
}.buffer(64)

/**
 * Trains like `fit`, suspending instead of blocking; cancelling the caller stops training after the
 * current batch. [onEvent] sees every [TrainingEvent].
 */
public suspend fun Model.fitSuspending(
    x: Tensor,
    y: Tensor,
    onEvent: (TrainingEvent) -> Unit = {},
    block: FitBuilder.() -> Unit = {},
): History {
    var history: History? = null
    fitFlow(x, y, block).collect { event ->
        onEvent(event)
        if (event is TrainingEvent.TrainEnd) history = event.history
    }
    return history ?: throw IllegalStateException("training ended without reporting its history")
}
