package io.cornu.engine.callbacks;

import java.util.Map;

/**
 * A monitored log value and which way is better, as Keras' callbacks decide it: {@code mode "auto"}
 * maximises names containing "acc", "auc" or "precision"/"recall", and minimises the rest.
 */
final class Monitor {
    final String name;
    final boolean maximize;
    final double minDelta;

    Monitor(String name, String mode, double minDelta) {
        this.name = name;
        this.maximize = switch (mode) {
            case "max" -> true;
            case "min" -> false;
            case "auto" -> name.contains("acc") || name.contains("auc") || name.contains("precision") || name.contains("recall")
                    || name.startsWith("fmeasure");
            default -> throw new IllegalArgumentException("mode must be one of 'auto', 'min', 'max'. Received: mode=" + mode);
        };
        this.minDelta = Math.abs(minDelta);
    }

    /** The worst possible value, to start from. */
    double initial() {
        return maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** True when {@code current} beats {@code best} by more than {@code minDelta}. */
    boolean isImprovement(double current, double best) {
        return maximize ? current - minDelta > best : current + minDelta < best;
    }

    /** The monitored value in {@code logs}, or null (with Keras' warning) when absent. */
    Double read(String callback, Map<String, Double> logs) {
        Double v = logs.get(name);
        if (v == null) {
            System.err.println("WARNING: " + callback + " conditioned on metric `" + name + "` which is not available. Available metrics are: "
                    + String.join(",", logs.keySet()));
        }
        return v;
    }
}
