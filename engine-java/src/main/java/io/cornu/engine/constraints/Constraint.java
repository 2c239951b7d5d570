package io.cornu.engine.constraints;

import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A projection applied to a weight after every optimizer update, as Keras'
 * {@code keras.constraints.Constraint}: layers take one per weight ({@code kernel_constraint},
 * {@code bias_constraint}, ...), and the optimizer replaces the weight by {@link #apply} of it
 * once the update is done.
 *
 * <p>Any function giving a tensor of the weight's shape is a constraint:
 * <pre>{@code
 * Constraint nonNegative = w -> Ops.maximum(w, Tensor.scalar(0f));
 * new Dense(4).kernelConstraint(nonNegative);
 * }</pre>
 * A constraint saved with a model is a class, registered with {@link Constraints#register} to be
 * loaded again. Built in: {@link MaxNorm}, {@link MinMaxNorm}, {@link NonNeg}, {@link UnitNorm}.
 */
@FunctionalInterface
public interface Constraint {

    /** The projected weight, of {@code w}'s shape. */
    Tensor apply(Tensor w);

    /** The name configs give this constraint's class, e.g. {@code "MaxNorm"}. */
    default String className() {
        return getClass().getSimpleName();
    }

    /** The constructor arguments, Keras' {@code get_config}: none by default. */
    default Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }
}
