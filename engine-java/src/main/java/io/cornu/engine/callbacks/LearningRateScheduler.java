package io.cornu.engine.callbacks;

import java.util.Map;

/**
 * Sets the learning rate at the start of each epoch from {@code schedule(epoch, currentLr)}, as
 * Keras' {@code LearningRateScheduler}; logs it as {@code learning_rate}.
 */
public class LearningRateScheduler extends Callback {
    /** {@code (epoch, lr) -> new lr}, epoch 0-based. */
    @FunctionalInterface
    public interface Schedule {
        double apply(int epoch, double lr);
    }

    private final Schedule schedule;

    public LearningRateScheduler(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double lr = schedule.apply(epoch, model().optimizer().learningRate());
        if (!Double.isFinite(lr) || lr < 0) {
            throw new IllegalArgumentException("LearningRateScheduler: the schedule returned an invalid learning rate for epoch " + epoch + ". Received: learning_rate=" + lr);
        }
        model().optimizer().setLearningRate((float) lr);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) model().optimizer().learningRate());
    }
}
