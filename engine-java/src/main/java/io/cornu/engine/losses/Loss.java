package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

/**
 * A loss, as Keras' {@code Loss}: {@link #call} gives one value per sample; {@link #apply} reduces
 * them with Keras' default {@code sum_over_batch_size} (the mean over the samples).
 */
public abstract class Loss {
    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** Keras' name of the loss, e.g. {@code "categorical_crossentropy"}. */
    public String name() {
        return name;
    }

    /** Per-sample losses, shape {@code (batch,)} (or the batch shape without the last axis). */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /** The scalar loss: the mean of {@link #call} over the batch. */
    public Tensor apply(Tensor yTrue, Tensor yPred) {
        if (yTrue.rank() != yPred.rank() || yTrue.dim(-1) != yPred.dim(-1)) {
            throw new IllegalArgumentException("Loss \"" + name + "\": `y_true` and `y_pred` must have the same shape. Received: y_true.shape="
                    + yTrue.shape() + ", y_pred.shape=" + yPred.shape());
        }
        return Ops.mean(call(yTrue, yPred));
    }

    /** The loss Keras calls {@code name}. */
    public static Loss get(String name) {
        return switch (name) {
            case "categorical_crossentropy", "CategoricalCrossentropy" -> new CategoricalCrossentropy();
            default -> throw new IllegalArgumentException("Could not interpret loss identifier: " + name
                    + ". Known: categorical_crossentropy");
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
