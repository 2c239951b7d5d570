package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.Map;

/**
 * Permutes the axes of each sample, as Keras' {@code Permute}: {@code dims} counts from 1 (the
 * batch axis, 0, stays first), so {@code new Permute(2, 1)} turns {@code (batch, 10, 64)} into
 * {@code (batch, 64, 10)}.
 *
 * <p>Output shape: {@code (batch, input[dims[0]], input[dims[1]], ...)}.
 */
public class Permute extends Layer {
    private final int[] dims;

    public Permute(int[] dims, String name) {
        super(name);
        int[] sorted = dims == null ? new int[0] : dims.clone();
        Arrays.sort(sorted);
        boolean ok = dims != null && dims.length > 0;
        for (int i = 0; ok && i < sorted.length; i++) ok = sorted[i] == i + 1;
        if (!ok) {
            throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive "
                    + "and start from 1. Received dims=" + (dims == null ? "None" : ArgumentValidation.pythonTupleLiteral(dims)));
        }
        this.dims = dims.clone();
    }

    public Permute(int... dims) {
        this(dims, null);
    }

    public int[] dims() {
        return dims.clone();
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, dims.length + 1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] perm = new int[dims.length + 1];
        System.arraycopy(dims, 0, perm, 1, dims.length);
        return Ops.transpose(inputs, perm);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, dims.length + 1);
        int[] out = new int[dims.length + 1];
        out[0] = inputShape.get(0);
        for (int i = 0; i < dims.length; i++) out[i + 1] = inputShape.get(dims[i]);
        return Shape.of(out);
    }

    public static Permute fromConfig(Map<String, Object> c) {
        return new Permute(ConfigValues.getInts(c, "dims"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("dims", ConfigValues.list(dims));
        return c;
    }
}
