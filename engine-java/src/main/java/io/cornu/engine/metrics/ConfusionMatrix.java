package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Weighted true/false positive/negative counts at a sorted list of thresholds, as Keras'
 * {@code update_confusion_matrix_variables}: at threshold {@code t} a prediction is positive when
 * {@code y_pred > t}; a label is positive when non-zero. Shared by {@link Precision}, {@link Recall}
 * and {@link AUC}.
 */
final class ConfusionMatrix {
    final float[] thresholds;
    final double[] tp;
    final double[] fp;
    final double[] tn;
    final double[] fn;

    /** @param thresholds ascending */
    ConfusionMatrix(float[] thresholds) {
        for (int i = 1; i < thresholds.length; i++) {
            if (!(thresholds[i - 1] <= thresholds[i])) throw new IllegalArgumentException("thresholds must be sorted. Received: " + Arrays.toString(thresholds));
        }
        this.thresholds = thresholds.clone();
        int n = thresholds.length;
        tp = new double[n];
        fp = new double[n];
        tn = new double[n];
        fn = new double[n];
    }

    void reset() {
        Arrays.fill(tp, 0);
        Arrays.fill(fp, 0);
        Arrays.fill(tn, 0);
        Arrays.fill(fn, 0);
    }

    /**
     * Adds a batch.
     *
     * @param clip    limit predictions to {@code [0, 1]} first (Keras does for evenly spaced thresholds, as in AUC)
     * @param classId when non-null, only this index of the last axis counts
     */
    void update(String metric, Tensor yTrue, Tensor yPred, Tensor sampleWeight, boolean clip, Integer classId) {
        int[][] dims = MetricInputs.sameRankDims(yTrue.dims(), yPred.dims());
        if (!Arrays.equals(dims[0], dims[1])) throw MetricInputs.mismatch(metric, yTrue, yPred, "must have the same shape");
        float[] t = yTrue.toFloatArray(), p = yPred.toFloatArray();
        if (classId != null) {
            int[] d = dims[1];
            if (d.length < 2) {
                throw new IllegalArgumentException("Metric \"" + metric + "\": when class_id is provided, y_pred must be a 2D array with shape "
                        + "(num_samples, num_classes). Received: y_pred.shape=" + yPred.shape());
            }
            int classes = d[d.length - 1];
            if (classId < 0 || classId >= classes) {
                throw new IllegalArgumentException("Metric \"" + metric + "\": class_id must be in [0, " + classes + "). Received: class_id=" + classId);
            }
            t = column(t, classes, classId);
            p = column(p, classes, classId);
        }
        int n = p.length;
        if (n == 0) return;
        int batch = yPred.rank() == 0 ? 1 : yPred.dim(0);
        float[] w = sampleWeight == null ? null : sampleWeight.toFloatArray();
        int group = n;
        if (w != null && w.length > 1) {
            if (n % w.length != 0 || sampleWeight.dim(0) != batch) {
                throw new IllegalArgumentException("Metric \"" + metric + "\": sample_weight must have shape (batch,) = (" + batch
                        + ",) or the shape of y_pred " + yPred.shape() + ". Received: sample_weight.shape=" + sampleWeight.shape());
            }
            group = n / w.length;
        }
        int k = thresholds.length;
        // histograms by how many thresholds each prediction exceeds, then suffix sums
        double[] pos = new double[k + 1], neg = new double[k + 1];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w.length == 1 ? w[0] : w[i / group];
            float v = p[i];
            if (clip) v = Math.min(1f, Math.max(0f, v));
            int above = Float.isNaN(v) ? 0 : countBelow(v);
            if (t[i] != 0f) pos[above] += wi;
            else neg[above] += wi;
        }
        double posAbove = 0, negAbove = 0, posTotal = 0, negTotal = 0;
        for (int j = 0; j <= k; j++) {
            posTotal += pos[j];
            negTotal += neg[j];
        }
        for (int j = k - 1; j >= 0; j--) {
            posAbove += pos[j + 1];
            negAbove += neg[j + 1];
            tp[j] += posAbove;
            fp[j] += negAbove;
            fn[j] += posTotal - posAbove;
            tn[j] += negTotal - negAbove;
        }
    }

    /** How many thresholds are strictly below {@code v}: it is positive at exactly those. */
    private int countBelow(float v) {
        int lo = 0, hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (thresholds[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static float[] column(float[] v, int width, int col) {
        float[] out = new float[v.length / width];
        for (int i = 0; i < out.length; i++) out[i] = v[i * width + col];
        return out;
    }

    /** {@code a / b}, or 0 when {@code b} is 0 (Keras' {@code divide_no_nan}). */
    static double divideNoNan(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
