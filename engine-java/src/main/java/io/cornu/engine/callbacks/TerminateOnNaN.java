package io.cornu.engine.callbacks;

import java.util.Map;

/** Stops training as soon as a batch's loss is NaN or infinite, as Keras' {@code TerminateOnNaN}. */
public class TerminateOnNaN extends Callback {
    private int terminatedAtBatch = -1;

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && (loss.isNaN() || loss.isInfinite())) {
            System.err.println("Batch " + batch + ": Invalid loss, terminating training");
            terminatedAtBatch = batch;
            model().setStopTraining(true);
        }
    }

    /** The batch whose loss was invalid, or -1. */
    public int terminatedAtBatch() {
        return terminatedAtBatch;
    }
}
