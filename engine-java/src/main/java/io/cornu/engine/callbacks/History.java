package io.cornu.engine.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the logs of every epoch, as Keras' {@code History}; {@code fit} returns it.
 * {@code history.get("val_loss")} is the list of validation losses, one per epoch.
 */
public final class History extends Callback {
    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        logs.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    /** The 0-based epoch numbers recorded (Keras' {@code history.epoch}). */
    public List<Integer> epoch() {
        return Collections.unmodifiableList(epochs);
    }

    /** Every metric's per-epoch values, in the order they first appeared (Keras' {@code history.history}). */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The per-epoch values of {@code key}, e.g. {@code "val_loss"}; an error naming the known keys otherwise. */
    public List<Double> get(String key) {
        List<Double> v = history.get(key);
        if (v == null) throw new IllegalArgumentException("History has no key '" + key + "'. Keys: " + history.keySet());
        return List.copyOf(v);
    }

    @Override
    public String toString() {
        return "History(epochs=" + epochs.size() + ", keys=" + history.keySet() + ")";
    }
}
