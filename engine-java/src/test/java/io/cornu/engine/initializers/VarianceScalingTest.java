package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VarianceScalingTest {
    /** A Dense kernel from 784 inputs to 512 units: fanIn = 784 = 28^2, fanOut = 512, fanIn + fanOut = 1296 = 36^2. */
    static final int[] DENSE = {784, 512};
    /** A Conv2D kernel 3x3 from 32 to 64 channels: receptive field 9, fanIn = 9 * 32 = 288, fanOut = 9 * 64 = 576. */
    static final int[] CONV2D = {3, 3, 32, 64};

    @Test
    void fansAsKerasComputeFans() {
        assertArrayEquals(new long[] {1, 1}, VarianceScaling.computeFans(new int[0]), "a scalar");
        assertArrayEquals(new long[] {10, 10}, VarianceScaling.computeFans(new int[] {10}), "a bias");
        assertArrayEquals(new long[] {784, 512}, VarianceScaling.computeFans(DENSE));
        assertArrayEquals(new long[] {288, 576}, VarianceScaling.computeFans(CONV2D));
        assertArrayEquals(new long[] {80, 40}, VarianceScaling.computeFans(new int[] {5, 16, 8}), "Conv1D kernel 5 from 16 to 8 channels");
        assertArrayEquals(new long[] {72, 9}, VarianceScaling.computeFans(new int[] {3, 3, 8, 1}), "depthwise 3x3 kernel over 8 channels");
        assertArrayEquals(new long[] {120, 144}, VarianceScaling.computeFans(new int[] {2, 3, 4, 5, 6}), "Conv3D kernel: receptive field 24");
    }

    @Test
    void fansFromExplicitAxes() {
        int[] shape = {4, 5, 6};
        assertArrayEquals(new long[] {4, 30}, VarianceScaling.computeFans(shape, new int[] {0}, new int[] {1, 2}));
        assertArrayEquals(new long[] {4, 30}, VarianceScaling.computeFans(shape, new int[] {-3}, new int[] {-2, -1}));
        assertArrayEquals(new long[] {20, 24}, VarianceScaling.computeFans(shape, null, new int[] {0}), "both lists or neither, as Keras");
        assertThrows(IllegalArgumentException.class, () -> VarianceScaling.computeFans(shape, new int[] {3}, new int[] {0}));
    }

    // ---- the named special cases on a Dense kernel, against their formulas worked by hand ----------

    @Test
    void glorotUniformOnADenseKernel() {
        uniform(new GlorotUniform(1L).create(DENSE), Math.sqrt(6) / 36); // sqrt(6 / 1296)
    }

    @Test
    void glorotNormalOnADenseKernel() {
        truncated(new GlorotNormal(2L).create(DENSE), Math.sqrt(2) / 36); // sqrt(2 / 1296)
    }

    @Test
    void heNormalOnADenseKernel() {
        truncated(new HeNormal(3L).create(DENSE), Math.sqrt(2) / 28); // sqrt(2 / 784)
    }

    @Test
    void heUniformOnADenseKernel() {
        uniform(new HeUniform(4L).create(DENSE), Math.sqrt(6) / 28); // sqrt(6 / 784)
    }

    @Test
    void lecunNormalOnADenseKernel() {
        truncated(new LecunNormal(5L).create(DENSE), 1 / 28.0); // sqrt(1 / 784)
    }

    @Test
    void lecunUniformOnADenseKernel() {
        uniform(new LecunUniform(6L).create(DENSE), Math.sqrt(3) / 28); // sqrt(3 / 784)
    }

    // ---- convolution kernels: the receptive field counts in both fans -------------------------------

    @Test
    void heNormalOnAConvKernel() {
        truncated(new HeNormal(7L).create(CONV2D), 1 / 12.0); // sqrt(2 / 288) = sqrt(1 / 144)
    }

    @Test
    void glorotUniformOnAConvKernel() {
        uniform(new GlorotUniform(8L).create(CONV2D), 1 / 12.0); // sqrt(6 / (288 + 576)) = sqrt(1 / 144)
    }

    @Test
    void fanOutUntruncatedNormalOnAConvKernel() {
        Tensor t = new VarianceScaling(2.0, "fan_out", "untruncated_normal", 9L).create(CONV2D);
        double std = 1 / Math.sqrt(288); // sqrt(2 / 576)
        SampleStats s = SampleStats.of(t).assertMean(0, std).assertStd(std);
        assertTrue(s.max > 3 * std && s.min < -3 * std, "untruncated: 18,432 draws go past 3 stddevs (about 50 expected)");
    }

    @Test
    void lecunUniformOnAConv1DKernel() {
        uniform(new LecunUniform(10L).create(40, 16, 64), Math.sqrt(3.0 / 640)); // fanIn = 40 * 16
    }

    // ---- the general initializer ----------------------------------------------------------------------

    @Test
    void isTheSameDrawAsItsNamedSpecialCases() {
        assertArrayEquals(new HeNormal(5L).create(CONV2D).toFloatArray(),
                new VarianceScaling(2.0, "fan_in", "truncated_normal", 5L).create(CONV2D).toFloatArray());
        assertArrayEquals(new GlorotUniform(5L).create(DENSE).toFloatArray(),
                new VarianceScaling(1.0, "fan_avg", "uniform", 5L).create(DENSE).toFloatArray());
    }

    @Test
    void kerasDefaultsAndDistributionNames() {
        VarianceScaling d = new VarianceScaling();
        assertEquals(1.0, d.scale());
        assertEquals("fan_in", d.mode());
        assertEquals("truncated_normal", d.distribution());
        assertEquals("truncated_normal", new VarianceScaling(1.0, "fan_in", "normal").distribution(), "Keras' alias");
        assertEquals("uniform", new VarianceScaling(1.0, "fan_in", "Uniform").distribution(), "lower-cased, as Keras");
    }

    @Test
    void explicitAxesSetTheFans() {
        // (64, 8, 50): fanIn from axis 0 alone is 64; by compute_fans it would be 8 * 64 = 512
        int[] shape = {64, 8, 50};
        truncated(new HeNormal(3L, new int[] {0}, new int[] {1, 2}).create(shape), Math.sqrt(2.0 / 64));
        truncated(new HeNormal(3L).create(shape), Math.sqrt(2.0 / 512));
    }

    @Test
    void kerasErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(0.0, "fan_in", "uniform"));
        assertEquals("Argument `scale` must be positive float. Received: scale=0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1.0, "fan_sideways", "uniform"));
        assertTrue(e.getMessage().startsWith("Invalid `mode` argument: fan_sideways. Please use one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1.0, "fan_in", "cauchy"));
        assertTrue(e.getMessage().startsWith("Invalid `distribution` argument: cauchy. Please use one of"), e.getMessage());
    }

    /** A truncated normal whose standard deviation after truncation is {@code std}: bounded by {@code 2 * std / 0.8796...}. */
    static void truncated(Tensor t, double std) {
        double bound = 2 * std / TruncatedNormalTest.truncatedUnitStd();
        SampleStats.of(t).assertMean(0, std).assertStd(std).assertWithin(-bound, bound);
    }

    /** Uniform in {@code [-limit, limit]}: standard deviation {@code limit / sqrt(3)}, reaching both ends. */
    static void uniform(Tensor t, double limit) {
        double std = limit / Math.sqrt(3);
        SampleStats.of(t).assertMean(0, std).assertStd(std).assertWithin(-limit, limit).assertReaches(-limit, limit, 2e-3);
    }
}
