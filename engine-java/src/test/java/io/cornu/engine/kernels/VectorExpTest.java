package io.cornu.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorExp} against {@code Math.exp} rounded to float (itself within 1 ulp of the exact
 * value): within 2 float ulps of that reference for every normal result, within one subnormal step
 * below, and exactly 0, infinity or NaN at the ends.
 */
class VectorExpTest {
    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    private static float[] exp(float... x) {
        float[] in = Arrays.copyOf(x, ((x.length + L - 1) / L) * L);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += L) {
            VectorExp.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, in, i)).intoArray(out, i);
        }
        return Arrays.copyOf(out, x.length);
    }

    private static void assertNear(float x, float got) {
        float want = (float) Math.exp(x);
        if (Float.isInfinite(want) || want == 0f) {
            assertEquals(want, got, "exp(" + x + ")");
            return;
        }
        float tol = want >= Float.MIN_NORMAL ? 2 * Math.ulp(want) : Float.MIN_VALUE;
        assertTrue(Math.abs(got - want) <= tol, "exp(" + x + "): got " + got + ", Math.exp gives " + want);
    }

    @Test
    void withinTwoUlpOverTheWholeRange() {
        Random r = new Random(11);
        float[] x = new float[100_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextDouble() * 200 - 110);
        float[] got = exp(x);
        for (int i = 0; i < x.length; i++) assertNear(x[i], got[i]);
    }

    @Test
    void smallArgumentsAndReductionBoundaries() {
        float ln2 = (float) Math.log(2);
        float[] x = {0f, -0f, 1e-8f, -1e-8f, 1f, -1f, ln2 / 2, -ln2 / 2, ln2, 20f, -20f, 60f * ln2, 87f, -87f};
        float[] got = exp(x);
        for (int i = 0; i < x.length; i++) assertNear(x[i], got[i]);
        assertEquals(1f, got[0]);
    }

    @Test
    void subnormalResultsAndUnderflowToZero() {
        float[] x = {-88f, -95f, -100f, -103.9f, -103.98f, -104f, -1e9f, Float.NEGATIVE_INFINITY};
        float[] got = exp(x);
        for (int i = 0; i < 4; i++) assertNear(x[i], got[i]);
        assertTrue(got[2] > 0 && got[2] < Float.MIN_NORMAL, "exp(-100) is subnormal: " + got[2]);
        for (int i = 5; i < x.length; i++) assertEquals(0f, got[i], "exp(" + x[i] + ")");
    }

    @Test
    void largeResultsOverflowToInfinity() {
        float[] x = {88f, 88.7f, 88.72f, 88.723f, 100f, Float.POSITIVE_INFINITY, Float.NaN};
        float[] got = exp(x);
        for (int i = 0; i < 3; i++) assertNear(x[i], got[i]);
        assertTrue(Float.isFinite(got[2]), "exp(88.72) is below Float.MAX_VALUE");
        for (int i = 3; i < 6; i++) assertEquals(Float.POSITIVE_INFINITY, got[i], "exp(" + x[i] + ")");
        assertTrue(Float.isNaN(got[6]), "exp(NaN)");
    }

    @Test
    void arrayFormCoversTheTailWithMathExp() {
        int n = 3 * L + 3;
        float[] a = new float[n + 2], out = new float[n + 4];
        for (int i = 0; i < a.length; i++) a[i] = i * 0.37f - 5f;
        VectorExp.exp(a, 2, out, 1, n);
        assertEquals(0f, out[0]);
        for (int i = 0; i < n; i++) assertNear(a[2 + i], out[1 + i]);
        for (int i = n - 3; i < n; i++) assertEquals((float) Math.exp(a[2 + i]), out[1 + i]);
        assertEquals(0f, out[n + 1]);
    }

    /**
     * The reason this class exists: the first calls run interpreted, later ones JIT-compiled, and
     * a seeded training run repeats only if both give the same bits (the Vector API's EXP operator
     * does not). Warm the kernel up and compare with the first, cold, result.
     */
    @Test
    void sameBitsInterpretedAndCompiled() {
        Random r = new Random(5);
        float[] x = new float[8 * L];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextDouble() * 40 - 20);
        float[] cold = new float[x.length], warm = new float[x.length];
        VectorExp.exp(x, 0, cold, 0, x.length);
        for (int rep = 0; rep < 50_000; rep++) VectorExp.exp(x, 0, warm, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(cold[i]), Float.floatToRawIntBits(warm[i]), "exp(" + x[i] + ") cold vs JIT-compiled");
        }
    }
}
