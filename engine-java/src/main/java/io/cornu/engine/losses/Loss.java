package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * A loss, as Keras' {@code Loss}: {@link #call} gives one value per sample; {@link #apply} reduces
 * them with Keras' default {@code sum_over_batch_size}: {@code sum(values * sampleWeight) / count}.
 * A plain function of {@code (yTrue, yPred)} over {@link Ops} is a loss too: see {@link #of}.
 *
 * <p>Subclasses implement {@link #call} with {@link Ops} only, so every loss differentiates under a
 * {@link io.cornu.engine.autodiff.GradientTape}.
 */
public abstract class Loss {
    /** Keras' {@code backend.epsilon()}: the clipping bound of logarithms and divisions. */
    public static final float EPSILON = 1e-7f;

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
     * The scalar loss with sample weights, as Keras' {@code sum_over_batch_size}:
     * {@code sum(values * sampleWeight) / number of values}. The weights have shape {@code (batch,)}
     * (broadcast over the other axes of the values), {@code (batch, 1)}, the values' own shape, or
     * are a single number; null means 1.
     */
    public Tensor apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor values = call(yTrue, yPred);
        if (values.size() == 0) return Tensor.scalar(0f);
        if (sampleWeight == null) return Ops.mean(values);
        return Ops.mean(Ops.mul(values, alignWeights(values, sampleWeight)));
    }

    private Tensor alignWeights(Tensor values, Tensor sampleWeight) {
        Tensor w = sampleWeight.dtype() == DType.FLOAT32 ? sampleWeight : sampleWeight.cast(DType.FLOAT32);
        if (w.size() == 1) return w.reshape();
        int[] v = values.dims();
        int[] s = w.dims();
        if (Arrays.equals(v, s) || v.length == 0) return w;   // one value for the batch: Keras averages it over the weights
        // (batch, 1) against (batch,): squeeze, as Keras' squeeze_or_expand_to_same_rank
        if (s.length == v.length + 1 && s[s.length - 1] == 1) s = Arrays.copyOf(s, s.length - 1);
        boolean prefix = s.length <= v.length && s.length > 0;
        for (int i = 0; prefix && i < s.length; i++) prefix = s[i] == v[i];
        if (!prefix) {
            throw new IllegalArgumentException("Loss \"" + name + "\": sample_weight must have shape (batch,) = (" + (v.length > 0 ? v[0] : 1)
                    + ",) or the shape of the per-sample losses " + values.shape() + ". Received: sample_weight.shape=" + sampleWeight.shape());
        }
        int[] shape = new int[v.length];
        Arrays.fill(shape, 1);
        System.arraycopy(s, 0, shape, 0, s.length);
        return w.reshape(shape);
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

    private static final Map<String, Supplier<Loss>> REGISTRY = new LinkedHashMap<>();

    private static void register(Supplier<Loss> factory, String... names) {
        for (String n : names) REGISTRY.put(n, factory);
    }

    static {
        register(MeanSquaredError::new, "mean_squared_error", "MeanSquaredError", "mse", "MSE");
        register(MeanAbsoluteError::new, "mean_absolute_error", "MeanAbsoluteError", "mae", "MAE");
        register(MeanAbsolutePercentageError::new, "mean_absolute_percentage_error", "MeanAbsolutePercentageError", "mape", "MAPE");
        register(MeanSquaredLogarithmicError::new, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError", "msle", "MSLE");
        register(Huber::new, "huber", "huber_loss", "Huber");
        register(LogCosh::new, "log_cosh", "logcosh", "LogCosh");
        register(BinaryCrossentropy::new, "binary_crossentropy", "BinaryCrossentropy", "bce", "BCE");
        register(BinaryFocalCrossentropy::new, "binary_focal_crossentropy", "BinaryFocalCrossentropy");
        register(CategoricalCrossentropy::new, "categorical_crossentropy", "CategoricalCrossentropy");
        register(SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
        register(KLDivergence::new, "kl_divergence", "KLDivergence", "kld", "KLD", "kullback_leibler_divergence");
        register(Poisson::new, "poisson", "Poisson");
        register(CosineSimilarity::new, "cosine_similarity", "CosineSimilarity");
        register(Hinge::new, "hinge", "Hinge");
        register(SquaredHinge::new, "squared_hinge", "SquaredHinge");
        register(CategoricalHinge::new, "categorical_hinge", "CategoricalHinge");
    }

    /**
     * The loss Keras calls {@code name}: a function name ({@code "mean_squared_error"}), a class
     * name ({@code "MeanSquaredError"}) or an alias ({@code "mse"}), with Keras' default arguments.
     */
    public static Loss get(String name) {
        Supplier<Loss> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Could not interpret loss identifier: " + name + ". Known: " + String.join(", ", knownNames()));
        }
        return factory.get();
    }

    /** Every name {@link #get} accepts, sorted. */
    public static java.util.SortedSet<String> knownNames() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(REGISTRY.keySet()));
    }

    /**
     * {@code x1} and {@code x2} brought to the same rank when their ranks differ by one and the
     * longer ends in a size-1 axis, as Keras' {@code squeeze_or_expand_to_same_rank}: a rank-1
     * operand is expanded ({@code (b,)} with {@code (b, 1)} gives two {@code (b, 1)}), otherwise the
     * size-1 axis is squeezed. Differentiable.
     */
    public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2) {
        int r1 = x1.rank(), r2 = x2.rank();
        if (r1 == r2 + 1 && x1.dim(-1) == 1) {
            if (r2 == 1) x2 = Ops.expandDims(x2, -1);
            else x1 = Ops.squeeze(x1, -1);
        } else if (r2 == r1 + 1 && x2.dim(-1) == 1) {
            if (r1 == 1) x1 = Ops.expandDims(x1, -1);
            else x2 = Ops.squeeze(x2, -1);
        }
        return new Tensor[] {x1, x2};
    }

    /**
     * The targets as float32 and both tensors at the same rank ({@link #squeezeOrExpandToSameRank}),
     * as Keras' {@code LossFunctionWrapper} prepares them; an error naming this loss and both shapes
     * when the shapes still differ.
     */
    protected Tensor[] sameShape(Tensor yTrue, Tensor yPred) {
        Tensor t = yTrue.dtype() == DType.FLOAT32 ? yTrue : yTrue.cast(DType.FLOAT32);
        Tensor[] both = squeezeOrExpandToSameRank(t, yPred);
        if (!both[0].shape().equals(both[1].shape())) throw shapeMismatch(yTrue, yPred);
        return both;
    }

    /** Keras' wording for targets and predictions whose shapes do not match. */
    protected IllegalArgumentException shapeMismatch(Tensor yTrue, Tensor yPred) {
        return new IllegalArgumentException("Loss \"" + name + "\": `y_true` and `y_pred` must have the same shape. Received: y_true.shape="
                + yTrue.shape() + ", y_pred.shape=" + yPred.shape());
    }

    @Override
    public String toString() {
        String type = getClass().getSimpleName();
        return (type.isEmpty() ? "Loss" : type) + "(" + name + ")";
    }
}
