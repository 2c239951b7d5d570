package io.cornu.engine.regularizers;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegularizersTest {

    /** Values of both signs, none within the finite-difference step of 0 (where |x| has its kink). */
    private static final float[][] W = {{0.5f, -1.25f, 0.75f}, {-0.3f, 2f, -0.6f}, {1.1f, 0.2f, -0.9f}, {-1.7f, 0.4f, 0.35f}};

    private static double sumAbs() {
        double s = 0;
        for (float[] row : W) for (float v : row) s += Math.abs(v);
        return s;
    }

    private static double sumSquares() {
        double s = 0;
        for (float[] row : W) for (float v : row) s += (double) v * v;
        return s;
    }

    @Test
    void kerasDocumentedValues() {
        // Keras' docstring: L2(2.)(ones((5, 5))) == 50.0; the custom L2Regularizer(0.5) example gives 12.5 on a 5x5 ones kernel
        assertEquals(50.0, new L2(2).apply(Tensor.ones(5, 5)).item(), 1e-5);
        assertEquals(12.5, new L2(0.5).apply(Tensor.ones(5, 5)).item(), 1e-5);
        // ... and L1(0.01) on the same kernel is 0.25
        assertEquals(0.25, new L1(0.01).apply(Tensor.ones(5, 5)).item(), 1e-6);
    }

    @Test
    void penaltiesAreTheDocumentedFormulas() {
        Tensor w = Tensor.of(W);
        assertEquals(0.3 * sumAbs(), new L1(0.3).apply(w).item(), 1e-5);
        assertEquals(0.002 * sumSquares(), new L2(0.002).apply(w).item(), 1e-7);
        assertEquals(0.01 * sumAbs() + 0.05 * sumSquares(), new L1L2(0.01, 0.05).apply(w).item(), 1e-5);
        assertEquals(0.05 * sumSquares(), new L1L2(0, 0.05).apply(w).item(), 1e-5);
        assertEquals(0, new L1L2().apply(w).item());
        assertEquals(0, new L1(0.3).apply(w).rank(), "a scalar penalty");
    }

    @Test
    void penaltiesDifferentiate() {
        GradCheck.check(xs -> new L1(0.3).apply(xs.get(0)), Tensor.of(W));
        GradCheck.check(xs -> new L2(0.7).apply(xs.get(0)), Tensor.of(W));
        GradCheck.check(xs -> new L1L2(0.2, 0.4).apply(xs.get(0)), Tensor.of(W));
        GradCheck.check(xs -> new OrthogonalRegularizer(0.5, "rows").apply(xs.get(0)), Tensor.of(W));
        GradCheck.check(xs -> new OrthogonalRegularizer(0.5, "columns").apply(xs.get(0)), Tensor.of(W));
    }

    /** Keras' formula in double: the mean absolute cosine between distinct rows (or columns), times factor / 2. */
    private static double orthogonalPenalty(float[][] w, double factor, boolean rows) {
        int n = rows ? w.length : w[0].length, len = rows ? w[0].length : w.length;
        double[][] v = new double[n][len];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < len; k++) {
                v[i][k] = rows ? w[i][k] : w[k][i];
                norm += v[i][k] * v[i][k];
            }
            for (int k = 0; k < len; k++) v[i][k] /= Math.sqrt(norm);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dot = 0;
                for (int k = 0; k < len; k++) dot += v[i][k] * v[j][k];
                sum += Math.abs(dot);
            }
        }
        return factor * 0.5 * sum / (n * (n - 1) / 2.0);
    }

    @Test
    void orthogonalRegularizerIsKerasFormula() {
        Tensor w = Tensor.of(W);
        assertEquals(orthogonalPenalty(W, 0.01, true), new OrthogonalRegularizer().apply(w).item(), 1e-7);
        assertEquals(orthogonalPenalty(W, 0.3, false), new OrthogonalRegularizer(0.3, "columns").apply(w).item(), 1e-6);
        // orthonormal rows cost nothing
        assertEquals(0, new OrthogonalRegularizer(1, "rows").apply(Tensor.eye(3)).item(), 1e-7);
    }

    @Test
    void badArgumentsGiveKerasErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2(-0.5));
        assertEquals("Invalid value for argument l2: expected a non-negative float. Received: l2=-0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L1(Double.NaN));
        assertEquals("Invalid value for argument l1: expected a non-negative float. Received: l1=NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1L2(0.1, Double.POSITIVE_INFINITY));
        e = assertThrows(IllegalArgumentException.class, () -> new OrthogonalRegularizer(0.1, "diagonal"));
        assertEquals("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode=diagonal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OrthogonalRegularizer().apply(Tensor.ones(2, 3, 4)));
        assertEquals("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=(2, 3, 4)", e.getMessage());
    }

    @Test
    void namesGiveKerasDefaults() {
        assertEquals(0.01, ((L1) Regularizers.get("l1")).l1());
        assertEquals(0.01, ((L2) Regularizers.get("l2")).l2());
        assertEquals(0.01, ((L2) Regularizers.get("L2")).l2());
        L1L2 both = (L1L2) Regularizers.get("l1_l2");
        assertEquals(0.01, both.l1());
        assertEquals(0.01, both.l2());
        L1L2 byClass = (L1L2) Regularizers.get("L1L2");   // the class's own defaults, Keras 3: none
        assertEquals(0, byClass.l1());
        assertEquals(0, byClass.l2());
        assertInstanceOf(OrthogonalRegularizer.class, Regularizers.get("orthogonal_regularizer"));
        assertNull(Regularizers.get(null));
        Regularizer r = new L2(0.3);
        assertEquals(r, Regularizers.get(r));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularizers.get("l3"));
        assertTrue(e.getMessage().startsWith("Could not interpret regularizer identifier: l3. Known: ["), e.getMessage());
    }

    @Test
    void configsRoundTrip() {
        for (Regularizer r : List.of(new L1(0.25), new L2(0.002), new L1L2(0.1, 0.2), new OrthogonalRegularizer(0.3, "columns"))) {
            Map<String, Object> c = Regularizers.serialize(r);
            assertEquals(r.className(), c.get("class_name"));
            Regularizer back = Regularizers.deserialize(c);
            assertEquals(r.getClass(), back.getClass());
            assertEquals(c, Regularizers.serialize(back));
            assertEquals(r.apply(Tensor.of(W)).item(), back.apply(Tensor.of(W)).item());
        }
        assertEquals(Map.of("class_name", "L2", "config", Map.of("l2", 0.002)), Regularizers.serialize(new L2(0.002)));
        // Keras 3's full form (module, registered_name) and numbers as JSON gives them
        Map<String, Object> keras = new LinkedHashMap<>();
        keras.put("module", "keras.regularizers");
        keras.put("class_name", "L1L2");
        keras.put("config", Map.of("l1", 0.0, "l2", 0.004));
        keras.put("registered_name", null);
        L1L2 r = (L1L2) Regularizers.get(keras);
        assertEquals(0.004, r.l2());
        assertNull(Regularizers.serialize(null));
    }

    @Test
    void unknownClassNamesAreNeverInstantiated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regularizers.deserialize(Map.of("class_name", "java.lang.Runtime", "config", Map.of())));
        assertTrue(e.getMessage().startsWith("Unknown regularizer: 'java.lang.Runtime'. Please ensure you are using a registered regularizer"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regularizers.deserialize(Map.of("config", Map.of())));
    }

    /** A user regularizer: the penalty on the mean, saved and loaded through the registry. */
    static final class MeanPenalty implements Regularizer {
        final double factor;

        MeanPenalty(double factor) {
            this.factor = factor;
        }

        @Override
        public Tensor apply(Tensor x) {
            return Ops.mul(Ops.square(Ops.mean(x)), (float) factor);
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of("factor", factor);
        }
    }

    @Test
    void customRegularizersRegisterOnce() {
        Map<String, Object> c = Regularizers.serialize(new MeanPenalty(0.5));
        assertEquals("MeanPenalty", c.get("class_name"));
        assertThrows(IllegalArgumentException.class, () -> Regularizers.deserialize(c));
        Regularizers.register("MeanPenalty", config -> new MeanPenalty(((Number) config.getOrDefault("factor", 0.01)).doubleValue()));
        assertTrue(Regularizers.isRegistered("MeanPenalty"));
        assertEquals(0.5, ((MeanPenalty) Regularizers.deserialize(c)).factor);
        assertInstanceOf(MeanPenalty.class, Regularizers.get("mean_penalty"));
    }

    @Test
    void lambdasRegularizeButCannotBeSaved() {
        Regularizer half = x -> Ops.mul(Ops.sum(x), 0.5f);
        assertEquals(3.0, half.apply(Tensor.ones(2, 3)).item(), 1e-6);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Regularizers.serialize(half));
        assertTrue(e.getMessage().startsWith("A regularizer given as a lambda cannot be saved"), e.getMessage());
    }
}
