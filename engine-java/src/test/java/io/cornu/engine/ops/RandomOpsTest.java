package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inverted dropout: mask statistics, scaling, reproducibility, gradient through the mask. */
class RandomOpsTest {

    @Test
    void keptValuesAreScaledAndTheRateIsRespected() {
        int n = 100_000;
        Tensor x = Tensor.ones(n);
        float[] y = Ops.dropout(x, 0.3f, 42L).toFloatArray();
        int kept = 0;
        for (float v : y) {
            if (v != 0f) {
                assertEquals(1f / 0.7f, v, 1e-6);
                kept++;
            }
        }
        // binomial(n, 0.7): standard deviation ~145; 5 sigma
        assertEquals(0.7 * n, kept, 725);
        assertArrayEquals(x.toFloatArray(), Ops.dropout(x, 0f, 1L).toFloatArray());
    }

    @Test
    void masksAreReproducibleFromASeedOrTheGlobalSeed() {
        Tensor x = GradCheckInputs.values(1000);
        assertArrayEquals(Ops.dropout(x, 0.5f, 7L).toFloatArray(), Ops.dropout(x, 0.5f, 7L).toFloatArray());
        assertFalse(java.util.Arrays.equals(Ops.dropout(x, 0.5f, 7L).toFloatArray(), Ops.dropout(x, 0.5f, 8L).toFloatArray()));
        RandomSeed.set(123);
        float[] first = Ops.dropout(x, 0.5f).toFloatArray();
        float[] second = Ops.dropout(x, 0.5f).toFloatArray();
        RandomSeed.set(123);
        assertArrayEquals(first, Ops.dropout(x, 0.5f).toFloatArray());
        assertArrayEquals(second, Ops.dropout(x, 0.5f).toFloatArray());
        assertFalse(java.util.Arrays.equals(first, second), "successive masks differ");
    }

    @Test
    void gradientFlowsThroughTheSameMask() {
        Variable w = new Variable("w", GradCheckInputs.values(64));
        Tensor y;
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            y = Ops.dropout(Ops.transpose(Ops.reshape(w, 8, 8)), 0.25f, 5L);
            g = tape.gradient(Ops.sum(y), List.of(w)).get(0);
        }
        float[] yv = y.toFloatArray(), wv = w.toFloatArray(), gv = g.toFloatArray();
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
            float mask = yv[i * 8 + j] / wv[j * 8 + i];
            assertEquals(mask, gv[j * 8 + i], 1e-5);
            assertTrue(mask == 0f || Math.abs(mask - 1f / 0.75f) < 1e-5);
        }
    }

    @Test
    void noiseShapeSharesTheMaskAlongSizeOneAxes() {
        Tensor x = Tensor.ones(4, 5, 6);
        Tensor y = Ops.dropout(x, 0.5f, new int[] {4, 1, 6}, new SplittableRandom(3));
        for (int b = 0; b < 4; b++) for (int f = 0; f < 6; f++) {
            for (int t = 1; t < 5; t++) assertEquals(y.get(b, 0, f), y.get(b, t, f));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.dropout(x, 0.5f, new int[] {4, 2, 6}, new SplittableRandom(3)));
        assertEquals("dropout: noise_shape (4, 2, 6) does not broadcast to the input shape (4, 5, 6)", e.getMessage());
    }

    @Test
    void rateOutsideTheUnitIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.dropout(Tensor.ones(2), 1f, 1L));
        assertEquals("dropout: expected 0 <= rate < 1. Received: rate=1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ops.dropout(Tensor.ones(2), -0.1f, 1L));
        assertThrows(IllegalArgumentException.class, () -> Ops.dropout(Tensor.ones(2), Float.NaN, 1L));
    }

    /** Non-zero inputs, so that output / input recovers the mask. */
    private static final class GradCheckInputs {
        static Tensor values(int n) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = 1 + (i % 7);
            return Tensor.wrap(v, n);
        }
    }
}
