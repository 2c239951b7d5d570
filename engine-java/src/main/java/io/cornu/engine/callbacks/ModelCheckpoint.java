package io.cornu.engine.callbacks;

import io.cornu.engine.saving.ModelFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the model (or its weights) at the end of epochs, as Keras' {@code ModelCheckpoint}; with
 * {@code saveBestOnly} only when the monitored value improves. The path may hold Keras'
 * placeholders: {@code "ckpt-{epoch:02d}-{val_loss:.2f}.cornu"}. Saves are atomic.
 */
public class ModelCheckpoint extends Callback {
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
    private final String filepath;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private final boolean saveWeightsOnly;
    private double best;

    public ModelCheckpoint(String filepath, String monitor, boolean saveBestOnly, boolean saveWeightsOnly, String mode) {
        this.filepath = filepath;
        this.monitor = new Monitor(monitor, mode, 0);
        this.saveBestOnly = saveBestOnly;
        this.saveWeightsOnly = saveWeightsOnly;
        this.best = this.monitor.initial();
    }

    public ModelCheckpoint(String filepath, String monitor, boolean saveBestOnly) {
        this(filepath, monitor, saveBestOnly, false, "auto");
    }

    public ModelCheckpoint(String filepath) {
        this(filepath, "val_loss", false, false, "auto");
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            Double current = monitor.read("Can save best model only with " + monitor.name + " available, skipping. ModelCheckpoint", logs);
            if (current == null || !monitor.isImprovement(current, best)) return;
            best = current;
        }
        Path path = Path.of(format(filepath, epoch + 1, logs));
        try {
            if (saveWeightsOnly) ModelFile.saveWeights(model(), path);
            else ModelFile.save(model(), path);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: could not save " + path + ": " + e.getMessage(), e);
        }
    }

    /** Python-style fields: {@code {epoch}}, {@code {epoch:02d}}, {@code {val_loss:.4f}}. */
    static String format(String template, int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1), spec = m.group(2);
            Object value = key.equals("epoch") ? (Object) epoch : logs.get(key);
            if (value == null) throw new IllegalArgumentException("ModelCheckpoint: the filepath uses '{" + key + "}', which is not in the logs " + logs.keySet());
            String text = spec == null ? String.valueOf(value)
                    : String.format(Locale.ROOT, "%" + spec, value instanceof Integer i && spec.endsWith("f") ? i.doubleValue() : value);
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
