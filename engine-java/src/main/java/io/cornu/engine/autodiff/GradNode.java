package io.cornu.engine.autodiff;

import io.cornu.engine.tensor.Tensor;

/**
 * One recorded op application: its inputs and the rule that turns the gradient of its output
 * into gradients of its inputs. Attached to the output tensor by {@link GradientTape#record}.
 *
 * @param op       the op's name, for error messages and debugging
 * @param inputs   the op's tensor inputs
 * @param backward the local gradient rule
 */
public record GradNode(String op, Tensor[] inputs, Backward backward) {

    /** Local gradient rule of an op: {@code dL/dInputs} from {@code dL/dOutput}. */
    @FunctionalInterface
    public interface Backward {
        /**
         * Returns one gradient per input, in order; null for an input that gets none (an index,
         * a constant). A gradient may have the broadcast shape of the output: the tape sums it
         * back to the input's shape. {@code needed[i]} is false when the tape has no use for input
         * {@code i}'s gradient; a rule may then skip computing it (return null).
         */
        Tensor[] apply(Tensor gradOutput, boolean[] needed);
    }
}
