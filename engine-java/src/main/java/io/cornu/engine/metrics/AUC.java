package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The area under the ROC (default) or precision-recall curve, approximated as Keras' {@code AUC}
 * does: predictions are counted into true/false positives/negatives at {@code numThresholds}
 * thresholds ({@code -1e-7}, {@code i / (numThresholds - 1)} for {@code i = 1 .. numThresholds - 2},
 * {@code 1 + 1e-7}; predictions clipped to {@code [0, 1]}), and the curve through those points is
 * summed as rectangles.
 *
 * <p>For ROC, {@code x = fp / (fp + tn)} and {@code y = tp / (tp + fn)} at each threshold and the
 * area is {@code sum((x[i] - x[i+1]) * h[i])}, where the height {@code h[i]} is
 * {@code (y[i] + y[i+1]) / 2} with {@link Summation#INTERPOLATION} (the trapezoid rule), the
 * smaller of the two with {@link Summation#MINORING} and the larger with {@link Summation#MAJORING}.
 * For PR with interpolation, precision is interpolated between thresholds as in Davis &amp; Goadrich
 * (2006), as Keras' {@code interpolate_pr_auc}.
 *
 * <pre>{@code
 * AUC m = new AUC(3);   // thresholds -1e-7, 0.5, 1 + 1e-7
 * m.updateState(Tensor.of(new float[] {0, 0, 1, 1}), Tensor.of(new float[] {0, 0.5f, 0.3f, 0.9f}));
 * m.result();   // 0.75
 * }</pre>
 */
public final class AUC extends Metric {
    /** Which curve's area is computed. */
    public enum Curve { ROC, PR }

    /** How each interval between thresholds is summed. */
    public enum Summation { INTERPOLATION, MINORING, MAJORING }

    private final int numThresholds;
    private final Curve curve;
    private final Summation summation;
    private final boolean fromLogits;
    private final ConfusionMatrix counts;

    public AUC(int numThresholds, Curve curve, Summation summation, boolean fromLogits, String name) {
        super(name);
        if (numThresholds <= 1) {
            throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=" + numThresholds);
        }
        this.numThresholds = numThresholds;
        this.curve = curve;
        this.summation = summation;
        this.fromLogits = fromLogits;
        this.counts = new ConfusionMatrix(thresholds(numThresholds));
    }

    public AUC(int numThresholds, Curve curve) {
        this(numThresholds, curve, Summation.INTERPOLATION, false, "auc");
    }

    public AUC(int numThresholds) {
        this(numThresholds, Curve.ROC);
    }

    /** Keras' defaults: 200 thresholds, ROC, interpolation. */
    public AUC() {
        this(200);
    }

    /** {@code -1e-7}, the {@code n - 2} evenly spaced interior points, {@code 1 + 1e-7}, as float32. */
    static float[] thresholds(int n) {
        float[] t = new float[n];
        t[0] = (float) (0.0 - 1e-7);
        for (int i = 1; i < n - 1; i++) t[i] = (float) (i * 1.0 / (n - 1));
        t[n - 1] = (float) (1.0 + 1e-7);
        return t;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("num_thresholds", numThresholds);
        c.put("curve", curve.name());
        c.put("summation_method", summation.name().toLowerCase(java.util.Locale.ROOT));
        c.put("from_logits", fromLogits);
        return c;
    }

    public int numThresholds() {
        return numThresholds;
    }

    public Curve curve() {
        return curve;
    }

    /** The thresholds, ascending. */
    public float[] thresholds() {
        return counts.thresholds.clone();
    }

    /** Weighted true positives at each threshold. */
    public double[] truePositives() {
        return counts.tp.clone();
    }

    /** Weighted false positives at each threshold. */
    public double[] falsePositives() {
        return counts.fp.clone();
    }

    /** Weighted true negatives at each threshold. */
    public double[] trueNegatives() {
        return counts.tn.clone();
    }

    /** Weighted false negatives at each threshold. */
    public double[] falseNegatives() {
        return counts.fn.clone();
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor p = yPred;
        if (fromLogits) {
            float[] v = yPred.toFloatArray();
            for (int i = 0; i < v.length; i++) v[i] = (float) (1.0 / (1.0 + Math.exp(-v[i])));
            p = Tensor.wrap(v, yPred.dims());
        }
        counts.update(name(), yTrue, p, sampleWeight, true, null);
    }

    @Override
    public double result() {
        double[] tp = counts.tp, fp = counts.fp, tn = counts.tn, fn = counts.fn;
        int n = numThresholds;
        if (curve == Curve.PR && summation == Summation.INTERPOLATION) return interpolatePrAuc();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double recall = ConfusionMatrix.divideNoNan(tp[i], tp[i] + fn[i]);
            if (curve == Curve.ROC) {
                x[i] = ConfusionMatrix.divideNoNan(fp[i], fp[i] + tn[i]);
                y[i] = recall;
            } else {
                x[i] = recall;
                y[i] = ConfusionMatrix.divideNoNan(tp[i], tp[i] + fp[i]);
            }
        }
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            double h = switch (summation) {
                case INTERPOLATION -> (y[i] + y[i + 1]) / 2;
                case MINORING -> Math.min(y[i], y[i + 1]);
                case MAJORING -> Math.max(y[i], y[i + 1]);
            };
            area += (x[i] - x[i + 1]) * h;
        }
        return area;
    }

    /**
     * Keras' {@code interpolate_pr_auc}: within each interval, true positives and predicted
     * positives {@code P = tp + fp} vary linearly, so precision is {@code (tp_A + slope (P - P_A)) / P}
     * and its integral over {@code dP} has a closed form with a logarithm.
     */
    private double interpolatePrAuc() {
        double[] tp = counts.tp, fp = counts.fp, fn = counts.fn;
        double area = 0;
        for (int i = 0; i < numThresholds - 1; i++) {
            double dtp = tp[i] - tp[i + 1];
            double pA = tp[i] + fp[i], pB = tp[i + 1] + fp[i + 1];
            double dp = pA - pB;
            double slope = ConfusionMatrix.divideNoNan(dtp, Math.max(dp, 0));
            double intercept = tp[i + 1] - slope * pB;
            double ratio = pA > 0 && pB > 0 ? ConfusionMatrix.divideNoNan(pA, Math.max(pB, 0)) : 1.0;
            area += ConfusionMatrix.divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
        }
        return area;
    }

    @Override
    public void resetState() {
        counts.reset();
    }
}
