package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomNormalTest {

    @Test
    void hasTheMeanAndStandardDeviationAsked() {
        Tensor t = new RandomNormal(0.5, 2.0, 11L).create(400, 250);
        SampleStats.of(t).assertMean(0.5, 2.0).assertStd(2.0);
    }

    @Test
    void isNotTruncated() {
        // P(|z| > 2) = 2 * (1 - Phi(2)) = 0.0455 for a normal; a truncated one has none
        float[] v = new RandomNormal(0.0, 1.0, 5L).create(100_000).toFloatArray();
        int beyond = 0;
        for (float x : v) if (Math.abs(x) > 2) beyond++;
        double p = 0.0455003, se = Math.sqrt(p * (1 - p) / v.length);
        assertEquals(p, beyond / (double) v.length, SampleStats.Z * se);
    }

    @Test
    void kerasDefaults() {
        RandomNormal d = new RandomNormal();
        assertEquals(0.0, d.mean());
        assertEquals(0.05, d.stddev());
        assertEquals(null, d.seed());
        SampleStats.of(new RandomNormal(0.0, 0.05, 2L).create(100_000)).assertMean(0.0, 0.05).assertStd(0.05);
        assertEquals(Map.of("mean", 0.0, "stddev", 0.05), withoutSeed(Initializers.get("random_normal").getConfig()));
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        RandomNormal a = new RandomNormal(0.0, 1.0, 42L);
        float[] first = a.create(3, 7).toFloatArray();
        assertArrayEquals(first, a.create(3, 7).toFloatArray(), "a seeded initializer gives the same values on every call, as Keras");
        assertArrayEquals(first, new RandomNormal(0.0, 1.0, 42L).create(3, 7).toFloatArray());
        assertFalse(java.util.Arrays.equals(first, new RandomNormal(0.0, 1.0, 43L).create(3, 7).toFloatArray()));
    }

    @Test
    void unseededDrawsFromTheGlobalSeed() {
        RandomNormal init = new RandomNormal();
        RandomSeed.set(9);
        float[] first = init.create(50).toFloatArray();
        float[] second = init.create(50).toFloatArray();
        assertFalse(java.util.Arrays.equals(first, second), "each unseeded call draws new values");
        RandomSeed.set(9);
        assertArrayEquals(first, init.create(50).toFloatArray(), "RandomSeed.set makes unseeded initializers reproducible");
    }

    @Test
    void rejectsANegativeStddev() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomNormal(0.0, -1.0));
        assertTrue(e.getMessage().contains("RandomNormal") && e.getMessage().contains("stddev=-1.0"), e.getMessage());
    }

    static Map<String, Object> withoutSeed(Map<String, Object> config) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(config);
        assertTrue(c.containsKey("seed"), "a random initializer's config has a seed: " + config);
        c.remove("seed");
        return c;
    }
}
