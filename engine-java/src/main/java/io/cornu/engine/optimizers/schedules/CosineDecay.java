package io.cornu.engine.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cosine decay with an optional linear warmup, Keras' {@code CosineDecay}
 * (Loshchilov &amp; Hutter, SGDR). Without a warmup target:
 * <pre>
 * s = min(step, decay_steps)
 * lr(step) = initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha)
 * </pre>
 * With {@code warmupTarget}, the rate first rises linearly from {@code initialLearningRate} to
 * {@code warmupTarget} over {@code warmupSteps}, then decays from {@code warmupTarget} as above, over
 * {@code decaySteps} steps counted from the end of the warmup.
 */
public final class CosineDecay implements LearningRateSchedule {
    private final float initialLearningRate;
    private final long decaySteps;
    private final float alpha;
    private final Float warmupTarget;
    private final long warmupSteps;

    /**
     * @param initialLearningRate the rate at step 0
     * @param decaySteps          steps to decay over; must be positive
     * @param alpha               the final rate as a fraction of the rate decay starts from
     * @param warmupTarget        the rate reached at the end of the warmup, or null for no warmup
     * @param warmupSteps         steps to warm up over
     */
    public CosineDecay(float initialLearningRate, long decaySteps, float alpha, Float warmupTarget, long warmupSteps) {
        LearningRateSchedule.requireFinite("initial_learning_rate", initialLearningRate);
        LearningRateSchedule.requirePositive("decay_steps", decaySteps);
        LearningRateSchedule.requireFinite("alpha", alpha);
        if (warmupTarget != null) LearningRateSchedule.requireFinite("warmup_target", warmupTarget);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("Argument `warmup_steps` must be >= 0. Received: warmup_steps=" + warmupSteps);
        }
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.alpha = alpha;
        this.warmupTarget = warmupTarget;
        this.warmupSteps = warmupSteps;
    }

    /** No warmup. */
    public CosineDecay(float initialLearningRate, long decaySteps, float alpha) {
        this(initialLearningRate, decaySteps, alpha, null, 0);
    }

    /** No warmup, decaying to 0 ({@code alpha=0}). */
    public CosineDecay(float initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, 0f);
    }

    @Override
    public float learningRate(long step) {
        if (warmupTarget == null) {
            return decay(Math.min(step, decaySteps), initialLearningRate);
        }
        long s = Math.min(step, decaySteps + warmupSteps);
        if (s < warmupSteps) {
            double fraction = (double) s / warmupSteps;
            return (float) ((warmupTarget - (double) initialLearningRate) * fraction + initialLearningRate);
        }
        return decay(s - warmupSteps, warmupTarget);
    }

    private float decay(long step, double from) {
        double cosine = 0.5 * (1 + Math.cos(Math.PI * step / decaySteps));
        return (float) (from * ((1 - alpha) * cosine + alpha));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("alpha", alpha);
        c.put("name", "CosineDecay");
        c.put("warmup_target", warmupTarget);
        c.put("warmup_steps", warmupSteps);
        return c;
    }
}
