package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The norms the norm constraints share, and their {@code axis} argument. */
final class AxisNorms {
    /** Keras' {@code backend.epsilon()}, added to every norm a weight is divided by. */
    static final float EPSILON = 1e-7f;

    private AxisNorms() {
    }

    /** {@code sqrt(sum(w^2, axis, keepdims=True))}; an error naming the constraint when an axis is out of {@code w}'s rank. */
    static Tensor norms(Tensor w, int[] axis, String constraint) {
        int rank = w.rank();
        for (int a : axis) {
            if (a < -rank || a >= rank) {
                throw new IllegalArgumentException(constraint + ": axis " + a + " is out of bounds for a weight of shape " + w.shape()
                        + ". Received: axis=" + text(axis));
            }
        }
        return Ops.sqrt(Ops.sum(Ops.square(w), axis, true));
    }

    /** {@code axis} as a config holds it: an int for one axis, else a list. */
    static Object text(int[] axis) {
        return axis.length == 1 ? (Object) axis[0] : Arrays.stream(axis).boxed().toList();
    }

    /** The {@code axis} of a config: an int or a list of ints; {@code 0} when absent. */
    static int[] axis(Map<String, Object> c) {
        Object v = c.get("axis");
        if (v == null) return new int[] {0};
        if (v instanceof Number n) return new int[] {n.intValue()};
        if (v instanceof List<?> list) return list.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        throw new IllegalArgumentException("Invalid value for argument `axis`: expected an integer or a list of integers. Received: axis=" + v);
    }

    /** At least one axis, each given once. */
    static int[] check(int[] axis, String constraint) {
        if (axis == null || axis.length == 0 || Arrays.stream(axis).distinct().count() != axis.length) {
            throw new IllegalArgumentException(constraint + ": `axis` must name at least one axis, each once. Received: axis="
                    + (axis == null ? "None" : Arrays.toString(axis)));
        }
        return axis.clone();
    }

    /** A number from a config, {@code defaultValue} when absent. */
    static double number(Map<String, Object> c, String key, double defaultValue) {
        Object v = c.get(key);
        if (v == null) return defaultValue;
        if (!(v instanceof Number n)) throw new IllegalArgumentException("Invalid value for argument `" + key + "`: expected a number. Received: " + key + "=" + v);
        return n.doubleValue();
    }
}
