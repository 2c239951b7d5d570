package io.cornu.engine.callbacks;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when a monitored value has not improved for
 * {@code patience} epochs, as Keras' {@code ReduceLROnPlateau}, never below {@code minLr}, then
 * waits {@code cooldown} epochs.
 */
public class ReduceLROnPlateau extends Callback {
    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final int cooldown;
    private final double minLr;
    private double best;
    private int wait;
    private int cooldownCounter;

    public ReduceLROnPlateau(String monitor, double factor, int patience, String mode, double minDelta, int cooldown, double minLr) {
        if (factor >= 1.0) throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received: factor=" + factor);
        this.monitor = new Monitor(monitor, mode, minDelta);
        this.factor = factor;
        this.patience = patience;
        this.cooldown = cooldown;
        this.minLr = minLr;
    }

    /** Keras' defaults: factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0. */
    public ReduceLROnPlateau(String monitor, double factor, int patience) {
        this(monitor, factor, patience, "auto", 1e-4, 0, 0);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        best = monitor.initial();
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) model().optimizer().learningRate());
        Double current = monitor.read("Learning rate reduction", logs);
        if (current == null) return;
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.isImprovement(current, best)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= patience) {
                double old = model().optimizer().learningRate();
                if (old > minLr) {
                    model().optimizer().setLearningRate((float) Math.max(old * factor, minLr));
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }
}
