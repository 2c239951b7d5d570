package io.cornu.engine.metrics;

import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.losses.BinaryCrossentropy;
import io.cornu.engine.losses.BinaryFocalCrossentropy;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.losses.CategoricalHinge;
import io.cornu.engine.losses.CosineSimilarity;
import io.cornu.engine.losses.Hinge;
import io.cornu.engine.losses.KLDivergence;
import io.cornu.engine.losses.LogCosh;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.losses.MeanAbsolutePercentageError;
import io.cornu.engine.losses.MeanSquaredLogarithmicError;
import io.cornu.engine.losses.Poisson;
import io.cornu.engine.losses.SparseCategoricalCrossentropy;
import io.cornu.engine.losses.SquaredHinge;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Metrics by Keras name, as {@code keras.metrics.get} and {@code compile}'s {@code get_metric}: a
 * metric made from a name is logged under that name ({@code "mae"} logs as {@code mae}).
 */
public final class Metrics {
    private Metrics() {
    }

    private static final Map<String, Function<String, Metric>> REGISTRY = new LinkedHashMap<>();

    private static void register(Function<String, Metric> factory, String... names) {
        for (String n : names) REGISTRY.put(n, factory);
    }

    private static void registerLoss(Supplier<Loss> loss, String... names) {
        register(name -> MeanMetricWrapper.of(name, loss.get()), names);
    }

    static {
        register(BinaryAccuracy::new, "binary_accuracy", "BinaryAccuracy");
        register(CategoricalAccuracy::new, "categorical_accuracy", "CategoricalAccuracy");
        register(SparseCategoricalAccuracy::new, "sparse_categorical_accuracy", "SparseCategoricalAccuracy");
        register(name -> new TopKCategoricalAccuracy(5, name), "top_k_categorical_accuracy", "TopKCategoricalAccuracy");
        register(name -> new SparseTopKCategoricalAccuracy(5, name), "sparse_top_k_categorical_accuracy", "SparseTopKCategoricalAccuracy");
        register(MeanSquaredError::new, "mean_squared_error", "MeanSquaredError", "mse", "MSE");
        register(MeanAbsoluteError::new, "mean_absolute_error", "MeanAbsoluteError", "mae", "MAE");
        register(RootMeanSquaredError::new, "root_mean_squared_error", "RootMeanSquaredError");
        registerLoss(MeanAbsolutePercentageError::new, "mean_absolute_percentage_error", "MeanAbsolutePercentageError", "mape", "MAPE");
        registerLoss(MeanSquaredLogarithmicError::new, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError", "msle", "MSLE");
        registerLoss(LogCosh::new, "log_cosh_error", "LogCoshError", "logcosh");
        register(name -> new MeanMetricWrapper(name, (t, p) -> Ops.neg(new CosineSimilarity().call(t, p))), "cosine_similarity", "CosineSimilarity");
        register(Precision::new, "precision", "Precision");
        register(Recall::new, "recall", "Recall");
        register(name -> new AUC(200, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, false, name), "auc", "AUC");
        registerLoss(BinaryCrossentropy::new, "binary_crossentropy", "BinaryCrossentropy", "bce", "BCE");
        registerLoss(CategoricalCrossentropy::new, "categorical_crossentropy", "CategoricalCrossentropy");
        registerLoss(SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
        registerLoss(KLDivergence::new, "kl_divergence", "KLDivergence", "kld", "KLD");
        registerLoss(Poisson::new, "poisson", "Poisson");
        registerLoss(Hinge::new, "hinge", "Hinge");
        registerLoss(SquaredHinge::new, "squared_hinge", "SquaredHinge");
        registerLoss(CategoricalHinge::new, "categorical_hinge", "CategoricalHinge");
    }

    /**
     * The metric Keras calls {@code name}. {@code "accuracy"}/{@code "acc"} is resolved at its first
     * batch from the shapes (see {@link #accuracyFor}); prefer {@link #get(String, Loss)} in compile.
     */
    public static Metric get(String name) {
        return get(name, null);
    }

    /**
     * The metric Keras calls {@code name}, for an output trained with {@code loss} (may be null).
     * {@code "accuracy"}/{@code "acc"} becomes the accuracy that fits: {@link BinaryAccuracy} for a
     * binary cross-entropy, {@link SparseCategoricalAccuracy} for a sparse categorical one,
     * {@link CategoricalAccuracy} for a categorical one, and otherwise the one Keras picks from the
     * shapes of the first batch ({@link AutoAccuracy}); it keeps the name the user gave.
     */
    public static Metric get(String name, Loss loss) {
        if (name.equals("accuracy") || name.equals("acc")) {
            // by the loss's class: a built-in loss may carry another name
            if (loss instanceof BinaryCrossentropy || loss instanceof BinaryFocalCrossentropy) return new BinaryAccuracy(name);
            if (loss instanceof SparseCategoricalCrossentropy) return new SparseCategoricalAccuracy(name);
            if (loss instanceof CategoricalCrossentropy) return new CategoricalAccuracy(name);
            return new AutoAccuracy(name);
        }
        Function<String, Metric> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown metric function: '" + name + "'. Known: " + String.join(", ", knownNames()));
        }
        return factory.apply(name);
    }

    /**
     * The accuracy Keras' {@code compile} picks for {@code "accuracy"} from the shapes of targets and
     * predictions: binary when the predictions' last axis has size 1; sparse categorical when the
     * targets have a lower rank (integer labels {@code (batch,)}) or a last axis of size 1 against
     * several classes; categorical otherwise.
     */
    public static Metric accuracyFor(String name, Shape yTrue, Shape yPred) {
        int tLast = yTrue.rank() == 0 ? 1 : yTrue.get(-1);
        int pLast = yPred.rank() == 0 ? 1 : yPred.get(-1);
        if (pLast == 1) return new BinaryAccuracy(name);
        if (yTrue.rank() < yPred.rank() || (tLast == 1 && pLast > 1)) return new SparseCategoricalAccuracy(name);
        return new CategoricalAccuracy(name);
    }

    // ---- configs -------------------------------------------------------------------------------------

    private record Builtin(Class<? extends Metric> type, Function<Map<String, Object>, Metric> factory) {
    }

    private static final Map<String, Builtin> CLASSES = new LinkedHashMap<>();

    private static void registerClass(Class<? extends Metric> type, Function<Map<String, Object>, Metric> factory) {
        CLASSES.put(type.getSimpleName(), new Builtin(type, factory));
    }

    static {
        registerClass(BinaryAccuracy.class, c -> new BinaryAccuracy(name(c, "binary_accuracy"), ConfigValues.getFloat(c, "threshold", 0.5f)));
        registerClass(CategoricalAccuracy.class, c -> new CategoricalAccuracy(name(c, "categorical_accuracy")));
        registerClass(SparseCategoricalAccuracy.class, c -> new SparseCategoricalAccuracy(name(c, "sparse_categorical_accuracy")));
        registerClass(TopKCategoricalAccuracy.class, c -> new TopKCategoricalAccuracy(ConfigValues.getInt(c, "k", 5), name(c, "top_k_categorical_accuracy")));
        registerClass(SparseTopKCategoricalAccuracy.class,
                c -> new SparseTopKCategoricalAccuracy(ConfigValues.getInt(c, "k", 5), name(c, "sparse_top_k_categorical_accuracy")));
        registerClass(MeanSquaredError.class, c -> new MeanSquaredError(name(c, "mean_squared_error")));
        registerClass(MeanAbsoluteError.class, c -> new MeanAbsoluteError(name(c, "mean_absolute_error")));
        registerClass(RootMeanSquaredError.class, c -> new RootMeanSquaredError(name(c, "root_mean_squared_error")));
        registerClass(Precision.class, c -> new Precision(ConfigValues.getFloat(c, "thresholds", 0.5f), classId(c), name(c, "precision")));
        registerClass(Recall.class, c -> new Recall(ConfigValues.getFloat(c, "thresholds", 0.5f), classId(c), name(c, "recall")));
        registerClass(AUC.class, c -> new AUC(ConfigValues.getInt(c, "num_thresholds", 200),
                AUC.Curve.valueOf(ConfigValues.getString(c, "curve", "ROC").toUpperCase(Locale.ROOT)),
                AUC.Summation.valueOf(ConfigValues.getString(c, "summation_method", "interpolation").toUpperCase(Locale.ROOT)),
                ConfigValues.getBoolean(c, "from_logits", false), name(c, "auc")));
        registerClass(Mean.class, c -> new Mean(name(c, "mean")));
    }

    private static String name(Map<String, Object> c, String defaultName) {
        return ConfigValues.getString(c, "name", defaultName);
    }

    private static Integer classId(Map<String, Object> c) {
        Object v = c.get("class_id");
        return v == null ? null : ((Number) v).intValue();
    }

    /** Keras' class name of a built-in metric ({@code "Precision"}), or null for a custom one. */
    public static String className(Metric metric) {
        Builtin b = CLASSES.get(metric.getClass().getSimpleName());
        return b != null && b.type == metric.getClass() ? metric.getClass().getSimpleName() : null;
    }

    /**
     * The built-in metric of class {@code className} from its {@link Metric#getConfig()}, as Keras'
     * {@code from_config}. Only built-in metrics are made: a config never names an arbitrary class.
     */
    public static Metric fromConfig(String className, Map<String, Object> config) {
        Builtin b = className == null ? null : CLASSES.get(className);
        if (b == null) {
            throw new IllegalArgumentException("Unknown metric class: " + className + ". Known: " + String.join(", ", new TreeSet<>(CLASSES.keySet())));
        }
        try {
            return b.factory.apply(config == null ? Map.of() : config);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid config for metric " + className + ": " + config + " (" + e.getMessage() + ")", e);
        }
    }

    /** Every name {@link #get} accepts, sorted. */
    public static SortedSet<String> knownNames() {
        Set<String> all = new TreeSet<>(REGISTRY.keySet());
        all.add("accuracy");
        all.add("acc");
        return Collections.unmodifiableSortedSet(new TreeSet<>(all));
    }
}
