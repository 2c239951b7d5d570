package io.cornu.engine.losses;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * The logarithm of the hyperbolic cosine of the prediction error, as Keras' {@code LogCosh}:
 * {@code mean(log(cosh(y_pred - y_true)), axis=-1)}, computed stably as
 * {@code x + softplus(-2x) - log(2)}. About {@code x^2 / 2} for small errors and {@code |x| - log(2)}
 * for large ones.
 */
public final class LogCosh extends Loss {
    private static final float LOG2 = (float) Math.log(2.0);

    public LogCosh() {
        this(Reduction.SUM_OVER_BATCH_SIZE, null);
    }

    /** Reduced with {@code reduction}. */
    public LogCosh(Reduction reduction) {
        this(reduction, null);
    }

    /** Keras' arguments: {@code reduction} and {@code name} (null for {@code "log_cosh"}). */
    public LogCosh(Reduction reduction, String name) {
        super(name == null ? "log_cosh" : name, reduction);
    }

    /** Keras' {@code from_config}: {@code name} and {@code reduction}. */
    public static LogCosh fromConfig(Map<String, Object> config) {
        checkConfigKeys("LogCosh", config);
        return new LogCosh(configReduction(config), configName(config, "log_cosh"));
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] tp = sameShape(yTrue, yPred);
        Tensor x = Ops.sub(tp[1], tp[0]);
        Tensor logCosh = Ops.add(Ops.add(x, Ops.softplus(Ops.mul(x, -2f))), -LOG2);
        return Ops.mean(logCosh, -1);
    }
}
