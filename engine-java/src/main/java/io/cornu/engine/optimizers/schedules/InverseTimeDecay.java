package io.cornu.engine.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inverse time decay, Keras' {@code InverseTimeDecay}:
 * <pre>
 * lr(step) = initial_learning_rate / (1 + decay_rate * step / decay_steps)
 * </pre>
 * With {@code staircase}, {@code step / decay_steps} is floored.
 */
public final class InverseTimeDecay implements LearningRateSchedule {
    private final float initialLearningRate;
    private final long decaySteps;
    private final float decayRate;
    private final boolean staircase;

    /**
     * @param initialLearningRate the rate at step 0
     * @param decaySteps          how often to apply decay; must be positive
     * @param decayRate           the decay rate
     * @param staircase           whether to decay at discrete intervals
     */
    public InverseTimeDecay(float initialLearningRate, long decaySteps, float decayRate, boolean staircase) {
        LearningRateSchedule.requireFinite("initial_learning_rate", initialLearningRate);
        LearningRateSchedule.requirePositive("decay_steps", decaySteps);
        LearningRateSchedule.requireFinite("decay_rate", decayRate);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    /** Continuous decay ({@code staircase=false}). */
    public InverseTimeDecay(float initialLearningRate, long decaySteps, float decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    public float learningRate(long step) {
        double p = (double) step / decaySteps;
        if (staircase) p = Math.floor(p);
        return (float) (initialLearningRate / (1 + decayRate * p));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        c.put("name", "InverseTimeDecay");
        return c;
    }
}
