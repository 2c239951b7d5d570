package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

import java.util.Arrays;

/**
 * Cross-entropy between integer class labels and predicted class probabilities, as Keras'
 * {@code SparseCategoricalCrossentropy}: {@code -log(p[label])} per sample, where the prediction is
 * renormalised to sum to 1 and clipped to {@code [eps, 1 - eps]}; with {@code fromLogits} a stable
 * log-softmax is used instead.
 *
 * <p>Labels are int32, int64 or whole float32 numbers, of shape {@code y_pred.shape[:-1]}
 * (e.g. {@code (batch,)}) or with a trailing size-1 axis ({@code (batch, 1)}).
 *
 * <pre>{@code
 * // Keras' example: 1.177
 * new SparseCategoricalCrossentropy().apply(Tensor.ofInts(1, 2),
 *         Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}}));
 * }</pre>
 */
public final class SparseCategoricalCrossentropy extends Loss {
    private final boolean fromLogits;

    public SparseCategoricalCrossentropy(boolean fromLogits) {
        this(fromLogits, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Keras' arguments: {@code from_logits}, {@code reduction}, {@code name} (null for {@code "sparse_categorical_crossentropy"}). */
    public SparseCategoricalCrossentropy(boolean fromLogits, Reduction reduction, String name) {
        super(name == null ? "sparse_categorical_crossentropy" : name, reduction);
        this.fromLogits = fromLogits;
    }

    public SparseCategoricalCrossentropy() {
        this(false);
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        return c;
    }

    /** Keras' {@code from_config}. */
    public static SparseCategoricalCrossentropy fromConfig(Map<String, Object> config) {
        checkConfigKeys("SparseCategoricalCrossentropy", config, "from_logits");
        return new SparseCategoricalCrossentropy(configBoolean(config, "from_logits", false), configReduction(config),
                configName(config, "sparse_categorical_crossentropy"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        if (yPred.rank() < 1) {
            throw new IllegalArgumentException("Loss \"" + name() + "\": `y_pred` must be at least rank 1. Received: y_pred.shape=" + yPred.shape());
        }
        Tensor labels = yTrue;
        if (labels.rank() == yPred.rank() && labels.rank() > 0 && labels.dim(-1) == 1) labels = labels.reshape(Arrays.copyOf(labels.dims(), labels.rank() - 1));
        int[] expected = Arrays.copyOf(yPred.dims(), yPred.rank() - 1);
        if (!Arrays.equals(labels.dims(), expected)) {
            throw new IllegalArgumentException("Loss \"" + name() + "\": `y_true` must have the shape of `y_pred` up until the last dimension. Received: y_true.shape="
                    + yTrue.shape() + ", y_pred.shape=" + yPred.shape());
        }
        int classes = yPred.dim(-1);
        int[] idx = labels.dtype() == DType.FLOAT32 ? floatLabels(labels) : labels.cast(DType.INT32).toIntArray();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= classes) {
                throw new IllegalArgumentException("Loss \"" + name() + "\": labels must be in [0, " + classes + ") for " + classes
                        + " classes. Received: label " + idx[i] + " at position " + i);
            }
        }
        Tensor logProbs;
        if (fromLogits) {
            logProbs = Ops.logSoftmax(yPred);
        } else {
            Tensor p = Ops.div(yPred, Ops.sum(yPred, new int[] {-1}, true));
            logProbs = Ops.log(Ops.clip(p, EPSILON, 1f - EPSILON));
        }
        int[] indexShape = Arrays.copyOf(expected, expected.length + 1);
        indexShape[expected.length] = 1;
        Tensor picked = Ops.takeAlongAxis(logProbs, Tensor.wrap(idx, indexShape), -1);
        return Ops.neg(Ops.reshape(picked, expected));
    }

    private int[] floatLabels(Tensor labels) {
        float[] f = labels.toFloatArray();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            if (f[i] != Math.rint(f[i])) {
                throw new IllegalArgumentException("Loss \"" + name() + "\": labels must be whole class indices. Received: " + f[i] + " at position " + i);
            }
            out[i] = (int) f[i];
        }
        return out;
    }
}
