package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TruncatedNormalTest {

    /**
     * The standard deviation of a unit normal truncated to [-2, 2], by numerical integration of the
     * density (Simpson's rule, 20,000 intervals): independent of the constant the initializers use.
     */
    static double truncatedUnitStd() {
        int steps = 20_000;
        double h = 4.0 / steps, mass = 0, second = 0;
        for (int i = 0; i <= steps; i++) {
            double z = -2 + i * h;
            double w = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2);
            double pdf = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            mass += w * pdf;
            second += w * z * z * pdf;
        }
        return Math.sqrt(second / mass);
    }

    @Test
    void theCorrectionConstantIsTheStdOfANormalTruncatedAtTwo() {
        assertEquals(truncatedUnitStd(), VarianceScaling.TRUNCATED_NORMAL_STDDEV, 1e-12);
    }

    @Test
    void valuesStayWithinTwoStddevsWithTheTruncatedSpread() {
        double mean = 1.0, stddev = 0.5;
        Tensor t = new TruncatedNormal(mean, stddev, 21L).create(200_000);
        double sigma = stddev * truncatedUnitStd();
        SampleStats.of(t)
                .assertWithin(mean - 2 * stddev, mean + 2 * stddev)
                // P(1.95 < z <= 2) is about 0.3% per side: hundreds of the 200,000 draws reach that far
                .assertReaches(mean - 2 * stddev, mean + 2 * stddev, 0.0125)
                .assertMean(mean, sigma)
                .assertStd(sigma);
    }

    @Test
    void kerasDefaultsAndSeeds() {
        TruncatedNormal d = new TruncatedNormal();
        assertEquals(0.0, d.mean());
        assertEquals(0.05, d.stddev());
        float[] a = new TruncatedNormal(0.0, 1.0, 4L).create(64).toFloatArray();
        assertArrayEquals(a, new TruncatedNormal(0.0, 1.0, 4L).create(64).toFloatArray());
        assertFalse(java.util.Arrays.equals(a, new TruncatedNormal(0.0, 1.0, 5L).create(64).toFloatArray()));
    }
}
