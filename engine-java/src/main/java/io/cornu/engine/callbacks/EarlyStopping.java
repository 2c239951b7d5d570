package io.cornu.engine.callbacks;

import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored value stops improving, as Keras' {@code EarlyStopping}:
 * after {@code patience} epochs without an improvement larger than {@code minDelta}; optionally
 * restores the weights of the best epoch.
 */
public class EarlyStopping extends Callback {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private final Double baseline;
    private final int startFromEpoch;
    private double best;
    private int wait;
    private int stoppedEpoch;
    private int bestEpoch;
    private List<Tensor> bestWeights;

    public EarlyStopping(String monitor, double minDelta, int patience, String mode, Double baseline, boolean restoreBestWeights, int startFromEpoch) {
        if (patience < 0) throw new IllegalArgumentException("EarlyStopping: patience must be >= 0. Received: patience=" + patience);
        this.monitor = new Monitor(monitor, mode, minDelta);
        this.patience = patience;
        this.baseline = baseline;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
    }

    /** Keras' defaults for everything but the monitor and patience. */
    public EarlyStopping(String monitor, int patience) {
        this(monitor, 0, patience, "auto", null, false, 0);
    }

    public EarlyStopping(String monitor, int patience, boolean restoreBestWeights) {
        this(monitor, 0, patience, "auto", null, restoreBestWeights, 0);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        wait = 0;
        stoppedEpoch = 0;
        best = monitor.initial();
        bestWeights = null;
        bestEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = monitor.read("Early stopping", logs);
        if (current == null || epoch < startFromEpoch) return;
        if (restoreBestWeights && bestWeights == null) bestWeights = model().getWeights();
        wait++;
        if (monitor.isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = model().getWeights();
            if (baseline == null || monitor.isImprovement(current, baseline)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().setStopTraining(true);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && restoreBestWeights && bestWeights != null) model().setWeights(bestWeights);
    }

    /** The epoch (0-based) at which training was stopped, or 0. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (0-based) with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
