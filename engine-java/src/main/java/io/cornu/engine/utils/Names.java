package io.cornu.engine.utils;

import java.util.HashMap;
import java.util.Map;

/**
 * Unique default names per kind, as Keras gives them: {@code dense}, {@code dense_1}, ... and
 * {@code input_1}, {@code input_2}, ... {@link #reset()} is Keras' {@code clear_session()} for names.
 */
public final class Names {
    private static final Map<String, Integer> COUNTS = new HashMap<>();

    private Names() {
    }

    /** The next name for {@code base}: {@code base} itself first when {@code zeroBased}, else {@code base_1}. */
    public static synchronized String unique(String base, boolean zeroBased) {
        int n = COUNTS.merge(base, 1, Integer::sum) - (zeroBased ? 1 : 0);
        return n == 0 ? base : base + "_" + n;
    }

    public static String unique(String base) {
        return unique(base, true);
    }

    /** Forgets every name handed out, so that the next Dense is {@code dense} again. */
    public static synchronized void reset() {
        COUNTS.clear();
    }

    /** {@code "BatchNormalization"} to {@code "batch_normalization"}, {@code "Conv2D"} to {@code "conv2d"}. */
    public static String toSnakeCase(String name) {
        String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("_") ? "private" + s : s;
    }
}
