package io.cornu.engine.constraints;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintsTest {
    private static final double EPS = 1e-7;

    /**
     * Keras' norm constraints in double: for each slice of {@code w} (the elements sharing the
     * indices of the axes not in {@code axes}), {@code w * desired(norm) / (eps + norm)}.
     */
    private static float[] byHand(Tensor w, int[] axes, java.util.function.DoubleUnaryOperator desired) {
        int[] dims = w.dims();
        float[] x = w.toFloatArray();
        boolean[] reduced = new boolean[dims.length];
        for (int a : axes) reduced[a < 0 ? a + dims.length : a] = true;
        double[] sums = new double[x.length];   // per element: the squared norm of its slice
        int[] idx = new int[dims.length];
        for (int i = 0; i < x.length; i++) {
            index(i, dims, idx);
            for (int j = 0; j < x.length; j++) {
                int[] jdx = new int[dims.length];
                index(j, dims, jdx);
                boolean same = true;
                for (int d = 0; d < dims.length; d++) same &= reduced[d] || jdx[d] == idx[d];
                if (same) sums[i] += (double) x[j] * x[j];
            }
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double norm = Math.sqrt(sums[i]);
            out[i] = (float) (x[i] * desired.applyAsDouble(norm) / (EPS + norm));
        }
        return out;
    }

    private static void index(int flat, int[] dims, int[] out) {
        for (int d = dims.length - 1; d >= 0; d--) {
            out[d] = flat % dims[d];
            flat /= dims[d];
        }
    }

    private static void assertClose(float[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toFloatArray(), 1e-6f);
    }

    @Test
    void maxNormScalesOnlyTheSlicesAboveTheBound() {
        Tensor w = Tensor.of(new float[][] {{3, 0.1f}, {4, 0.2f}, {0, -0.2f}});   // column norms 5 and 0.3
        Tensor out = new MaxNorm(2, 0).apply(w);
        assertClose(byHand(w, new int[] {0}, n -> Math.min(n, 2)), out);
        assertEquals(2 * 3 / (5 + EPS), out.toFloatArray()[0], 1e-6);
        Tensor kernel = random(3, 2, 2, 3, 4);                                   // a Conv2D kernel: one norm per filter
        assertClose(byHand(kernel, new int[] {0, 1, 2}, n -> Math.min(n, 1.5)), new MaxNorm(1.5, 0, 1, 2).apply(kernel));
        assertClose(byHand(w, new int[] {1}, n -> Math.min(n, 0.25)), new MaxNorm(0.25, -1).apply(w));
        assertClose(byHand(w, new int[] {0}, n -> Math.min(n, 2)), new MaxNorm().apply(w));   // Keras' defaults: 2, axis 0
    }

    @Test
    void unitNormAndMinMaxNormAreKerasFormulas() {
        Tensor w = random(5, 4, 3);
        assertClose(byHand(w, new int[] {0}, n -> 1), new UnitNorm().apply(w));
        assertClose(byHand(w, new int[] {1}, n -> 1), new UnitNorm(1).apply(w));
        assertClose(byHand(w, new int[] {0}, n -> Math.max(0.5, Math.min(n, 1.2)) * 0.25 + 0.75 * n),
                new MinMaxNorm(0.5, 1.2, 0.25, 0).apply(w));
        assertClose(byHand(w, new int[] {0}, n -> Math.max(0, Math.min(n, 1))), new MinMaxNorm().apply(w));
        Tensor unit = new UnitNorm(0).apply(w);
        for (float n : Ops.sqrt(Ops.sum(Ops.square(unit), 0)).toFloatArray()) assertEquals(1, n, 1e-6);
    }

    @Test
    void nonNegZeroesNegativeWeights() {
        Tensor w = Tensor.of(new float[] {-1.5f, 0f, 2.5f, -0.001f});
        assertArrayEquals(new float[] {0, 0, 2.5f, 0}, new NonNeg().apply(w).toFloatArray());
    }

    @Test
    void badArgumentsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxNorm(-1, 0));
        assertEquals("Invalid value for argument `max_value`: expected a non-negative float. Received: max_value=-1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MinMaxNorm(2, 1, 1, 0));
        assertEquals("Invalid value for argument `max_value`: expected a float >= min_value (2.0). Received: max_value=1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MinMaxNorm(0, 1, 1.5, 0));
        assertEquals("Invalid value for argument `rate`: expected a float in [0, 1]. Received: rate=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UnitNorm(new int[0]));
        assertEquals("UnitNorm: `axis` must name at least one axis, each once. Received: axis=[]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxNorm(2, 2).apply(Tensor.ones(3, 4)));
        assertEquals("MaxNorm: axis 2 is out of bounds for a weight of shape (3, 4). Received: axis=2", e.getMessage());
    }

    @Test
    void namesAndConfigs() {
        assertInstanceOf(MaxNorm.class, Constraints.get("max_norm"));
        assertEquals(2.0, ((MaxNorm) Constraints.get("MaxNorm")).maxValue());
        assertInstanceOf(NonNeg.class, Constraints.get("non_neg"));
        assertInstanceOf(UnitNorm.class, Constraints.get("unit_norm"));
        assertInstanceOf(MinMaxNorm.class, Constraints.get("min_max_norm"));
        assertNull(Constraints.get(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constraints.get("positive"));
        assertTrue(e.getMessage().startsWith("Could not interpret constraint identifier: positive. Known: ["), e.getMessage());

        assertEquals(Map.of("class_name", "MaxNorm", "config", Map.of("max_value", 3.0, "axis", 0)), Constraints.serialize(new MaxNorm(3, 0)));
        assertEquals(Map.of("class_name", "NonNeg", "config", Map.of()), Constraints.serialize(new NonNeg()));
        Tensor w = random(7, 2, 3, 4);
        for (Constraint c : List.of(new MaxNorm(1.5, 0, 1), new MinMaxNorm(0.1, 0.9, 0.5, 2), new NonNeg(), new UnitNorm(1))) {
            Map<String, Object> config = Constraints.serialize(c);
            Constraint back = Constraints.deserialize(config);
            assertEquals(config, Constraints.serialize(back));
            assertArrayEquals(c.apply(w).toFloatArray(), back.apply(w).toFloatArray());
        }
        // a config as JSON gives it: numbers are doubles, axis lists are lists
        MaxNorm fromJson = (MaxNorm) Constraints.get(Map.of("class_name", "MaxNorm", "config", Map.of("max_value", 2.0, "axis", List.of(0.0, 1.0))));
        assertArrayEquals(new int[] {0, 1}, fromJson.axis());
        e = assertThrows(IllegalArgumentException.class, () -> Constraints.deserialize(Map.of("class_name", "Exec", "config", Map.of())));
        assertTrue(e.getMessage().startsWith("Unknown constraint: 'Exec'"), e.getMessage());
    }

    @Test
    void lambdaConstraintsCannotBeSaved() {
        Constraint clip = w -> Ops.clip(w, -1f, 1f);
        assertArrayEquals(new float[] {-1, 0.5f, 1}, clip.apply(Tensor.of(new float[] {-3, 0.5f, 2})).toFloatArray());
        assertThrows(UnsupportedOperationException.class, () -> Constraints.serialize(clip));
    }
}
