package io.cornu.engine.regularizers;

import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * A penalty on a weight or an activation, summed into the training loss, as Keras'
 * {@code keras.regularizers.Regularizer}. Layers take one per weight ({@code kernel_regularizer},
 * {@code bias_regularizer}, ...) and one on their output ({@code activity_regularizer}).
 *
 * <p>The penalty is computed with {@link io.cornu.engine.ops.Ops}, so that it differentiates. Any
 * function of a tensor giving a scalar is a regularizer:
 * <pre>{@code
 * Regularizer l1 = w -> Ops.mul(Ops.sum(Ops.abs(w)), 0.01f);
 * new Dense(5).kernelRegularizer(l1);
 * }</pre>
 * A regularizer saved with a model also implements {@link #getConfig()}; loading it again needs its
 * class name registered with {@link Regularizers#register}. Built in: {@link L1}, {@link L2},
 * {@link L1L2}, {@link OrthogonalRegularizer}.
 */
@FunctionalInterface
public interface Regularizer {

    /** The penalty for {@code x}: a scalar tensor. */
    Tensor apply(Tensor x);

    /** The name configs give this regularizer's class, e.g. {@code "L2"}. */
    default String className() {
        return getClass().getSimpleName();
    }

    /** The constructor arguments, Keras' {@code get_config}; needed only to save the regularizer with a model. */
    default Map<String, Object> getConfig() {
        throw new UnsupportedOperationException("Regularizer '" + className() + "' does not implement getConfig(): "
                + "a regularizer saved with a model must describe itself (and be registered with Regularizers.register to be loaded)");
    }

    /**
     * Keras' check of a penalty factor ({@code validate_float_arg}): a finite number {@code >= 0}.
     *
     * @return {@code value}
     */
    static double validateFactor(double value, String argument) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument " + argument + ": expected a non-negative float. Received: "
                    + argument + "=" + value);
        }
        return value;
    }
}
