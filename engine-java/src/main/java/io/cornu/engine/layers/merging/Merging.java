package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.KerasTensor;

import java.util.List;

/**
 * Keras' functional merge helpers ({@code keras.layers.add}, {@code concatenate}, ...): each makes
 * a new merge layer and calls it on the symbolic tensors.
 *
 * <pre>{@code KerasTensor merged = Merging.concatenate(List.of(encodedQuestion, encodedText), -1);}</pre>
 */
public final class Merging {
    private Merging() {
    }

    /** {@code keras.layers.add([...])}: the elementwise sum. */
    public static KerasTensor add(List<KerasTensor> inputs) {
        return new Add().apply(inputs);
    }

    public static KerasTensor add(KerasTensor... inputs) {
        return add(List.of(inputs));
    }

    /** {@code keras.layers.subtract([a, b])}. */
    public static KerasTensor subtract(KerasTensor a, KerasTensor b) {
        return new Subtract().apply(List.of(a, b));
    }

    /** {@code keras.layers.multiply([...])}. */
    public static KerasTensor multiply(List<KerasTensor> inputs) {
        return new Multiply().apply(inputs);
    }

    /** {@code keras.layers.average([...])}. */
    public static KerasTensor average(List<KerasTensor> inputs) {
        return new Average().apply(inputs);
    }

    /** {@code keras.layers.maximum([...])}. */
    public static KerasTensor maximum(List<KerasTensor> inputs) {
        return new Maximum().apply(inputs);
    }

    /** {@code keras.layers.minimum([...])}. */
    public static KerasTensor minimum(List<KerasTensor> inputs) {
        return new Minimum().apply(inputs);
    }

    /** {@code keras.layers.concatenate([...], axis)}. */
    public static KerasTensor concatenate(List<KerasTensor> inputs, int axis) {
        return new Concatenate(axis).apply(inputs);
    }

    /** {@code keras.layers.concatenate([...])} along the last axis. */
    public static KerasTensor concatenate(List<KerasTensor> inputs) {
        return concatenate(inputs, -1);
    }

    public static KerasTensor concatenate(KerasTensor... inputs) {
        return concatenate(List.of(inputs), -1);
    }

    /** {@code keras.layers.dot([a, b], axes, normalize)}. */
    public static KerasTensor dot(KerasTensor a, KerasTensor b, int axes, boolean normalize) {
        return new Dot(axes, normalize).apply(List.of(a, b));
    }

    /** {@code keras.layers.dot([a, b], axes=[axisOfA, axisOfB], normalize)}. */
    public static KerasTensor dot(KerasTensor a, KerasTensor b, int[] axes, boolean normalize) {
        return new Dot(axes, normalize, null).apply(List.of(a, b));
    }
}
