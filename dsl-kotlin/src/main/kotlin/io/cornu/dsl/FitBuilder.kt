package io.cornu.dsl

import io.cornu.engine.callbacks.CSVLogger
import io.cornu.engine.callbacks.Callback
import io.cornu.engine.callbacks.EarlyStopping
import io.cornu.engine.callbacks.History
import io.cornu.engine.callbacks.LambdaCallback
import io.cornu.engine.callbacks.LearningRateScheduler
import io.cornu.engine.callbacks.ModelCheckpoint
import io.cornu.engine.callbacks.ReduceLROnPlateau
import io.cornu.engine.callbacks.TerminateOnNaN
import io.cornu.engine.models.Model
import io.cornu.engine.tensor.Tensor
import io.cornu.engine.training.FitOptions
import java.nio.file.Path

/** The receiver of `fit(x, y) { ... }`: Keras' fit arguments with their defaults. */
@CornuDsl
public class FitBuilder internal constructor() {
    public var epochs: Int = 1
    public var batchSize: Int = 32
    public var validationSplit: Double = 0.0
    public var validationData: Pair<Tensor, Tensor>? = null
    public var shuffle: Boolean = true
    public var verbose: Int = 1
    public var initialEpoch: Int = 0
    public var sampleWeight: Tensor? = null
    public var classWeight: Map<Int, Double>? = null
    internal val callbacks = mutableListOf<Callback>()

    /** Adds callbacks: `callbacks { earlyStopping(patience = 2) }`. */
    public fun callbacks(block: CallbacksBuilder.() -> Unit) {
        callbacks += CallbacksBuilder().apply(block).callbacks
    }

    internal fun options(): FitOptions {
        val o = FitOptions().epochs(epochs).batchSize(batchSize).validationSplit(validationSplit).shuffle(shuffle)
            .verbose(verbose).initialEpoch(initialEpoch).callbacks(callbacks)
        validationData?.let { o.validationData(it.first, it.second) }
        sampleWeight?.let { o.sampleWeight(it) }
        classWeight?.let { o.classWeight(it) }
        return o
    }
}

/** The receiver of `callbacks { }`: Keras' callbacks with their defaults. */
@CornuDsl
public class CallbacksBuilder internal constructor() {
    internal val callbacks = mutableListOf<Callback>()

    /** Any callback, e.g. one of your own. */
    public fun add(callback: Callback) {
        callbacks += callback
    }

    public fun earlyStopping(
        monitor: String = "val_loss", patience: Int = 0, minDelta: Double = 0.0, mode: String = "auto",
        baseline: Double? = null, restoreBestWeights: Boolean = false, startFromEpoch: Int = 0,
    ) {
        callbacks += EarlyStopping(monitor, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch)
    }

    public fun modelCheckpoint(
        filepath: String, monitor: String = "val_loss", saveBestOnly: Boolean = false,
        saveWeightsOnly: Boolean = false, mode: String = "auto",
    ) {
        callbacks += ModelCheckpoint(filepath, monitor, saveBestOnly, saveWeightsOnly, mode)
    }

    public fun reduceLROnPlateau(
        monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: String = "auto",
        minDelta: Double = 1e-4, cooldown: Int = 0, minLr: Double = 0.0,
    ) {
        callbacks += ReduceLROnPlateau(monitor, factor, patience, mode, minDelta, cooldown, minLr)
    }

    /** `learningRateScheduler { epoch, lr -> if (epoch < 10) lr else lr * 0.9 }`. */
    public fun learningRateScheduler(schedule: (epoch: Int, lr: Double) -> Double) {
        callbacks += LearningRateScheduler { epoch, lr -> schedule(epoch, lr) }
    }

    public fun csvLogger(file: Path, separator: String = ",", append: Boolean = false) {
        callbacks += CSVLogger(file, separator, append)
    }

    public fun terminateOnNaN() {
        callbacks += TerminateOnNaN()
    }

    /** A callback at each epoch's end: `onEpochEnd { epoch, logs -> println(logs) }`. */
    public fun onEpochEnd(block: (epoch: Int, logs: MutableMap<String, Double>) -> Unit) {
        callbacks += LambdaCallback().onEpochEnd { e, logs -> block(e, logs) }
    }

    /** A callback at the end of each evaluation (also fit's validation passes): `onTestEnd { logs -> println(logs) }`. */
    public fun onTestEnd(block: (logs: MutableMap<String, Double>) -> Unit) {
        callbacks += LambdaCallback().onTestEnd { logs -> block(logs) }
    }

    /** A callback after each prediction batch, with its outputs: `onPredictBatchEnd { batch, outputs -> ... }`. */
    public fun onPredictBatchEnd(block: (batch: Int, outputs: List<Tensor>) -> Unit) {
        @Suppress("UNCHECKED_CAST")
        callbacks += LambdaCallback().onPredictBatchEnd { b, logs -> block(b, logs["outputs"] as List<Tensor>) }
    }
}

/** `model.fit(x, y) { epochs = 5; batchSize = 128; callbacks { earlyStopping(patience = 2) } }`. */
public fun Model.fit(x: Tensor, y: Tensor, block: FitBuilder.() -> Unit): History =
    fit(x, y, FitBuilder().apply(block).options())
