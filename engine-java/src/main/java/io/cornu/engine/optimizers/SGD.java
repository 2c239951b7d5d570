package io.cornu.engine.optimizers;

/**
 * Stochastic gradient descent with Keras' rule and defaults ({@code learning_rate=0.01, momentum=0}):
 * <pre>
 * m = momentum * m - lr * g      (momentum > 0)
 * w = w + m                      (or w = w - lr * g without momentum)
 * </pre>
 */
public final class SGD extends Optimizer {
    private final float momentum;

    public SGD(float learningRate, float momentum) {
        super("SGD", learningRate);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("SGD: momentum must be in [0, 1]. Received: momentum=" + momentum);
        }
        this.momentum = momentum;
    }

    public SGD(float learningRate) {
        this(learningRate, 0f);
    }

    public SGD() {
        this(0.01f);
    }

    @Override
    protected float[][] newSlots(int size) {
        return momentum == 0 ? new float[0][] : new float[][] {new float[size]};
    }

    @Override
    protected void update(float[] w, float[] g, int gOff, float[][] slots, float lr, long step) {
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) w[i] -= lr * g[gOff + i];
            return;
        }
        float[] m = slots[0];
        for (int i = 0; i < w.length; i++) {
            m[i] = momentum * m[i] - lr * g[gOff + i];
            w[i] += m[i];
        }
    }
}
