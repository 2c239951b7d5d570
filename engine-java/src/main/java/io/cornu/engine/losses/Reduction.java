package io.cornu.engine.losses;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a {@link Loss} reduces its weighted per-sample values to what {@link Loss#apply} returns, Keras'
 * {@code reduction} argument. With {@code values = call(y_true, y_pred) * sample_weight}:
 * <ul>
 *   <li>{@link #SUM_OVER_BATCH_SIZE} (the default) and {@link #MEAN}: {@code sum(values) / values.size};</li>
 *   <li>{@link #SUM}: {@code sum(values)};</li>
 *   <li>{@link #MEAN_WITH_SAMPLE_WEIGHT}: {@code sum(values) / sum(sample_weight)} (0 when the weights sum to
 *       0), the weights broadcast to the values' shape; without weights as {@link #MEAN};</li>
 *   <li>{@link #NONE}: the weighted values themselves, not reduced.</li>
 * </ul>
 * A mask on the predictions (Keras' {@code _keras_mask}) multiplies the weights; under
 * {@link #SUM_OVER_BATCH_SIZE} and {@link #MEAN} it is rescaled by {@code size / count(valid)} first, so that
 * the result is the mean over the valid entries.
 */
public enum Reduction {
    SUM_OVER_BATCH_SIZE("sum_over_batch_size"),
    SUM("sum"),
    MEAN("mean"),
    MEAN_WITH_SAMPLE_WEIGHT("mean_with_sample_weight"),
    NONE("none");

    private final String kerasName;

    Reduction(String kerasName) {
        this.kerasName = kerasName;
    }

    /** Keras' spelling, e.g. {@code "sum_over_batch_size"}: what configs hold. */
    public String kerasName() {
        return kerasName;
    }

    /**
     * The reduction Keras calls {@code name}: {@code "sum_over_batch_size"}, {@code "sum"}, {@code "mean"},
     * {@code "mean_with_sample_weight"} or {@code "none"}; null is {@link #NONE}, as Keras' {@code None}.
     */
    public static Reduction get(String name) {
        if (name == null) return NONE;
        for (Reduction r : values()) if (r.kerasName.equals(name.toLowerCase(Locale.ROOT))) return r;
        throw new IllegalArgumentException("Invalid value for argument `reduction`. Expected one of "
                + Arrays.stream(values()).map(Reduction::kerasName).toList() + " or None. Received: reduction=" + name);
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
