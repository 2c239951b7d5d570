package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample statistics of an initializer's values, and tolerances from the sample size.
 *
 * <p>For {@code n} independent draws of standard deviation {@code sigma}, the sample mean has standard
 * error {@code sigma / sqrt(n)} and the sample standard deviation {@code sigma * sqrt((kurtosis - 1) / (4n))};
 * the kurtosis is 3 for a normal, below 3 for a truncated normal (2.37 at two standard deviations)
 * and 1.8 for a uniform, so {@code sigma / sqrt(2n)} bounds it for every distribution here. The checks allow
 * {@link #Z} standard errors: a correct implementation fails one with probability below 1e-6 whatever
 * the seed, while the errors they guard against (a missing truncation correction: 12%; fan-in for
 * fan-out: a factor of 2 or more in variance) are tens of standard errors away at these sample sizes.
 */
final class SampleStats {
    /** Standard errors allowed. */
    static final double Z = 5.0;

    final int n;
    final double mean;
    final double std;
    final double min;
    final double max;

    private SampleStats(float[] values) {
        n = values.length;
        double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        mean = sum / n;
        double ss = 0;
        for (float v : values) ss += (v - mean) * (v - mean);
        std = Math.sqrt(ss / (n - 1));
        min = lo;
        max = hi;
    }

    static SampleStats of(Tensor t) {
        return new SampleStats(t.toFloatArray());
    }

    /** The mean is {@code expected} within {@link #Z} standard errors of the mean of draws with standard deviation {@code sigma}. */
    SampleStats assertMean(double expected, double sigma) {
        double tol = Z * sigma / Math.sqrt(n);
        assertEquals(expected, mean, tol, "sample mean of " + n + " values (tolerance " + tol + ")");
        return this;
    }

    /** The standard deviation is {@code expected} within {@link #Z} standard errors. */
    SampleStats assertStd(double expected) {
        double tol = Z * expected / Math.sqrt(2.0 * n);
        assertEquals(expected, std, tol, "sample standard deviation of " + n + " values (tolerance " + tol + ")");
        return this;
    }

    /** Every value is in {@code [lo, hi]}, allowing float32 rounding of the bounds. */
    SampleStats assertWithin(double lo, double hi) {
        double slack = 1e-6 * Math.max(Math.abs(lo), Math.abs(hi));
        assertTrue(min >= lo - slack && max <= hi + slack, "values in [" + min + ", " + max + "], expected within [" + lo + ", " + hi + "]");
        return this;
    }

    /**
     * The extremes come within {@code fraction} of the range's width to {@code lo} and {@code hi}: the
     * draws fill the range (with n draws, a gap of {@code fraction} at one end of a uniform has probability
     * {@code (1 - fraction)^n}).
     */
    SampleStats assertReaches(double lo, double hi, double fraction) {
        double gap = fraction * (hi - lo);
        assertTrue(min <= lo + gap && max >= hi - gap, "values in [" + min + ", " + max + "] should reach within " + gap + " of [" + lo + ", " + hi + "]");
        return this;
    }
}
