package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Cross-entropy between one-hot (or soft) labels and predicted class probabilities, as Keras'
 * {@code categorical_crossentropy}: {@code -sum(y_true * log(y_pred), axis=-1)}, where the
 * prediction is renormalised to sum to 1 and clipped to {@code [eps, 1 - eps]} ({@code eps = 1e-7}).
 * With {@code fromLogits} the prediction is a logit vector and a stable log-softmax is used.
 */
public final class CategoricalCrossentropy extends Loss {
    private final boolean fromLogits;
    private final float labelSmoothing;

    public CategoricalCrossentropy(boolean fromLogits, float labelSmoothing) {
        this(fromLogits, labelSmoothing, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Keras' arguments: {@code from_logits}, {@code label_smoothing}, {@code reduction}, {@code name} (null for {@code "categorical_crossentropy"}). */
    public CategoricalCrossentropy(boolean fromLogits, float labelSmoothing, Reduction reduction, String name) {
        super(name == null ? "categorical_crossentropy" : name, reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CategoricalCrossentropy: label_smoothing must be in [0, 1]. Received: label_smoothing=" + labelSmoothing);
        }
        this.fromLogits = fromLogits;
        this.labelSmoothing = labelSmoothing;
    }

    public CategoricalCrossentropy(boolean fromLogits) {
        this(fromLogits, 0f);
    }

    public CategoricalCrossentropy() {
        this(false, 0f);
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    public float labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        return c;
    }

    /** Keras' {@code from_config}. */
    public static CategoricalCrossentropy fromConfig(Map<String, Object> config) {
        checkConfigKeys("CategoricalCrossentropy", config, "from_logits", "label_smoothing");
        return new CategoricalCrossentropy(configBoolean(config, "from_logits", false), configFloat(config, "label_smoothing", 0f),
                configReduction(config), configName(config, "categorical_crossentropy"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor target = tp[0];
        yPred = tp[1];
        if (labelSmoothing > 0) {
            int classes = yPred.dim(-1);
            target = Ops.add(Ops.mul(target, 1f - labelSmoothing), labelSmoothing / classes);
        }
        Tensor logProbs;
        if (fromLogits) {
            logProbs = Ops.logSoftmax(yPred);
        } else {
            Tensor p = Ops.div(yPred, Ops.sum(yPred, new int[] {-1}, true));
            logProbs = Ops.log(Ops.clip(p, EPSILON, 1f - EPSILON));
        }
        return Ops.neg(Ops.sum(Ops.mul(target, logProbs), new int[] {-1}, false));
    }
}
