package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The precision of the predictions, as Keras' {@code Precision}: {@code tp / (tp + fp)} over every
 * sample seen, where a prediction above {@code threshold} (0.5 by default) is positive and a non-zero
 * label is positive; 0 when nothing was predicted positive. With a {@code classId}, only that class
 * (index of the last axis) counts.
 *
 * <pre>{@code
 * Precision m = new Precision();
 * m.updateState(Tensor.of(new float[] {0, 1, 1, 1}), Tensor.of(new float[] {1, 0, 1, 1}));
 * m.result();   // 0.6666667
 * }</pre>
 */
public final class Precision extends Metric {
    private final ConfusionMatrix counts;
    private final float threshold;
    private final Integer classId;

    public Precision(float threshold, Integer classId, String name) {
        super(name);
        this.threshold = threshold;
        this.classId = classId;
        this.counts = new ConfusionMatrix(new float[] {threshold});
    }

    public Precision(float threshold) {
        this(threshold, null, "precision");
    }

    public Precision(String name) {
        this(0.5f, null, name);
    }

    public Precision() {
        this(0.5f);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("thresholds", threshold);
        c.put("class_id", classId);
        return c;
    }

    public float threshold() {
        return threshold;
    }

    /** The weighted count of true positives so far. */
    public double truePositives() {
        return counts.tp[0];
    }

    /** The weighted count of false positives so far. */
    public double falsePositives() {
        return counts.fp[0];
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        counts.update(name(), yTrue, yPred, sampleWeight, false, classId);
    }

    @Override
    public double result() {
        return ConfusionMatrix.divideNoNan(counts.tp[0], counts.tp[0] + counts.fp[0]);
    }

    @Override
    public void resetState() {
        counts.reset();
    }
}
