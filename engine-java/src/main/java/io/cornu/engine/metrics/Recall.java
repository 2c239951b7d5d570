package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The recall of the predictions, as Keras' {@code Recall}: {@code tp / (tp + fn)} over every sample
 * seen, where a prediction above {@code threshold} (0.5 by default) is positive and a non-zero label
 * is positive; 0 when there was no positive label. With a {@code classId}, only that class counts.
 *
 * <pre>{@code
 * Recall m = new Recall();
 * m.updateState(Tensor.of(new float[] {0, 1, 1, 1}), Tensor.of(new float[] {1, 0, 1, 1}));
 * m.result();   // 0.6666667
 * }</pre>
 */
public final class Recall extends Metric {
    private final ConfusionMatrix counts;
    private final float threshold;
    private final Integer classId;

    public Recall(float threshold, Integer classId, String name) {
        super(name);
        this.threshold = threshold;
        this.classId = classId;
        this.counts = new ConfusionMatrix(new float[] {threshold});
    }

    public Recall(float threshold) {
        this(threshold, null, "recall");
    }

    public Recall(String name) {
        this(0.5f, null, name);
    }

    public Recall() {
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

    /** The weighted count of false negatives so far. */
    public double falseNegatives() {
        return counts.fn[0];
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        counts.update(name(), yTrue, yPred, sampleWeight, false, classId);
    }

    @Override
    public double result() {
        return ConfusionMatrix.divideNoNan(counts.tp[0], counts.tp[0] + counts.fn[0]);
    }

    @Override
    public void resetState() {
        counts.reset();
    }
}
