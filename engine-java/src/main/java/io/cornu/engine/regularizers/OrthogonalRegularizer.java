package io.cornu.engine.regularizers;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encourages the rows (or columns) of a matrix to be orthogonal to each other, as Keras'
 * {@code keras.regularizers.OrthogonalRegularizer}. With the rows L2-normalised to {@code n}
 * ({@code n = x / max(||x_row||, 1e-7)}), the penalty is
 * {@code factor * 0.5 * sum_{i != j} |n_i . n_j| / (size * (size - 1) / 2)}: the mean absolute
 * cosine between distinct rows, halved. For a Dense kernel {@code (input_dim, units)}, mode
 * {@code "rows"} makes the input features' weight vectors orthogonal, {@code "columns"} the units'.
 */
public final class OrthogonalRegularizer implements Regularizer {
    /** Keras' {@code backend.epsilon()}, the smallest norm a row is divided by. */
    private static final float EPSILON = 1e-7f;

    private final double factor;
    private final String mode;

    /**
     * @param factor the penalty factor, a non-negative number (Keras' default 0.01)
     * @param mode   {@code "rows"} (Keras' default) or {@code "columns"}
     */
    public OrthogonalRegularizer(double factor, String mode) {
        this.factor = Regularizer.validateFactor(factor, "factor");
        if (!"rows".equals(mode) && !"columns".equals(mode)) {
            throw new IllegalArgumentException("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode=" + mode);
        }
        this.mode = mode;
    }

    /** Keras' defaults: {@code factor=0.01, mode="rows"}. */
    public OrthogonalRegularizer() {
        this(0.01, "rows");
    }

    public double factor() {
        return factor;
    }

    public String mode() {
        return mode;
    }

    @Override
    public Tensor apply(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=" + x.shape());
        }
        boolean rows = mode.equals("rows");
        int axis = rows ? 1 : 0;
        Tensor squares = Ops.sum(Ops.square(x), new int[] {axis}, true);
        Tensor n = Ops.mul(x, Ops.rsqrt(Ops.maximum(squares, Tensor.scalar(EPSILON * EPSILON))));
        Tensor product = rows ? Ops.matmul(n, Ops.transpose(n)) : Ops.matmul(Ops.transpose(n), n);
        int size = x.dim(rows ? 0 : 1);
        Tensor offDiagonal = Ops.sub(Tensor.ones(size, size), Tensor.eye(size));
        Tensor sum = Ops.sum(Ops.abs(Ops.mul(product, offDiagonal)));
        double pairs = size * (size - 1.0) / 2.0;
        return Ops.mul(sum, (float) (factor * 0.5 / pairs));
    }

    /** The inverse of {@link #getConfig()}. */
    public static OrthogonalRegularizer fromConfig(Map<String, Object> c) {
        Object mode = c.get("mode");
        return new OrthogonalRegularizer(Regularizers.factor(c, "factor", 0.01), mode == null ? "rows" : mode.toString());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("factor", factor);
        c.put("mode", mode);
        return c;
    }

    @Override
    public String toString() {
        return "OrthogonalRegularizer(factor=" + factor + ", mode=" + mode + ")";
    }
}
