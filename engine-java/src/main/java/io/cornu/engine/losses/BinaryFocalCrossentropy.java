package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Binary cross-entropy scaled down on well-classified examples, as Keras'
 * {@code BinaryFocalCrossentropy} (Lin et al., 2017):
 * {@code mean((1 - p_t)^gamma * bce, axis=-1)} with {@code p_t = y * p + (1 - y) * (1 - p)}, and with
 * {@code applyClassBalancing} also weighted by {@code alpha} for positives and {@code 1 - alpha} for
 * negatives. {@code gamma = 0} gives the plain binary cross-entropy.
 */
public final class BinaryFocalCrossentropy extends Loss {
    private final boolean applyClassBalancing;
    private final float alpha;
    private final float gamma;
    private final boolean fromLogits;
    private final float labelSmoothing;

    public BinaryFocalCrossentropy(boolean applyClassBalancing, float alpha, float gamma, boolean fromLogits, float labelSmoothing) {
        this(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /**
     * Keras' arguments in its order: {@code apply_class_balancing}, {@code alpha}, {@code gamma}, {@code from_logits},
     * {@code label_smoothing}, {@code reduction}, {@code name} (null for {@code "binary_focal_crossentropy"}).
     */
    public BinaryFocalCrossentropy(boolean applyClassBalancing, float alpha, float gamma, boolean fromLogits, float labelSmoothing,
                                   Reduction reduction, String name) {
        super(name == null ? "binary_focal_crossentropy" : name, reduction);
        if (!(gamma >= 0)) throw new IllegalArgumentException("BinaryFocalCrossentropy: gamma must be >= 0. Received: gamma=" + gamma);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("BinaryFocalCrossentropy: label_smoothing must be in [0, 1]. Received: label_smoothing=" + labelSmoothing);
        }
        this.applyClassBalancing = applyClassBalancing;
        this.alpha = alpha;
        this.gamma = gamma;
        this.fromLogits = fromLogits;
        this.labelSmoothing = labelSmoothing;
    }

    /** Keras' defaults with the given {@code gamma} and {@code fromLogits}: no class balancing, alpha 0.25. */
    public BinaryFocalCrossentropy(float gamma, boolean fromLogits) {
        this(false, 0.25f, gamma, fromLogits, 0f);
    }

    /** Keras' defaults: gamma 2, probabilities. */
    public BinaryFocalCrossentropy() {
        this(2f, false);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("apply_class_balancing", applyClassBalancing);
        c.put("alpha", alpha);
        c.put("gamma", gamma);
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        return c;
    }

    /** Keras' {@code from_config}. */
    public static BinaryFocalCrossentropy fromConfig(Map<String, Object> config) {
        checkConfigKeys("BinaryFocalCrossentropy", config, "apply_class_balancing", "alpha", "gamma", "from_logits", "label_smoothing");
        return new BinaryFocalCrossentropy(configBoolean(config, "apply_class_balancing", false), configFloat(config, "alpha", 0.25f),
                configFloat(config, "gamma", 2f), configBoolean(config, "from_logits", false), configFloat(config, "label_smoothing", 0f),
                configReduction(config), configName(config, "binary_focal_crossentropy"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor y = BinaryCrossentropy.smooth(tp[0], labelSmoothing);
        Tensor p = fromLogits ? Ops.sigmoid(tp[1]) : tp[1];
        Tensor bce = BinaryCrossentropy.elementwise(y, p, false);
        Tensor notY = Ops.add(Ops.neg(y), 1f);
        Tensor pT = Ops.add(Ops.mul(y, p), Ops.mul(notY, Ops.add(Ops.neg(p), 1f)));
        Tensor focal = Ops.mul(Ops.pow(Ops.add(Ops.neg(pT), 1f), gamma), bce);
        if (applyClassBalancing) focal = Ops.mul(Ops.add(Ops.mul(y, alpha), Ops.mul(notY, 1f - alpha)), focal);
        return Ops.mean(focal, -1);
    }
}
