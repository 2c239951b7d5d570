package io.cornu.engine.utils;

import io.cornu.engine.tensor.Tensor;

/** Keras' {@code keras.utils.to_categorical}: class indices to one-hot rows. */
public final class Categorical {
    private Categorical() {
    }

    /** {@code (n,)} labels in {@code [0, numClasses)} to an {@code (n, numClasses)} one-hot tensor. */
    public static Tensor toCategorical(Tensor labels, int numClasses) {
        if (numClasses <= 0) throw new IllegalArgumentException("to_categorical: num_classes must be positive. Received: num_classes=" + numClasses);
        float[] y = labels.toFloatArray();
        float[] out = new float[y.length * numClasses];
        for (int i = 0; i < y.length; i++) {
            int c = (int) y[i];
            if (c != y[i] || c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("to_categorical: label " + y[i] + " at index " + i
                        + " is not an integer in [0, " + numClasses + "). Received: num_classes=" + numClasses);
            }
            out[i * numClasses + c] = 1f;
        }
        return Tensor.wrap(out, y.length, numClasses);
    }
}
