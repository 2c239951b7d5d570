package io.cornu.engine.layers.rnn;

import io.cornu.engine.kernels.VectorExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API forms of the gate activations and the LSTM's default (sigmoid, tanh) step, forward
 * and backward; loaded only when the incubator module is present.
 *
 * <p>{@code sigmoid(x) = 1 / (1 + exp(-x))} and a rational {@code tanh}, both from arithmetic only
 * (see {@link VectorExp}): the JDK's vector {@code TANH} is not intrinsified on JDK 17 and costs about
 * three times as much, and its vector {@code EXP} rounds differently once JIT-compiled, which would
 * make runs unrepeatable. Both are within a few float ulps.
 */
final class VectorMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private static final FloatVector A1 = FloatVector.broadcast(F, 4.89352455891786e-03f);
    private static final FloatVector A3 = FloatVector.broadcast(F, 6.37261928875436e-04f);
    private static final FloatVector A5 = FloatVector.broadcast(F, 1.48572235717979e-05f);
    private static final FloatVector A7 = FloatVector.broadcast(F, 5.12229709037114e-08f);
    private static final FloatVector A9 = FloatVector.broadcast(F, -8.60467152213735e-11f);
    private static final FloatVector A11 = FloatVector.broadcast(F, 2.00018790482477e-13f);
    private static final FloatVector A13 = FloatVector.broadcast(F, -2.76076847742355e-16f);
    private static final FloatVector B0 = FloatVector.broadcast(F, 4.89352518554385e-03f);
    private static final FloatVector B2 = FloatVector.broadcast(F, 2.26843463243900e-03f);
    private static final FloatVector B4 = FloatVector.broadcast(F, 1.18534705686654e-04f);
    private static final FloatVector B6 = FloatVector.broadcast(F, 1.19825839466702e-06f);
    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);

    private VectorMath() {
    }

    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(VectorExp.exp(x.neg()).add(ONE));
    }

    /**
     * {@code tanh(x)} as the odd rational function {@code x P(x^2) / Q(x^2)} (degrees 13 and 6, the
     * minimax coefficients Eigen uses) on {@code x} clamped to {@code [-7.905, 7.905]}: within 3e-7
     * relative of {@code Math.tanh} everywhere, with no branch, blend or exponential.
     */
    static FloatVector tanh(FloatVector v) {
        FloatVector x = v.max(-7.90531110763549805f).min(7.90531110763549805f);
        FloatVector x2 = x.mul(x);
        FloatVector p = x2.fma(A13, A11);
        p = x2.fma(p, A9);
        p = x2.fma(p, A7);
        p = x2.fma(p, A5);
        p = x2.fma(p, A3);
        p = x2.fma(p, A1);
        FloatVector q = x2.fma(B6, B4);
        q = x2.fma(q, B2);
        q = x2.fma(q, B0);
        return p.mul(x).div(q);
    }

    static void tanh(float[] a, int off, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) tanh(FloatVector.fromArray(F, a, off + i)).intoArray(a, off + i);
        for (; i < n; i++) a[off + i] = (float) Math.tanh(a[off + i]);
    }


    static void sigmoid(float[] a, int off, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) sigmoid(FloatVector.fromArray(F, a, off + i)).intoArray(a, off + i);
        for (; i < n; i++) a[off + i] = (float) (1.0 / (1.0 + Math.exp(-a[off + i])));
    }

    /** {@code a[i] += b[i]}. */
    static void add(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, ao + i).add(FloatVector.fromArray(F, b, bo + i)).intoArray(a, ao + i);
        }
        for (; i < n; i++) a[ao + i] += b[bo + i];
    }

    /**
     * One LSTM step for one batch row with sigmoid gates and tanh: the pre-activations
     * {@code acts[row .. row + 4u)} (plus {@code bias}) become the gates i, f, g, o in place; then
     * {@code c = f * c + i * g}, {@code actC = tanh(c)}, {@code h = o * actC}, also written to
     * {@code out}. Written as several short loops: one long loop body of vector operations
     * exceeds the JIT's inlining budget and falls back to the slow non-intrinsic code.
     */
    static void lstmForward(float[] acts, int row, float[] bias, float[] c, int cb, float[] actC, int so,
                            float[] h, float[] out, int oo, int u) {
        if (bias != null) add(acts, row, bias, 0, 4 * u);
        sigmoid(acts, row, 2 * u);
        tanh(acts, row + 2 * u, u);
        sigmoid(acts, row + 3 * u, u);
        carry(acts, row, c, cb, actC, so, u);
        tanh(actC, so, u);
        output(acts, row + 3 * u, actC, so, h, cb, out, oo, u);
    }

    /** {@code c = f * c + i * g}, also copied to {@code actC}. */
    private static void carry(float[] acts, int row, float[] c, int cb, float[] actC, int so, int u) {
        int j = 0;
        for (int bound = F.loopBound(u); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(F, acts, row + j), f = FloatVector.fromArray(F, acts, row + u + j);
            FloatVector g = FloatVector.fromArray(F, acts, row + 2 * u + j);
            FloatVector cn = f.fma(FloatVector.fromArray(F, c, cb + j), i.mul(g));
            cn.intoArray(c, cb + j);
            cn.intoArray(actC, so + j);
        }
        for (; j < u; j++) {
            float cn = acts[row + u + j] * c[cb + j] + acts[row + j] * acts[row + 2 * u + j];
            c[cb + j] = cn;
            actC[so + j] = cn;
        }
    }

    /** {@code h = o * actC}, also written to {@code out}. */
    private static void output(float[] o, int oOff, float[] actC, int so, float[] h, int hb, float[] out, int oo, int u) {
        int j = 0;
        for (int bound = F.loopBound(u); j < bound; j += L) {
            FloatVector hn = FloatVector.fromArray(F, o, oOff + j).mul(FloatVector.fromArray(F, actC, so + j));
            hn.intoArray(h, hb + j);
            hn.intoArray(out, oo + j);
        }
        for (; j < u; j++) {
            float hn = o[oOff + j] * actC[so + j];
            h[hb + j] = hn;
            out[oo + j] = hn;
        }
    }

    /**
     * The gradient of {@link #lstmForward} for one batch row: from {@code gh = dh + gOut} and the
     * carry's gradient {@code dc}, the pre-activation gradients {@code dz[dzo .. dzo + 4u)}; {@code dc}
     * becomes the previous carry's gradient and {@code dh} is cleared (the recurrent product adds
     * the previous state's gradient afterwards). {@code gh} is scratch of {@code u} floats.
     */
    static void lstmBackward(float[] acts, int row, float[] actC, float[] cPrev, int so, float[] gOut, int go,
                             float[] dh, float[] dc, int hb, float[] dz, int dzo, float[] gh, int u) {
        outputGate(acts, row + 3 * u, actC, so, gOut, go, dh, hb, dc, gh, dz, dzo + 3 * u, u);
        inputForget(acts, row, cPrev, so, dc, hb, dz, dzo, u);
        candidate(acts, row, dc, hb, dz, dzo + 2 * u, u);
    }

    /** {@code gh = dh + gOut} (dh cleared); {@code dc += gh * o * (1 - tc^2)}; {@code dz_o = gh * tc * o (1 - o)}. */
    private static void outputGate(float[] o, int oOff, float[] actC, int so, float[] gOut, int go, float[] dh, int hb,
                                   float[] dc, float[] gh, float[] dzo, int dzOff, int u) {
        int j = 0;
        FloatVector one = ONE, zero = FloatVector.zero(F);
        for (int bound = F.loopBound(u); j < bound; j += L) {
            FloatVector g = FloatVector.fromArray(F, dh, hb + j).add(FloatVector.fromArray(F, gOut, go + j));
            zero.intoArray(dh, hb + j);
            FloatVector ov = FloatVector.fromArray(F, o, oOff + j), tc = FloatVector.fromArray(F, actC, so + j);
            FloatVector go2 = g.mul(ov);
            go2.mul(one.sub(tc.mul(tc))).add(FloatVector.fromArray(F, dc, hb + j)).intoArray(dc, hb + j);
            g.mul(tc).mul(ov.mul(one.sub(ov))).intoArray(dzo, dzOff + j);
        }
        for (; j < u; j++) {
            float g = dh[hb + j] + gOut[go + j];
            dh[hb + j] = 0f;
            float ov = o[oOff + j], tc = actC[so + j];
            dc[hb + j] += g * ov * (1f - tc * tc);
            dzo[dzOff + j] = g * tc * ov * (1f - ov);
        }
    }

    /** {@code dz_i = dc * g * i (1 - i)}, {@code dz_f = dc * c_prev * f (1 - f)}. */
    private static void inputForget(float[] acts, int row, float[] cPrev, int so, float[] dc, int hb, float[] dz, int dzo, int u) {
        int j = 0;
        FloatVector one = ONE;
        for (int bound = F.loopBound(u); j < bound; j += L) {
            FloatVector d = FloatVector.fromArray(F, dc, hb + j);
            FloatVector i = FloatVector.fromArray(F, acts, row + j), f = FloatVector.fromArray(F, acts, row + u + j);
            FloatVector g = FloatVector.fromArray(F, acts, row + 2 * u + j);
            d.mul(g).mul(i.mul(one.sub(i))).intoArray(dz, dzo + j);
            d.mul(FloatVector.fromArray(F, cPrev, so + j)).mul(f.mul(one.sub(f))).intoArray(dz, dzo + u + j);
        }
        for (; j < u; j++) {
            float d = dc[hb + j], i = acts[row + j], f = acts[row + u + j];
            dz[dzo + j] = d * acts[row + 2 * u + j] * i * (1f - i);
            dz[dzo + u + j] = d * cPrev[so + j] * f * (1f - f);
        }
    }

    /** {@code dz_g = dc * i * (1 - g^2)}; then {@code dc *= f}, the previous carry's gradient. */
    private static void candidate(float[] acts, int row, float[] dc, int hb, float[] dzg, int dzOff, int u) {
        int j = 0;
        FloatVector one = ONE;
        for (int bound = F.loopBound(u); j < bound; j += L) {
            FloatVector d = FloatVector.fromArray(F, dc, hb + j);
            FloatVector i = FloatVector.fromArray(F, acts, row + j), f = FloatVector.fromArray(F, acts, row + u + j);
            FloatVector g = FloatVector.fromArray(F, acts, row + 2 * u + j);
            d.mul(i).mul(one.sub(g.mul(g))).intoArray(dzg, dzOff + j);
            d.mul(f).intoArray(dc, hb + j);
        }
        for (; j < u; j++) {
            float d = dc[hb + j], g = acts[row + 2 * u + j];
            dzg[dzOff + j] = d * acts[row + j] * (1f - g * g);
            dc[hb + j] = d * acts[row + u + j];
        }
    }
}
