package io.cornu.engine.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a {@link ModelSummary} exactly as Keras 2's {@code print_summary}: 65 columns at
 * {@code [.45, .85, 1]} for sequential models, 98 at {@code [.33, .55, .67, 1]} with "Connected to"
 * for graphs; long cells wrap, breaking after {@code "),"}, {@code "],"} or {@code "',"}.
 */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static String format(ModelSummary s) {
        int lineLength = s.sequentialLike() ? 65 : 98;
        double[] rel = s.sequentialLike() ? new double[] {0.45, 0.85, 1.0} : new double[] {0.33, 0.55, 0.67, 1.0};
        int[] positions = new int[rel.length];
        for (int i = 0; i < rel.length; i++) positions[i] = (int) (lineLength * rel[i]);
        List<String> lines = new ArrayList<>();
        lines.add("Model: \"" + s.modelName() + "\"");
        lines.add("_".repeat(lineLength));
        String[] header = s.sequentialLike()
                ? new String[] {"Layer (type)", "Output Shape", "Param #"}
                : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
        printRow(lines, header, positions, 0);
        lines.add("=".repeat(lineLength));
        for (ModelSummary.Row r : s.rows()) printLayer(lines, r, s.sequentialLike(), positions, lineLength, 0, false);
        lines.add("=".repeat(lineLength));
        lines.add("Total params: " + thousands(s.totalParams()));
        lines.add("Trainable params: " + thousands(s.trainableParams()));
        lines.add("Non-trainable params: " + thousands(s.nonTrainableParams()));
        lines.add("_".repeat(lineLength));
        return String.join("\n", lines) + "\n";
    }

    /** One layer row and, when expanded, its nested model's rows framed by {@code |} and {@code ¯} lines (Keras' expand_nested). */
    private static void printLayer(List<String> lines, ModelSummary.Row r, boolean sequentialLike, int[] positions, int lineLength,
                                   int level, boolean isNestedLast) {
        String first = r.name() + " (" + r.type() + ")";
        String[] fields = sequentialLike
                ? new String[] {first, r.outputShape(), Long.toString(r.params())}
                : new String[] {first, r.outputShape(), Long.toString(r.params()), pythonList(r.connectedTo())};
        printRow(lines, fields, positions, level);
        if (!r.nested().isEmpty()) {
            lines.add("|".repeat(level + 1) + "¯".repeat(lineLength - 2 * level - 2) + "|".repeat(level + 1));
            for (int i = 0; i < r.nested().size(); i++) {
                printLayer(lines, r.nested().get(i), sequentialLike, positions, lineLength, level + 1, i == r.nested().size() - 1);
            }
            lines.add("|".repeat(level) + "¯".repeat(lineLength - 2 * level) + "|".repeat(level));
        }
        if (!isNestedLast) lines.add("|".repeat(level) + " ".repeat(lineLength - 2 * level) + "|".repeat(level));
    }

    /** {@code 3466} to {@code "3,466"}. */
    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Python's {@code str(list)} of strings: {@code ['a[0][0]', 'b[0][0]']}; empty list {@code []}. */
    static String pythonList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('\'').append(items.get(i)).append('\'');
        }
        return sb.append(']').toString();
    }

    private static void printRow(List<String> lines, String[] fields, int[] positions, int level) {
        String[] left = fields.clone();
        while (anyNonEmpty(left)) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < left.length; col++) {
                int start = col > 0 ? positions[col - 1] : 0;
                int end = positions[col];
                boolean last = col == positions.length - 1;
                int space = last ? 0 : 2;
                int cutoff = end - start - space;
                if (!last) cutoff -= 1;
                if (col == 0) cutoff -= level;
                String fit = left[col].substring(0, Math.max(0, Math.min(cutoff, left[col].length())));
                int breakAt = Integer.MAX_VALUE;
                for (String cond : new String[] {"),", "},", "],", "',"}) {
                    int i = fit.indexOf(cond);
                    if (i >= 0) breakAt = Math.min(breakAt, i + cond.length());
                }
                if (breakAt != Integer.MAX_VALUE) {
                    cutoff = breakAt;
                    fit = fit.substring(0, cutoff);
                }
                if (col == 0) line.append("|".repeat(level)).append(' ');
                line.append(fit);
                line.append(" ".repeat(space));
                left[col] = left[col].substring(Math.min(Math.max(cutoff, 0), left[col].length()));
                int target = level > 0 && last ? positions[col] - level : positions[col];
                line.append(" ".repeat(Math.max(0, target - line.length())));
            }
            line.append("|".repeat(level));
            lines.add(line.toString());
        }
    }

    private static boolean anyNonEmpty(String[] a) {
        for (String s : a) if (!s.isEmpty()) return true;
        return false;
    }
}
