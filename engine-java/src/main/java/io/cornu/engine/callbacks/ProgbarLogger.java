package io.cornu.engine.callbacks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keras' text progress bar. On a terminal it redraws one line per epoch in place:
 * <pre>
 * Epoch 1/5
 * 469/469 [==============================] - 3s 6ms/step - loss: 0.5012 - accuracy: 0.8231
 * </pre>
 * When the output is not a terminal it prints only the finished line of each epoch. {@code evaluate}
 * gets the same line (without the epoch header), {@code predict} the bar without metrics. Inside
 * {@code fit} the validation passes print nothing: their results join the epoch's line as
 * {@code val_*}.
 */
public final class ProgbarLogger extends Callback {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private int epochs;
    private int steps;
    private long start;
    private long lastDraw;
    private boolean drawn;
    private int lastLength;
    /** Batches seen in this pass, the target when the number of steps is unknown (a generator). */
    private int seen;
    /** Between onTrainBegin and onTrainEnd: the test hooks then belong to fit's validation, which stays silent. */
    private boolean inFit;

    /** A bar on {@code out}; {@code interactive} redraws in place with carriage returns; times from {@code nanoTime}. */
    public ProgbarLogger(PrintStream out, boolean interactive, LongSupplier nanoTime) {
        this.out = out;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
    }

    /** A bar on {@code out}; {@code interactive} redraws in place with carriage returns. */
    public ProgbarLogger(PrintStream out, boolean interactive) {
        this(out, interactive, System::nanoTime);
    }

    /** A bar on standard output, interactive when a console is attached. */
    public ProgbarLogger() {
        this(System.out, System.console() != null);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        inFit = true;
        readParams();
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        inFit = false;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        out.println("Epoch " + (epoch + 1) + "/" + epochs);
        begin();
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        update(batch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        finish(logs);
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        if (inFit) return;
        readParams();
        begin();
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        if (!inFit) update(batch, logs);
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (!inFit) finish(logs);
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        readParams();
        begin();
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Object> logs) {
        update(batch, Map.of());
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        finish(Map.of());
    }

    private void readParams() {
        epochs = ((Number) params().getOrDefault("epochs", 1)).intValue();
        steps = ((Number) params().getOrDefault("steps", 0)).intValue();
    }

    private void begin() {
        start = nanoTime.getAsLong();
        drawn = false;
        lastLength = 0;
        seen = 0;
    }

    private void update(int batch, Map<String, Double> logs) {
        seen = batch + 1;
        if (!interactive) return;
        long now = nanoTime.getAsLong();
        if (batch + 1 < steps && drawn && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        drawn = true;
        String line = line(batch + 1, steps > 0 ? steps : batch + 1, (now - start) / 1e9, logs, false);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    private void finish(Map<String, Double> logs) {
        int done = steps > 0 ? steps : seen;
        String line = line(done, done, (nanoTime.getAsLong() - start) / 1e9, logs, true);
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + "\n");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /**
     * One progress line, Keras' layout: {@code 12/469 [>....] - ETA: 5s - loss: 0.9000} while running,
     * {@code 469/469 [=====] - 3s 6ms/step - loss: 0.5012} when finished.
     */
    public static String line(int current, int target, double elapsedSeconds, Map<String, Double> logs, boolean finished) {
        StringBuilder sb = new StringBuilder();
        int digits = target <= 0 ? 1 : (int) Math.log10(target) + 1;
        sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        double prog = target <= 0 ? 1 : (double) current / target;
        int progWidth = (int) (WIDTH * prog);
        if (progWidth > 0) {
            sb.append("=".repeat(progWidth - 1));
            sb.append(current < target ? '>' : '=');
        }
        sb.append(".".repeat(Math.max(0, WIDTH - progWidth))).append(']');
        double perStep = current > 0 ? elapsedSeconds / current : 0;
        if (finished) {
            sb.append(String.format(Locale.ROOT, " - %.0fs", elapsedSeconds)).append(formatTime(perStep, "step"));
        } else {
            double eta = perStep * (target - current);
            String etaText;
            if (eta > 3600) etaText = String.format(Locale.ROOT, "%d:%02d:%02d", (long) eta / 3600, ((long) eta % 3600) / 60, (long) eta % 60);
            else if (eta > 60) etaText = String.format(Locale.ROOT, "%d:%02d", (long) eta / 60, (long) eta % 60);
            else etaText = String.format(Locale.ROOT, "%.0fs", eta);
            sb.append(" - ETA: ").append(etaText);
        }
        for (Map.Entry<String, Double> e : new LinkedHashMap<>(logs).entrySet()) {
            double v = e.getValue();
            sb.append(" - ").append(e.getKey()).append(": ")
                    .append(String.format(Locale.ROOT, Math.abs(v) > 1e-3 ? "%.4f" : "%.4e", v));
        }
        return sb.toString();
    }

    /** Keras' time per unit: {@code " 6ms/step"}, {@code " 2s/step"}, {@code " 850us/step"}. */
    static String formatTime(double seconds, String unit) {
        if (seconds >= 1 || seconds == 0) return String.format(Locale.ROOT, " %.0fs/%s", seconds, unit);
        if (seconds >= 1e-3) return String.format(Locale.ROOT, " %.0fms/%s", seconds * 1e3, unit);
        return String.format(Locale.ROOT, " %.0fus/%s", seconds * 1e6, unit);
    }
}
