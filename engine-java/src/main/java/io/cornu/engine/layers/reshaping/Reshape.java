package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;

/**
 * Reshapes each sample to {@code targetShape}, as Keras' {@code Reshape}; one dimension may be -1,
 * inferred from the sample's size. The batch axis is kept.
 *
 * <p>Output shape: {@code (batch, *targetShape)}, the -1 resolved when the sample size is known,
 * else None.
 *
 * <pre>{@code new Reshape(-1, 4)   // (batch, 12) -> (batch, 3, 4)}</pre>
 */
public class Reshape extends Layer {
    private final int[] targetShape;

    public Reshape(int[] targetShape, String name) {
        super(name);
        if (targetShape == null) throw new IllegalArgumentException("Reshape: `target_shape` must be a tuple of integers. Received: target_shape=None");
        int unknown = 0;
        for (int d : targetShape) {
            if (d < -1) {
                throw new IllegalArgumentException("Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single unknown dimension. "
                        + "Received: target_shape=" + ArgumentValidation.pythonTupleLiteral(targetShape) + ".");
            }
            if (d == -1) unknown++;
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape="
                    + ArgumentValidation.pythonTupleLiteral(targetShape) + ".");
        }
        this.targetShape = targetShape.clone();
    }

    public Reshape(int... targetShape) {
        this(targetShape, null);
    }

    public int[] targetShape() {
        return targetShape.clone();
    }

    /** Keras' {@code compute_reshape_output_shape} for one sample: the -1 resolved, or None (-1) when unknowable. */
    private int[] sampleOutput(int[] sampleShape) {
        boolean unknownInput = false;
        long size = 1;
        for (int d : sampleShape) {
            if (d < 0) unknownInput = true;
            else size *= d;
        }
        int[] out = targetShape.clone();
        if (unknownInput) return out;
        String shown = "Received: input_shape=" + ArgumentValidation.pythonTuple(sampleShape) + ", target_shape="
                + ArgumentValidation.pythonTupleLiteral(targetShape);
        int unknownIndex = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) unknownIndex = i;
            else known *= out[i];
        }
        if (unknownIndex < 0) {
            if (known != size) throw new IllegalArgumentException("The total size of the tensor must be unchanged. " + shown);
            return out;
        }
        if (known == 0 || size % known != 0) {
            throw new IllegalArgumentException("The total size of the tensor must be unchanged, however, the input size cannot by divided by the "
                    + "specified dimensions in target_shape. " + shown);
        }
        out[unknownIndex] = (int) (size / known);
        return out;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] d = inputs.dims();
        int[] sample = sampleOutput(java.util.Arrays.copyOfRange(d, 1, d.length));
        int[] full = new int[sample.length + 1];
        full[0] = d[0];
        System.arraycopy(sample, 0, full, 1, sample.length);
        return Ops.reshape(inputs, full);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] d = inputShape.dims();
        int[] sample = sampleOutput(java.util.Arrays.copyOfRange(d, 1, d.length));
        return Shape.of(sample).withBatch(inputShape.get(0));
    }

    public static Reshape fromConfig(Map<String, Object> c) {
        return new Reshape(ConfigValues.getInts(c, "target_shape"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("target_shape", ConfigValues.list(targetShape));
        return c;
    }
}
