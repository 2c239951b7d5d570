package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The Huber loss, as Keras' {@code Huber}: with {@code x = y_pred - y_true},
 * {@code 0.5 * x^2} where {@code |x| <= delta} and {@code delta * |x| - 0.5 * delta^2} elsewhere,
 * averaged over the last axis. Quadratic near zero, linear (robust to outliers) beyond {@code delta}.
 */
public final class Huber extends Loss {
    private final float delta;

    /** @param delta where the loss turns from quadratic to linear; Keras' default is 1 */
    public Huber(float delta) {
        this(delta, Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Keras' arguments: {@code delta}, {@code reduction}, {@code name} (null for {@code "huber_loss"}). */
    public Huber(float delta, Reduction reduction, String name) {
        super(name == null ? "huber_loss" : name, reduction);
        if (!(delta > 0)) throw new IllegalArgumentException("Huber: delta must be positive. Received: delta=" + delta);
        this.delta = delta;
    }

    public Huber() {
        this(1f);
    }

    public float delta() {
        return delta;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("delta", delta);
        return c;
    }

    /** Keras' {@code from_config}. */
    public static Huber fromConfig(Map<String, Object> config) {
        checkConfigKeys("Huber", config, "delta");
        return new Huber(configFloat(config, "delta", 1f), configReduction(config), configName(config, "huber_loss"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor error = Ops.sub(tp[1], tp[0]);
        Tensor absError = Ops.abs(error);
        Tensor quadratic = Ops.mul(Ops.square(error), 0.5f);
        Tensor linear = Ops.add(Ops.mul(absError, delta), -0.5f * delta * delta);
        return Ops.mean(Ops.where(Ops.lessEqual(absError, Tensor.scalar(delta)), quadratic, linear), -1);
    }
}
