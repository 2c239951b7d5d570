package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A random orthogonal matrix, as Keras' {@code Orthogonal}: the weight is seen as a matrix of
 * {@code prod(shape[:-1])} rows and {@code shape[-1]} columns; a normal matrix of the taller of that
 * shape and its transpose is factored {@code Q R}, {@code Q}'s columns are given the signs of
 * {@code R}'s diagonal (so the factorization is unique), and the result is {@code gain * Q}
 * (transposed when there are fewer rows than columns). The rows or columns, whichever are fewer,
 * are orthonormal: {@code Q^T Q = gain^2 I} for as many rows as columns or more, {@code Q Q^T = gain^2 I}
 * otherwise. A convolution kernel {@code (..., in, out)} is the matrix {@code (prod(...) * in, out)}.
 * The default initializer of recurrent kernels.
 *
 * <pre>{@code new Orthogonal()           // gain 1
 * new Orthogonal(1.5, 7L)     // gain 1.5, seeded}</pre>
 */
public final class Orthogonal extends RandomInitializer {
    private final double gain;

    /**
     * @param gain the factor of the orthogonal matrix
     * @param seed the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     */
    public Orthogonal(double gain, Long seed) {
        super(seed);
        if (!Double.isFinite(gain)) throw new IllegalArgumentException("Orthogonal: expected a finite gain. Received: gain=" + gain);
        this.gain = gain;
    }

    public Orthogonal(double gain) {
        this(gain, null);
    }

    public Orthogonal() {
        this(1.0, null);
    }

    public double gain() {
        return gain;
    }

    @Override
    protected Tensor sample(int[] shape, SplittableRandom random) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Orthogonal: the tensor to initialize must be at least two-dimensional. Received: shape="
                    + Shape.of(shape) + " of rank " + shape.length + ".");
        }
        long rowsL = 1;
        for (int i = 0; i < shape.length - 1; i++) rowsL *= shape[i];
        int rows = (int) rowsL, cols = shape[shape.length - 1];
        int m = Math.max(rows, cols), n = Math.min(rows, cols);
        double[][] q = new double[n][m]; // column j of the m x n matrix, stored as q[j]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) q[j][i] = Tensor.gaussian(random);
        }
        // Modified Gram-Schmidt, twice per column for orthogonality to rounding: R's diagonal is the
        // positive norm, so this is the QR factorization whose R has a positive diagonal.
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double d = 0;
                    for (int i = 0; i < m; i++) d += q[k][i] * q[j][i];
                    for (int i = 0; i < m; i++) q[j][i] -= d * q[k][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) norm += q[j][i] * q[j][i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) q[j][i] /= norm;
        }
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // rows >= cols: Q is rows x cols, element (r, c) = q[c][r]; else Q^T: element (r, c) = q[r][c]
                double v = rows >= cols ? q[c][r] : q[r][c];
                d[r * cols + c] = (float) (gain * v);
            }
        }
        return t;
    }

    @Override
    public String name() {
        return "Orthogonal";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gain", gain);
        c.put("seed", seed());
        return c;
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static Orthogonal fromConfig(Map<String, Object> c) {
        Initializers.checkKeys("Orthogonal", c, "gain", "seed");
        return new Orthogonal(Initializers.getDouble("Orthogonal", c, "gain", 1.0), Initializers.getSeed("Orthogonal", c));
    }
}
