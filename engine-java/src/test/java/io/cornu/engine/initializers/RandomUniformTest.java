package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomUniformTest {

    @Test
    void fillsTheHalfOpenRangeUniformly() {
        double lo = -0.3, hi = 0.7;
        Tensor t = new RandomUniform(lo, hi, 8L).create(500, 200);
        double sigma = (hi - lo) / Math.sqrt(12);
        SampleStats s = SampleStats.of(t).assertMean((lo + hi) / 2, sigma).assertStd(sigma).assertReaches(lo, hi, 1e-3);
        assertTrue(s.min >= (float) lo && s.max < hi, "[" + s.min + ", " + s.max + "] within [" + lo + ", " + hi + ")");
    }

    @Test
    void neverReachesTheExcludedBoundAfterRoundingToFloat() {
        // a span of one float ulp: the double draws round to either bound half of the time
        float lo = 1f, hi = Math.nextUp(1f);
        for (float v : new RandomUniform(lo, hi, 1L).create(1000).toFloatArray()) assertEquals(lo, v);
    }

    @Test
    void kerasDefaultsAndSeeds() {
        RandomUniform d = new RandomUniform();
        assertEquals(-0.05, d.minval());
        assertEquals(0.05, d.maxval());
        float[] a = new RandomUniform(0, 1, 4L).create(64).toFloatArray();
        assertArrayEquals(a, new RandomUniform(0, 1, 4L).create(64).toFloatArray());
        assertFalse(java.util.Arrays.equals(a, new RandomUniform(0, 1, 5L).create(64).toFloatArray()));
    }

    @Test
    void rejectsAnEmptyRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomUniform(1, 1));
        assertTrue(e.getMessage().contains("minval=1.0, maxval=1.0"), e.getMessage());
    }
}
