package io.cornu.engine.metrics;

import io.cornu.engine.losses.Loss;

/** Metrics by Keras name. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The metric Keras calls {@code name}. {@code "accuracy"}/{@code "acc"} becomes the accuracy that fits
     * the loss, as Keras resolves it, and keeps the name the user gave.
     */
    public static Metric get(String name, Loss loss) {
        return switch (name) {
            case "accuracy", "acc" -> {
                String l = loss == null ? "" : loss.name();
                if (l.equals("categorical_crossentropy")) yield new CategoricalAccuracy(name);
                throw new IllegalArgumentException("Metric \"" + name + "\": cannot tell which accuracy fits the loss \""
                        + l + "\" yet; pass a metric instance such as new CategoricalAccuracy()");
            }
            case "categorical_accuracy" -> new CategoricalAccuracy();
            default -> throw new IllegalArgumentException("Unknown metric function: '" + name + "'. Known: accuracy, categorical_accuracy");
        };
    }
}
