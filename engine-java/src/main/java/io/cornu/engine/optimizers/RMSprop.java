package io.cornu.engine.optimizers;

/**
 * RMSprop with Keras' update rule and defaults ({@code learning_rate=0.001, rho=0.9, epsilon=1e-7}):
 * <pre>
 * v = rho * v + (1 - rho) * g^2
 * w = w - lr * g / sqrt(v + epsilon)
 * </pre>
 */
public final class RMSprop extends Optimizer {
    private final float rho;
    private final float epsilon;

    public RMSprop(float learningRate, float rho, float epsilon) {
        super("RMSprop", learningRate);
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("RMSprop: rho must be in [0, 1). Received: rho=" + rho);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    public RMSprop(float learningRate) {
        this(learningRate, 0.9f, 1e-7f);
    }

    public RMSprop() {
        this(0.001f);
    }

    @Override
    protected float[][] newSlots(int size) {
        return new float[][] {new float[size]};
    }

    @Override
    protected void update(float[] w, float[] g, int gOff, float[][] slots, float lr, long step) {
        float[] v = slots[0];
        float oneMinusRho = 1f - rho;
        for (int i = 0; i < w.length; i++) {
            float gi = g[gOff + i];
            float vi = rho * v[i] + oneMinusRho * gi * gi;
            v[i] = vi;
            w[i] -= lr * gi / (float) Math.sqrt(vi + epsilon);
        }
    }
}
