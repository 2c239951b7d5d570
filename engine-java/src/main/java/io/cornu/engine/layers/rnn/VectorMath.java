package io.cornu.engine.layers.rnn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API forms of the gate activations; loaded only when the incubator module is present. */
final class VectorMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private VectorMath() {
    }

    static void tanh(float[] a, int off, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, a, off + i).lanewise(VectorOperators.TANH).intoArray(a, off + i);
        }
        for (; i < n; i++) a[off + i] = (float) Math.tanh(a[off + i]);
    }

    /** {@code 1 / (1 + exp(-x))}; {@code exp} overflows to infinity for very negative x, giving 0. */
    static void sigmoid(float[] a, int off, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(F, a, off + i).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(a, off + i);
        }
        for (; i < n; i++) a[off + i] = (float) (1.0 / (1.0 + Math.exp(-a[off + i])));
    }
}
