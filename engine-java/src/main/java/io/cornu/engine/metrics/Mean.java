package io.cornu.engine.metrics;

import io.cornu.engine.tensor.Tensor;

/**
 * The weighted mean of the values it is given, as Keras' {@code metrics.Mean}: {@code total / count}
 * (0 before any value). Tracks the loss in fit, and is the base of metrics that average one value
 * per sample ({@link MeanMetricWrapper}).
 *
 * <p>Values of shape {@code (batch, ...)} are first averaged per sample; sample weights of shape
 * {@code (batch,)} weigh the samples, weights of the values' shape weigh each value (as Keras'
 * {@code reduce_to_samplewise_values}).
 *
 * <pre>{@code
 * Mean m = new Mean("mean");
 * m.updateState(null, Tensor.of(new float[] {1, 3, 5, 7}), Tensor.of(new float[] {1, 1, 0, 0}));
 * m.result();   // 2.0
 * }</pre>
 */
public class Mean extends Metric {
    private double total;
    private double count;

    public Mean(String name) {
        super(name);
    }

    public Mean() {
        this("mean");
    }

    /** Adds {@code value} with weight {@code weight} (e.g. a batch loss weighted by the batch size). */
    public void update(double value, double weight) {
        total += value * weight;
        count += weight;
    }

    /** Adds the values {@code yPred}, weighted per sample; {@code yTrue} is ignored. */
    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        accumulate(yPred.toFloatArray(), yPred.dims(), sampleWeight);
    }

    /** Adds {@code values} (shape {@code (batch, ...)}), averaged per sample and weighted. */
    protected void accumulate(Tensor values, Tensor sampleWeight) {
        accumulate(values.toFloatArray(), values.dims(), sampleWeight);
    }

    /** Adds {@code values} (row-major, shape {@code dims}), averaged per sample and weighted. */
    protected void accumulate(float[] values, int[] dims, Tensor sampleWeight) {
        int n = values.length;
        if (n == 0) return;
        int batch = dims.length == 0 ? 1 : dims[0];
        if (sampleWeight == null) {
            double sum = 0;
            for (float v : values) sum += v;
            total += sum * batch / n;
            count += batch;
            return;
        }
        float[] w = sampleWeight.toFloatArray();
        int m = w.length;
        if (sampleWeight.rank() == 0 || (m == 1 && batch != 1)) {
            // a single weight: Keras averages the whole batch into one value of that weight
            double sum = 0;
            for (float v : values) sum += v;
            total += sum / n * w[0];
            count += w[0];
            return;
        }
        if (m == 0 || n % m != 0 || m % batch != 0 || sampleWeight.dim(0) != batch) {
            throw new IllegalArgumentException("Metric \"" + name() + "\": sample_weight must have shape (batch,) = (" + batch
                    + ",) or the shape of the values " + java.util.Arrays.toString(dims).replace('[', '(').replace(']', ')')
                    + ". Received: sample_weight.shape=" + sampleWeight.shape());
        }
        int group = n / m;          // values sharing one weight
        double perSample = (double) m / batch;   // weights per sample, averaged as Keras does
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = j * group; i < (j + 1) * group; i++) sum += values[i];
            total += w[j] * (sum / group) / perSample;
            count += w[j] / perSample;
        }
    }

    @Override
    public double result() {
        return count == 0 ? 0 : total / count;
    }

    @Override
    public void resetState() {
        total = 0;
        count = 0;
    }
}
