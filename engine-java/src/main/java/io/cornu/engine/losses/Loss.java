package io.cornu.engine.losses;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A loss, as Keras' {@code Loss}: {@link #call} gives one value per sample; {@link #apply} weights them
 * and reduces them with the loss's {@link Reduction}, by default Keras' {@code sum_over_batch_size}:
 * {@code sum(values * sampleWeight) / count}. A plain function of {@code (yTrue, yPred)} over
 * {@link Ops} is a loss too: see {@link #of}.
 *
 * <p>Subclasses implement {@link #call} with {@link Ops} only, so every loss differentiates under a
 * {@link io.cornu.engine.autodiff.GradientTape}. A built-in loss describes itself with
 * {@link #getConfig()} and is rebuilt from it by {@link #fromConfig}.
 */
public abstract class Loss {
    /** Keras' {@code backend.epsilon()}: the clipping bound of logarithms and divisions. */
    public static final float EPSILON = 1e-7f;

    private final String name;
    private final Reduction reduction;

    /** A loss reduced with Keras' default, {@link Reduction#SUM_OVER_BATCH_SIZE}. */
    protected Loss(String name) {
        this(name, Reduction.SUM_OVER_BATCH_SIZE);
    }

    protected Loss(String name, Reduction reduction) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("Loss: name must be a non-empty string. Received: name=" + name);
        if (reduction == null) {
            throw new IllegalArgumentException("Loss \"" + name + "\": reduction must not be null; use Reduction.NONE for no reduction. Received: reduction=null");
        }
        this.name = name;
        this.reduction = reduction;
    }

    /** Keras' name of the loss, e.g. {@code "categorical_crossentropy"}. */
    public String name() {
        return name;
    }

    /** How {@link #apply} reduces the weighted per-sample values. */
    public Reduction reduction() {
        return reduction;
    }

    /** Per-sample losses, shape {@code (batch,)} (or the batch shape without the last axis). */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /** The loss without sample weights, reduced with {@link #reduction()}: a scalar, or the values for {@link Reduction#NONE}. */
    public Tensor apply(Tensor yTrue, Tensor yPred) {
        return apply(yTrue, yPred, null);
    }

    /**
     * The loss with sample weights, as Keras' {@code reduce_weighted_values}: the per-sample values
     * ({@link #call}) times the weights, reduced with {@link #reduction()} (see {@link Reduction}). The
     * weights have shape {@code (batch,)} (broadcast over the other axes of the values), {@code (batch, 1)},
     * the values' own shape, or are a single number; null means 1. A mask on {@code yPred}
     * ({@link Tensor#kerasMask()}, e.g. from {@code Embedding(maskZero=true)}) multiplies the weights; under
     * {@code sum_over_batch_size} and {@code mean} the result is then the mean over the unmasked entries.
     */
    public Tensor apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor mask = yPred.kerasMask();
        Tensor values = call(yTrue, yPred);
        if (values.kerasMask() != null) mask = mask == null ? values.kerasMask() : Ops.mul(asFloat(mask), asFloat(values.kerasMask()));
        if (values.size() == 0) return reduction == Reduction.NONE ? values : Tensor.scalar(0f);

        Tensor weights = sampleWeight == null ? null : alignWeights(values, sampleWeight, "sample_weight");
        if (mask != null) {
            Tensor m = alignWeights(values, mask, "mask");
            if (reduction == Reduction.SUM_OVER_BATCH_SIZE || reduction == Reduction.MEAN) {
                // valid entries weigh total / valid, so that dividing by the total gives the mean over the valid ones
                float[] mv = m.toFloatArray();
                double valid = 0;
                for (float x : mv) valid += x;
                m = Ops.mul(m, valid == 0 ? 0f : (float) (mv.length / valid));
            }
            weights = weights == null ? m : Ops.mul(weights, m);
        }
        Tensor weighted = weights == null ? values : Ops.mul(values, weights);
        return switch (reduction) {
            case NONE -> weighted;
            case SUM -> weighted.rank() == 0 ? weighted : Ops.sum(weighted);
            case SUM_OVER_BATCH_SIZE, MEAN -> weighted.rank() == 0 ? weighted : Ops.mean(weighted);
            case MEAN_WITH_SAMPLE_WEIGHT -> {
                if (sampleWeight == null && mask == null) yield weighted.rank() == 0 ? weighted : Ops.mean(weighted);
                double sum = 0;
                for (float w : Ops.broadcastTo(weights, weighted.dims()).toFloatArray()) sum += w;
                yield sum == 0 ? Ops.mul(Ops.sum(weighted), 0f) : Ops.div(Ops.sum(weighted), Tensor.scalar((float) sum));
            }
        };
    }

    private static Tensor asFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t : t.cast(DType.FLOAT32);
    }

    /** Weights (or a mask) reshaped to broadcast against the values; {@code what} names them in errors. */
    private Tensor alignWeights(Tensor values, Tensor sampleWeight, String what) {
        Tensor w = asFloat(sampleWeight);
        if (w.size() == 1) return w.reshape();
        int[] v = values.dims();
        int[] s = w.dims();
        if (Arrays.equals(v, s) || v.length == 0) return w;   // one value for the batch: Keras averages it over the weights
        // (batch, 1) against (batch,): squeeze, as Keras' squeeze_or_expand_to_same_rank
        if (s.length == v.length + 1 && s[s.length - 1] == 1) s = Arrays.copyOf(s, s.length - 1);
        boolean prefix = s.length <= v.length && s.length > 0;
        for (int i = 0; prefix && i < s.length; i++) prefix = s[i] == v[i];
        if (!prefix) {
            throw new IllegalArgumentException("Loss \"" + name + "\": " + what + " must have shape (batch,) = (" + (v.length > 0 ? v[0] : 1)
                    + ",) or the shape of the per-sample losses " + values.shape() + ". Received: " + what + ".shape=" + sampleWeight.shape());
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
        return of(name, Reduction.SUM_OVER_BATCH_SIZE, fn);
    }

    /** A loss from a function over ops whose values {@link #apply} reduces with {@code reduction}. */
    public static Loss of(String name, Reduction reduction, BinaryOperator<Tensor> fn) {
        return new Loss(name, reduction) {
            @Override
            public Tensor call(Tensor yTrue, Tensor yPred) {
                return fn.apply(yTrue, yPred);
            }
        };
    }

    // ---- configs -------------------------------------------------------------------------------------

    /**
     * Keras' {@code get_config}: {@code {"name": ..., "reduction": ...}}; losses with options add theirs
     * (e.g. {@code from_logits}).
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("reduction", reduction.kerasName());
        return c;
    }

    /** Keras' class name of a built-in loss ({@code "MeanSquaredError"}), or null for a custom one. */
    public String className() {
        Builtin b = CLASSES.get(getClass().getSimpleName());
        return b != null && b.type == getClass() ? getClass().getSimpleName() : null;
    }

    private record Builtin(Class<? extends Loss> type, Function<Map<String, Object>, Loss> factory) {
    }

    private static final Map<String, Builtin> CLASSES = new LinkedHashMap<>();

    private static void registerClass(Class<? extends Loss> type, Function<Map<String, Object>, Loss> factory) {
        CLASSES.put(type.getSimpleName(), new Builtin(type, factory));
    }

    /**
     * The built-in loss of class {@code className} (Keras' class name, e.g. {@code "Huber"}) from its
     * {@link #getConfig()}, as Keras' {@code from_config}. Only built-in losses are made: a config never
     * names an arbitrary class.
     */
    public static Loss fromConfig(String className, Map<String, Object> config) {
        Builtin b = className == null ? null : CLASSES.get(className);
        if (b == null) {
            throw new IllegalArgumentException("Unknown loss class: " + className + ". Known: " + String.join(", ", new TreeSet<>(CLASSES.keySet())));
        }
        return b.factory.apply(config == null ? Map.of() : config);
    }

    /** The {@code name} of a loss config, or {@code defaultName}. */
    protected static String configName(Map<String, Object> config, String defaultName) {
        Object n = config.get("name");
        return n == null ? defaultName : n.toString();
    }

    /** The {@code reduction} of a loss config: Keras' spelling; absent means the default, null (None) means none. */
    protected static Reduction configReduction(Map<String, Object> config) {
        if (!config.containsKey("reduction")) return Reduction.SUM_OVER_BATCH_SIZE;
        Object r = config.get("reduction");
        return Reduction.get(r == null ? null : r.toString());
    }

    /** Fails on a config key the loss does not take (besides {@code name} and {@code reduction}). */
    protected static void checkConfigKeys(String className, Map<String, Object> config, String... keys) {
        Set<String> allowed = new TreeSet<>(List.of(keys));
        allowed.add("name");
        allowed.add("reduction");
        for (String k : config.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(className + ": unrecognized config key '" + k + "'. Expected some of " + allowed);
            }
        }
    }

    /** A float of a config, or {@code defaultValue} when absent. */
    protected static float configFloat(Map<String, Object> config, String key, float defaultValue) {
        return ConfigValues.getFloat(config, key, defaultValue);
    }

    /** A boolean of a config, or {@code defaultValue} when absent. */
    protected static boolean configBoolean(Map<String, Object> config, String key, boolean defaultValue) {
        return ConfigValues.getBoolean(config, key, defaultValue);
    }

    // ---- names ---------------------------------------------------------------------------------------

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

        registerClass(MeanSquaredError.class, MeanSquaredError::fromConfig);
        registerClass(MeanAbsoluteError.class, MeanAbsoluteError::fromConfig);
        registerClass(MeanAbsolutePercentageError.class, MeanAbsolutePercentageError::fromConfig);
        registerClass(MeanSquaredLogarithmicError.class, MeanSquaredLogarithmicError::fromConfig);
        registerClass(Huber.class, Huber::fromConfig);
        registerClass(LogCosh.class, LogCosh::fromConfig);
        registerClass(BinaryCrossentropy.class, BinaryCrossentropy::fromConfig);
        registerClass(BinaryFocalCrossentropy.class, BinaryFocalCrossentropy::fromConfig);
        registerClass(CategoricalCrossentropy.class, CategoricalCrossentropy::fromConfig);
        registerClass(SparseCategoricalCrossentropy.class, SparseCategoricalCrossentropy::fromConfig);
        registerClass(KLDivergence.class, KLDivergence::fromConfig);
        registerClass(Poisson.class, Poisson::fromConfig);
        registerClass(CosineSimilarity.class, CosineSimilarity::fromConfig);
        registerClass(Hinge.class, Hinge::fromConfig);
        registerClass(SquaredHinge.class, SquaredHinge::fromConfig);
        registerClass(CategoricalHinge.class, CategoricalHinge::fromConfig);
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
        String r = reduction == Reduction.SUM_OVER_BATCH_SIZE ? "" : ", reduction=" + reduction.kerasName();
        return (type.isEmpty() ? "Loss" : type) + "(" + name + r + ")";
    }
}
