package io.cornu.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} on float vectors from arithmetic only, for the kernels that need it (exp, softmax,
 * the recurrent gates). The Vector API's own {@code EXP} operator is not used: its JIT-compiled
 * form (an intrinsic stub) and its interpreted form (a loop over {@code Math.exp}) round
 * differently, so a seeded training run would change in its last bits depending on when the JIT
 * compiled the loop. This form gives the same bits at every tier and is within 2 ulp of
 * {@code Math.exp} (see VectorExpTest).
 *
 * <p>{@code x = n ln2 + r} with {@code n = round(x / ln2)} (the {@code 1.5 * 2^23} trick) and
 * {@code ln2} split in two (Cody-Waite); {@code e^r} by its degree-7 Taylor polynomial on
 * {@code |r| <= ln2 / 2} (truncation error below 6e-9 relative); {@code 2^n} built in the
 * exponent bits as {@code 2^(n/2) * 2^(n - n/2)}, so that results down in the subnormal range and
 * up to {@code Float.MAX_VALUE} come out right. Below {@code ln(2^-150)} the result is 0, above
 * {@code ln(Float.MAX_VALUE)} it is infinity, and NaN stays NaN.
 */
public final class VectorExp {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Below this, {@code e^x} rounds to 0 in float. */
    static final float UNDERFLOW = -103.972084f;
    /** Above this, {@code e^x} exceeds {@code Float.MAX_VALUE}. */
    static final float OVERFLOW = 88.72283f;

    private static final float LOG2E = 1.44269504088896341f;
    /** {@code 1.5 * 2^23}: adding it rounds to an integer held in the low mantissa bits. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = 0x4B400000;
    private static final float MINUS_LN2_HI = -0.693359375f;
    private static final float MINUS_LN2_LO = 2.12194440e-4f;

    private VectorExp() {
    }

    /** {@code e^v} lane by lane. */
    public static FloatVector exp(FloatVector v) {
        FloatVector x = v.max(UNDERFLOW).min(OVERFLOW);
        FloatVector t = x.fma(FloatVector.broadcast(F, LOG2E), FloatVector.broadcast(F, MAGIC));
        FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(F, MINUS_LN2_HI), x);
        r = n.fma(FloatVector.broadcast(F, MINUS_LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(F, 1f / 5040), FloatVector.broadcast(F, 1f / 720));
        p = r.fma(p, FloatVector.broadcast(F, 1f / 120));
        p = r.fma(p, FloatVector.broadcast(F, 1f / 24));
        p = r.fma(p, FloatVector.broadcast(F, 1f / 6));
        p = r.fma(p, FloatVector.broadcast(F, 1f / 2));
        p = r.fma(p, FloatVector.broadcast(F, 1f));
        p = r.fma(p, FloatVector.broadcast(F, 1f));
        IntVector ni = t.reinterpretAsInts().sub(MAGIC_BITS);
        IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
        FloatVector scale1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector scale2 = ni.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector e = p.mul(scale1).mul(scale2);
        e = e.blend(0f, v.compare(VectorOperators.LT, UNDERFLOW));
        return e.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.GT, OVERFLOW));
    }

    /** {@code out[i] = e^a[i]}; the tail beyond the last full vector through {@code Math.exp}. */
    public static void exp(float[] a, int aOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            exp(FloatVector.fromArray(F, a, aOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = (float) Math.exp(a[aOff + i]);
    }
}
