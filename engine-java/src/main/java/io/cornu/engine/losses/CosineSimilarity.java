package io.cornu.engine.losses;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The negated cosine similarity between labels and predictions, as Keras' {@code CosineSimilarity}:
 * {@code -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)}, between -1 (same direction)
 * and 1 (opposite); 0 when either vector is zero. Vectors are normalised by
 * {@code max(||x||, 1e-7)}.
 */
public final class CosineSimilarity extends Loss {
    private static final float MIN_SQUARED_NORM = 1e-14f;
    private final int axis;

    /** @param axis the features axis; Keras' default is -1 */
    public CosineSimilarity(int axis) {
        this(axis, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Keras' arguments: {@code axis}, {@code reduction}, {@code name} (null for {@code "cosine_similarity"}). */
    public CosineSimilarity(int axis, Reduction reduction, String name) {
        super(name == null ? "cosine_similarity" : name, reduction);
        this.axis = axis;
    }

    public CosineSimilarity() {
        this(-1);
    }

    public int axis() {
        return axis;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        return c;
    }

    /** Keras' {@code from_config}. */
    public static CosineSimilarity fromConfig(Map<String, Object> config) {
        checkConfigKeys("CosineSimilarity", config, "axis");
        return new CosineSimilarity(ConfigValues.getInt(config, "axis", -1), configReduction(config),
                configName(config, "cosine_similarity"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        int rank = tp[1].rank();
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("Loss \"" + name() + "\": axis " + axis + " is out of bounds for y_pred.shape=" + yPred.shape());
        }
        return Ops.neg(Ops.sum(Ops.mul(normalize(tp[0], axis), normalize(tp[1], axis)), axis));
    }

    /** {@code x / max(||x||, 1e-7)} along {@code axis}, as Keras' {@code ops.normalize}. */
    static Tensor normalize(Tensor x, int axis) {
        Tensor squaredNorm = Ops.sum(Ops.square(x), new int[] {axis}, true);
        return Ops.mul(x, Ops.rsqrt(Ops.maximum(squaredNorm, Tensor.scalar(MIN_SQUARED_NORM))));
    }
}
