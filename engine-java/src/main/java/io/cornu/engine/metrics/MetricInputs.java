package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/** Shape handling shared by the built-in metrics; works on copies, so nothing is recorded on a tape. */
final class MetricInputs {
    private MetricInputs() {
    }

    /**
     * The dims of {@code a} and {@code b} after Keras' {@code squeeze_or_expand_to_same_rank}
     * (a trailing size-1 axis dropped or added when the ranks differ by one).
     */
    static int[][] sameRankDims(int[] a, int[] b) {
        if (a.length == b.length + 1 && a[a.length - 1] == 1) {
            if (b.length == 1) b = new int[] {b[0], 1};
            else a = Arrays.copyOf(a, a.length - 1);
        } else if (b.length == a.length + 1 && b[b.length - 1] == 1) {
            if (a.length == 1) a = new int[] {a[0], 1};
            else b = Arrays.copyOf(b, b.length - 1);
        }
        return new int[][] {a, b};
    }

    /** The dims both tensors share after {@link #sameRankDims}; an error naming the metric and both shapes otherwise. */
    static int[] requireSameShape(String metric, Tensor yTrue, Tensor yPred) {
        int[][] d = sameRankDims(yTrue.dims(), yPred.dims());
        if (!Arrays.equals(d[0], d[1])) throw mismatch(metric, yTrue, yPred, "must have the same shape");
        return d[0];
    }

    static IllegalArgumentException mismatch(String metric, Tensor yTrue, Tensor yPred, String what) {
        return new IllegalArgumentException("Metric \"" + metric + "\": `y_true` and `y_pred` " + what + ". Received: y_true.shape="
                + yTrue.shape() + ", y_pred.shape=" + yPred.shape());
    }

    /**
     * Sparse labels as shaped for predictions {@code yPred}: a trailing size-1 axis is dropped when the
     * ranks are equal; the result must be {@code yPred.shape[:-1]}.
     */
    static int[] sparseLabelDims(String metric, Tensor yTrue, Tensor yPred) {
        int[] t = yTrue.dims();
        if (yPred.rank() < 1) throw mismatch(metric, yTrue, yPred, "must be labels and scores of rank >= 1");
        if (t.length == yPred.rank() && t.length > 0 && t[t.length - 1] == 1) t = Arrays.copyOf(t, t.length - 1);
        int[] expected = Arrays.copyOf(yPred.dims(), yPred.rank() - 1);
        if (!Arrays.equals(t, expected)) throw mismatch(metric, yTrue, yPred, "must be labels of shape y_pred.shape[:-1] and scores");
        return t;
    }

    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }

    /** Whether entry {@code target} of the row is among its {@code k} largest (ties count as in, as TensorFlow's {@code in_top_k}). */
    static boolean inTopK(float[] v, int off, int n, int target, int k) {
        if (target < 0 || target >= n) return false;
        float score = v[off + target];
        if (Float.isNaN(score)) return false;
        int greater = 0;
        for (int i = 0; i < n; i++) if (v[off + i] > score) greater++;
        return greater < k;
    }

    static int[] withoutLast(int[] dims) {
        return Arrays.copyOf(dims, dims.length - 1);
    }
}
