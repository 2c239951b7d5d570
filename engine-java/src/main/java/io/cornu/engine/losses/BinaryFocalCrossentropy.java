package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

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
        super("binary_focal_crossentropy");
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
