package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.function.BinaryOperator;

/**
 * A loss, as Keras' {@code Loss}: {@link #call} gives one value per sample; {@link #apply} reduces
 * them with Keras' default {@code sum_over_batch_size}: {@code sum(values * sampleWeight) / count}.
 * A plain function of {@code (yTrue, yPred)} over {@link Ops} is a loss too: see {@link #of}.
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
        return apply(yTrue, yPred, null);
    }

    /**
     * The scalar loss with per-sample weights ({@code (batch,)}, or null for 1):
     * {@code sum(values * sampleWeight) / number of values}, as Keras' {@code sum_over_batch_size}.
     */
    public Tensor apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor values = call(yTrue, yPred);
        if (sampleWeight == null) return Ops.mean(values);
        if (sampleWeight.rank() != 1 || (values.rank() > 0 && sampleWeight.dim(0) != values.dim(0))) {
            throw new IllegalArgumentException("Loss \"" + name + "\": sample_weight must have shape (batch,) = (" + (values.rank() > 0 ? values.dim(0) : 1)
                    + ",). Received: sample_weight.shape=" + sampleWeight.shape());
        }
        int[] wShape = new int[Math.max(1, values.rank())];
        java.util.Arrays.fill(wShape, 1);
        wShape[0] = sampleWeight.dim(0);
        return Ops.mean(Ops.mul(values, sampleWeight.reshape(wShape)));
    }

    /**
     * A loss from a function over ops, as a Keras custom loss: it returns per-sample values (any
     * shape; {@link #apply} averages them). Differentiates automatically.
     * <pre>{@code Loss.of("quartic", (t, p) -> Ops.mean(Ops.square(Ops.square(Ops.sub(p, t))), -1))}</pre>
     */
    public static Loss of(String name, BinaryOperator<Tensor> fn) {
        return new Loss(name) {
            @Override
            public Tensor call(Tensor yTrue, Tensor yPred) {
                return fn.apply(yTrue, yPred);
            }
        };
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
