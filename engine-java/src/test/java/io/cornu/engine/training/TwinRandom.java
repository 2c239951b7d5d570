package io.cornu.engine.training;

import io.cornu.engine.tensor.Tensor;

/**
 * The initial weights and batch order shared with a PyTorch twin, by the rule of
 * {@code scripts/fixtures/gen_mlp_twin.py}: SplitMix64 as a counter-based generator,
 * {@code r(i) = mix64(seed + (i + 1) * 0x9E3779B97F4A7C15)}, its counters used in order for the
 * kernels (glorot-uniform, Keras layout, row-major) and then for one Fisher-Yates shuffle per epoch.
 * Python (numpy uint64) and Java (long) compute the same bits, so both sides start from identical
 * weights and see identical batches without sharing any large file.
 */
final class TwinRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;

    private TwinRandom() {
    }

    /** {@code r(i)} of {@code seed}: {@code mix64(seed + (i + 1) * golden)}, uint64 arithmetic. */
    static long r(long seed, long i) {
        long z = seed + (i + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * M1;
        z = (z ^ (z >>> 27)) * M2;
        return z ^ (z >>> 31);
    }

    /**
     * A glorot-uniform kernel {@code (fanIn, fanOut)} from the counters {@code first, first + 1, ...}:
     * {@code u = (r >>> 40) * 2^-24} and {@code w = float32((2u - 1) * sqrt(6 / (fanIn + fanOut)))}, in
     * double precision (every step is a correctly rounded IEEE operation, as in numpy).
     */
    static Tensor glorotKernel(long seed, long first, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            double u = (r(seed, first + i) >>> 40) * 0x1p-24;
            w[i] = (float) ((2 * u - 1) * limit);
        }
        return Tensor.wrap(w, fanIn, fanOut);
    }

    /**
     * A Fisher-Yates shuffle of {@code 0 .. n-1} from the counters {@code first .. first + n - 2}: the
     * k-th swaps position {@code i = n - 1 - k} with {@code j = r(first + k) mod (i + 1)} (unsigned).
     */
    static int[] permutation(long seed, long first, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int k = 0; k < n - 1; k++) {
            int i = n - 1 - k;
            int j = (int) Long.remainderUnsigned(r(seed, first + k), i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** {@code sum((i + 1) * v_i) mod 2^64}, as the generator's {@code checksum}, in hex. */
    static String checksum(int[] values) {
        long s = 0;
        for (int i = 0; i < values.length; i++) s += (i + 1L) * (values[i] & 0xFFFFFFFFL);
        return String.format("%016x", s);
    }

    /** The checksum of the float32 bit patterns. */
    static String checksum(float[] values) {
        long s = 0;
        for (int i = 0; i < values.length; i++) s += (i + 1L) * (Float.floatToRawIntBits(values[i]) & 0xFFFFFFFFL);
        return String.format("%016x", s);
    }
}
