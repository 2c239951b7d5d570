package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Precision, Recall and AUC: Keras' examples, hand-computed values over two batches. */
class ConfusionMetricsTest {
    private static final Tensor LABELS = Tensor.of(new float[] {0, 1, 1, 1});
    private static final Tensor PREDS = Tensor.of(new float[] {1, 0, 1, 1});

    @Test
    void precisionAndRecallKerasExamples() {
        Precision precision = new Precision();
        precision.updateState(LABELS, PREDS);
        assertEquals(0.6666667, precision.result(), 1e-7);
        precision.resetState();
        precision.updateState(LABELS, PREDS, Tensor.of(new float[] {0, 0, 1, 0}));
        assertEquals(1.0, precision.result(), 1e-7);

        Recall recall = new Recall();
        recall.updateState(LABELS, PREDS);
        assertEquals(0.6666667, recall.result(), 1e-7);
        recall.resetState();
        recall.updateState(LABELS, PREDS, Tensor.of(new float[] {0, 0, 1, 0}));
        assertEquals(1.0, recall.result(), 1e-7);
    }

    @Test
    void precisionAndRecallAccumulateOverBatches() {
        Precision precision = new Precision();
        Recall recall = new Recall();
        // batch 1: probabilities; > 0.5 is positive (0.5 itself is not)
        Tensor y1 = Tensor.of(new float[][] {{1}, {0}, {1}, {0}, {1}});
        Tensor p1 = Tensor.of(new float[][] {{0.9f}, {0.7f}, {0.5f}, {0.2f}, {0.6f}});
        // tp: rows 0, 4 ; fp: row 1 ; fn: row 2
        // batch 2, weighted: labels 1, 0, 1 ; predictions positive, positive, negative ; weights 2, 3, 0.5
        Tensor y2 = Tensor.of(new float[] {1, 0, 1});
        Tensor p2 = Tensor.of(new float[] {0.8f, 0.99f, 0.1f});
        Tensor w2 = Tensor.of(new float[] {2, 3, 0.5f});
        for (Metric m : new Metric[] {precision, recall}) {
            m.updateState(y1, p1);
        }
        assertEquals(2.0 / 3, precision.result(), 1e-7);
        assertEquals(2.0 / 3, recall.result(), 1e-7);
        for (Metric m : new Metric[] {precision, recall}) {
            m.updateState(y2, p2, w2);
        }
        // tp = 2 + 2, fp = 1 + 3, fn = 1 + 0.5
        assertEquals(4.0 / 8, precision.result(), 1e-7);
        assertEquals(4.0 / 5.5, recall.result(), 1e-7);
        assertEquals(4, precision.truePositives(), 1e-9);
        assertEquals(4, precision.falsePositives(), 1e-9);
        assertEquals(1.5, recall.falseNegatives(), 1e-9);
    }

    @Test
    void precisionThresholdAndClassId() {
        // logits with threshold 0, as Keras' Precision(thresholds=0) for from_logits losses
        Precision logits = new Precision(0f);
        logits.updateState(Tensor.of(new float[] {1, 0, 1}), Tensor.of(new float[] {2.5f, 0.3f, -1f}));
        assertEquals(0.5, logits.result(), 1e-7);
        // class 1 of one-hot rows: labels 1, 0, 1 ; predictions 0.8 (tp), 0.6 (fp), 0.1 (fn)
        Recall recall = new Recall(0.5f, 1, "recall_1");
        Precision precision = new Precision(0.5f, 1, "precision_1");
        Tensor y = Tensor.of(new float[][] {{0, 1}, {1, 0}, {0, 1}});
        Tensor p = Tensor.of(new float[][] {{0.2f, 0.8f}, {0.4f, 0.6f}, {0.9f, 0.1f}});
        recall.updateState(y, p);
        precision.updateState(y, p);
        assertEquals(0.5, recall.result(), 1e-7);
        assertEquals(0.5, precision.result(), 1e-7);
        assertEquals(0, new Precision().result(), 0, "0 before any positive prediction");
    }

    /** Keras' example: thresholds [-1e-7, 0.5, 1 + 1e-7]; tp [2, 1, 0], fp [2, 0, 0]; area 0.75. */
    @Test
    void aucKerasExample() {
        AUC m = new AUC(3);
        Tensor y = Tensor.of(new float[] {0, 0, 1, 1});
        Tensor p = Tensor.of(new float[] {0, 0.5f, 0.3f, 0.9f});
        m.updateState(y, p);
        assertArrayEquals(new double[] {2, 1, 0}, m.truePositives(), 0);
        assertArrayEquals(new double[] {2, 0, 0}, m.falsePositives(), 0);
        assertArrayEquals(new double[] {0, 1, 2}, m.falseNegatives(), 0);
        assertArrayEquals(new double[] {0, 2, 2}, m.trueNegatives(), 0);
        assertEquals(0.75, m.result(), 1e-7);
        m.resetState();
        m.updateState(y, p, Tensor.of(new float[] {1, 0, 0, 1}));
        assertEquals(1.0, m.result(), 1e-7);
        // minoring / majoring on the same curve: recall [1, 0.5, 0] over fp rate [1, 0, 0]
        AUC minoring = new AUC(3, AUC.Curve.ROC, AUC.Summation.MINORING, false, "auc");
        AUC majoring = new AUC(3, AUC.Curve.ROC, AUC.Summation.MAJORING, false, "auc");
        minoring.updateState(y, p);
        majoring.updateState(y, p);
        assertEquals(0.5, minoring.result(), 1e-7);
        assertEquals(1.0, majoring.result(), 1e-7);
    }

    /**
     * 200 thresholds over two batches, against the trapezoid rule on the ROC points computed here from
     * the thresholds; separated scores give the exact (Mann-Whitney) area, a positive and a negative in
     * the same bucket count one half.
     */
    @Test
    void aucWithDefaultThresholdsOverTwoBatches() {
        float[] labels = {0, 0, 1, 1, 1, 0, 1, 0};
        float[] scores = {0.1f, 0.4f, 0.35f, 0.8f, 0.501f, 0.502f, 0.95f, 0.02f};
        AUC m = new AUC();
        m.updateState(Tensor.of(java.util.Arrays.copyOfRange(labels, 0, 4)), Tensor.of(java.util.Arrays.copyOfRange(scores, 0, 4)));
        m.updateState(Tensor.of(java.util.Arrays.copyOfRange(labels, 4, 8)), Tensor.of(java.util.Arrays.copyOfRange(scores, 4, 8)));

        int n = 200;
        double[] tpr = new double[n], fpr = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i == 0 ? -1e-7 : i == n - 1 ? 1 + 1e-7 : (double) (float) (i / 199.0);
            double tp = 0, fp = 0, pos = 0, neg = 0;
            for (int j = 0; j < labels.length; j++) {
                boolean predicted = scores[j] > t;
                if (labels[j] == 1) {
                    pos++;
                    if (predicted) tp++;
                } else {
                    neg++;
                    if (predicted) fp++;
                }
            }
            tpr[i] = tp / pos;
            fpr[i] = fp / neg;
        }
        double trapezoid = 0;
        for (int i = 0; i < n - 1; i++) trapezoid += (fpr[i] - fpr[i + 1]) * (tpr[i] + tpr[i + 1]) / 2;
        assertEquals(trapezoid, m.result(), 1e-9);
        // pairs (pos, neg): 16; wrongly ordered: 0.35 < 0.4 and 0.35 < 0.502; tied (same bucket): 0.501 / 0.502
        assertEquals((16 - 2 - 0.5) / 16, m.result(), 1e-9);
    }

    /**
     * PR-AUC with Keras' interpolation, by hand on the example above: interval 1 has dtp = 1 over
     * P from 4 to 1 (slope 1/3, intercept 2/3), interval 2 has dtp = 1 over P from 1 to 0.
     */
    @Test
    void prAucInterpolation() {
        AUC m = new AUC(3, AUC.Curve.PR);
        m.updateState(Tensor.of(new float[] {0, 0, 1, 1}), Tensor.of(new float[] {0, 0.5f, 0.3f, 0.9f}));
        double expected = (1.0 / 3) * (1 + (2.0 / 3) * Math.log(4)) / 2 + 0.5;
        assertEquals(expected, m.result(), 1e-9);
        AUC perfect = new AUC(3, AUC.Curve.PR);
        perfect.updateState(Tensor.of(new float[] {0, 1}), Tensor.of(new float[] {0.2f, 0.9f}));
        assertEquals(1.0, perfect.result(), 1e-9);
    }

    @Test
    void aucFromLogitsAndClipping() {
        AUC probs = new AUC(), logits = new AUC(200, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, true, "auc");
        float[] x = {-2f, 0.3f, 1.2f, -0.4f, 2.2f};
        float[] p = new float[x.length];
        for (int i = 0; i < x.length; i++) p[i] = (float) (1 / (1 + Math.exp(-x[i])));
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0, 0});
        probs.updateState(y, Tensor.of(p));
        logits.updateState(y, Tensor.of(x));
        assertEquals(probs.result(), logits.result(), 1e-12);
        // predictions above 1 are clipped to 1: never above the last threshold 1 + 1e-7
        AUC clipped = new AUC(3);
        clipped.updateState(Tensor.of(new float[] {1}), Tensor.of(new float[] {7}));
        assertArrayEquals(new double[] {1, 1, 0}, clipped.truePositives(), 0);
    }
}
