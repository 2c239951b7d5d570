package io.cornu.engine.layers.core;

import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;

import java.util.List;
import java.util.Map;

/**
 * Reads the values of a layer config ({@link io.cornu.engine.layers.Layer#getConfig()}) in the
 * forms a config may hold them: numbers of any boxed type, lists or arrays of ints, nested pairs.
 * Used by the layers' {@code fromConfig}.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    public static String name(Map<String, Object> c) {
        return (String) c.get("name");
    }

    public static int getInt(Map<String, Object> c, String key, int defaultValue) {
        Object v = c.get(key);
        return v == null ? defaultValue : ((Number) v).intValue();
    }

    public static float getFloat(Map<String, Object> c, String key, float defaultValue) {
        Object v = c.get(key);
        return v == null ? defaultValue : ((Number) v).floatValue();
    }

    /** A float that may be absent ({@code None} in Keras). */
    public static Float getFloatOrNull(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v == null ? null : ((Number) v).floatValue();
    }

    public static Long getLongOrNull(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v == null ? null : ((Number) v).longValue();
    }

    public static boolean getBoolean(Map<String, Object> c, String key, boolean defaultValue) {
        Object v = c.get(key);
        return v == null ? defaultValue : (Boolean) v;
    }

    public static String getString(Map<String, Object> c, String key, String defaultValue) {
        Object v = c.get(key);
        return v == null ? defaultValue : v.toString();
    }

    /**
     * The initializer at {@code key}: Keras' nested config ({@code {"class_name": "RandomNormal", "config": {...}}}),
     * a Keras name or class name ({@code "he_normal"}, {@code "GlorotUniform"}: what older configs hold), or an
     * {@link Initializer}; the default when absent. See {@link Initializers#get}.
     */
    public static Initializer getInitializer(Map<String, Object> c, String key, Initializer defaultValue) {
        return Initializers.get(c, key, defaultValue);
    }

    /** Ints from a number, a list of numbers (null entries become -1, Keras' None) or an int array; null if absent. */
    public static int[] getInts(Map<String, Object> c, String key) {
        return toInts(c.get(key));
    }

    /** Pairs of ints from a list of lists (or an int[][]); null if absent. */
    public static int[][] getIntPairs(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) return null;
        if (v instanceof int[][] a) return a;
        if (v instanceof Number n) return new int[][] {{n.intValue(), n.intValue()}, {n.intValue(), n.intValue()}};
        List<?> list = (List<?>) v;
        int[][] out = new int[list.size()][];
        for (int i = 0; i < out.length; i++) out[i] = toInts(list.get(i));
        return out;
    }

    /** An int list for a config: Keras' tuples and lists, comparable with {@code equals}. */
    public static List<Integer> list(int... values) {
        return values == null ? null : java.util.Arrays.stream(values).boxed().toList();
    }

    /** Ints as a config list where -1 stands for None (a noise shape). */
    public static List<Integer> noneList(int... values) {
        if (values == null) return null;
        List<Integer> out = new java.util.ArrayList<>();
        for (int v : values) out.add(v < 0 ? null : v);
        return java.util.Collections.unmodifiableList(out);
    }

    private static int[] toInts(Object v) {
        if (v == null) return null;
        if (v instanceof int[] a) return a.clone();
        if (v instanceof Number n) return new int[] {n.intValue()};
        List<?> list = (List<?>) v;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i) == null ? -1 : ((Number) list.get(i)).intValue();
        return out;
    }
}
