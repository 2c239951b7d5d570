package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Cross-entropy between binary labels and predicted probabilities, as Keras'
 * {@code BinaryCrossentropy}: {@code -mean(y * log(p) + (1 - y) * log(1 - p), axis=-1)} with
 * {@code p} clipped to {@code [eps, 1 - eps]} ({@code eps = 1e-7}).
 *
 * <p>With {@code fromLogits} the prediction is a logit {@code x} and the loss is computed stably as
 * {@code -(y * log_sigmoid(x) + (1 - y) * log_sigmoid(-x))}. With {@code labelSmoothing = s} the
 * labels are squeezed towards 0.5: {@code y * (1 - s) + 0.5 * s}.
 *
 * <pre>{@code
 * // Keras' example: 0.8654
 * new BinaryCrossentropy(true, 0f).apply(Tensor.of(new float[][] {{0, 1}, {0, 0}}),
 *                                        Tensor.of(new float[][] {{-18.6f, 0.51f}, {2.94f, -12.8f}}));
 * }</pre>
 */
public final class BinaryCrossentropy extends Loss {
    private final boolean fromLogits;
    private final float labelSmoothing;

    public BinaryCrossentropy(boolean fromLogits, float labelSmoothing) {
        this(fromLogits, labelSmoothing, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Keras' arguments: {@code from_logits}, {@code label_smoothing}, {@code reduction}, {@code name} (null for {@code "binary_crossentropy"}). */
    public BinaryCrossentropy(boolean fromLogits, float labelSmoothing, Reduction reduction, String name) {
        super(name == null ? "binary_crossentropy" : name, reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("BinaryCrossentropy: label_smoothing must be in [0, 1]. Received: label_smoothing=" + labelSmoothing);
        }
        this.fromLogits = fromLogits;
        this.labelSmoothing = labelSmoothing;
    }

    public BinaryCrossentropy(boolean fromLogits) {
        this(fromLogits, 0f);
    }

    public BinaryCrossentropy() {
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
    public static BinaryCrossentropy fromConfig(Map<String, Object> config) {
        checkConfigKeys("BinaryCrossentropy", config, "from_logits", "label_smoothing");
        return new BinaryCrossentropy(configBoolean(config, "from_logits", false), configFloat(config, "label_smoothing", 0f),
                configReduction(config), configName(config, "binary_crossentropy"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor y = smooth(tp[0], labelSmoothing);
        return Ops.mean(elementwise(y, tp[1], fromLogits), -1);
    }

    static Tensor smooth(Tensor y, float labelSmoothing) {
        return labelSmoothing > 0 ? Ops.add(Ops.mul(y, 1f - labelSmoothing), 0.5f * labelSmoothing) : y;
    }

    /** Keras' {@code ops.binary_crossentropy}: the loss of each element, not reduced. */
    static Tensor elementwise(Tensor y, Tensor pred, boolean fromLogits) {
        Tensor notY = Ops.add(Ops.neg(y), 1f);
        if (fromLogits) {
            return Ops.neg(Ops.add(Ops.mul(y, Ops.logSigmoid(pred)), Ops.mul(notY, Ops.logSigmoid(Ops.neg(pred)))));
        }
        Tensor p = Ops.clip(pred, EPSILON, 1f - EPSILON);
        return Ops.neg(Ops.add(Ops.mul(y, Ops.log(p)), Ops.mul(notY, Ops.log(Ops.add(Ops.neg(p), 1f)))));
    }
}
