package io.cornu.engine.layers.rnn;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.cornu.engine.layers.rnn.LSTMTest.assertClose;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code recurrent_dropout}, Keras' implementation 1: one mask per gate on the state in the
 * recurrent products (and, with {@code dropout}, one per gate on the inputs), fixed over the
 * sequence; the carry and the GRU's blend use the undropped state. Checked against the cell
 * written out by hand with the same masks, and by finite differences.
 */
class RecurrentDropoutTest {
    private static final long SEED = 77;

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(1);
    }

    /** The masks the layer draws after {@code RandomSeed.set(SEED)}: input masks per gate (if any), then recurrent ones. */
    private static List<Tensor[]> masks(int gates, int batch, int features, int units, double dropout, double recurrentDropout) {
        RandomSeed.set(SEED);
        SplittableRandom gen = RandomSeed.next();
        Tensor[] in = null, rec = new Tensor[gates];
        if (dropout > 0) {
            in = new Tensor[gates];
            for (int g = 0; g < gates; g++) in[g] = Ops.dropout(Tensor.ones(batch, features), (float) dropout, null, gen);
        }
        for (int g = 0; g < gates; g++) rec[g] = Ops.dropout(Tensor.ones(batch, units), (float) recurrentDropout, null, gen);
        List<Tensor[]> out = new ArrayList<>();
        out.add(in);
        out.add(rec);
        return out;
    }

    private static Tensor step(Tensor x, int t) {
        return Ops.reshape(Ops.slice(x, new int[] {0, t, 0}, new int[] {x.dim(0), 1, x.dim(2)}), x.dim(0), x.dim(2));
    }

    private static Tensor block(Tensor w, int g, int u) {
        return Ops.slice(w, new int[] {0, g * u}, new int[] {w.dim(0), u});
    }

    private static Tensor train(BaseRNN<?> layer, Tensor x) {
        RandomSeed.set(SEED);
        return layer.apply(x, true);
    }

    @Test
    void lstmUsesOneMaskPerGate() {
        int b = 3, t = 5, in = 4, u = 3;
        LSTM l = new LSTM(u).dropout(0.3).recurrentDropout(0.4).returnSequences(true);
        Tensor x = random(1, b, t, in);
        l.apply(x);
        Tensor y = train(l, x);
        List<Tensor[]> m = masks(4, b, in, u, 0.3, 0.4);
        Tensor h = Tensor.zeros(b, u), c = Tensor.zeros(b, u);
        for (int s = 0; s < t; s++) {
            Tensor xt = step(x, s);
            Tensor[] z = new Tensor[4];
            for (int g = 0; g < 4; g++) {
                z[g] = Ops.add(Ops.add(Ops.matmul(Ops.mul(xt, m.get(0)[g]), block(l.kernel(), g, u)),
                        Ops.matmul(Ops.mul(h, m.get(1)[g]), block(l.recurrentKernel(), g, u))),
                        Ops.slice(l.bias(), new int[] {g * u}, new int[] {u}));
            }
            c = Ops.add(Ops.mul(Ops.sigmoid(z[1]), c), Ops.mul(Ops.sigmoid(z[0]), Ops.tanh(z[2])));
            h = Ops.mul(Ops.sigmoid(z[3]), Ops.tanh(c));
            assertClose(h, step(y, s), 1e-5);
        }
        // inference ignores both dropouts
        LSTM plain = new LSTM(u).returnSequences(true);
        plain.apply(x);
        plain.setWeights(l.getWeights());
        assertClose(plain.apply(x), l.apply(x, false), 0);
        assertFalse(java.util.Arrays.equals(plain.apply(x).toFloatArray(), y.toFloatArray()));
    }

    @Test
    void gruMasksTheRecurrentProductsButNotTheBlend() {
        int b = 2, t = 4, in = 3, u = 3;
        for (boolean resetAfter : new boolean[] {true, false}) {
            GRU l = new GRU(u).resetAfter(resetAfter).recurrentDropout(0.5).returnSequences(true);
            Tensor x = random(2, b, t, in);
            l.apply(x);
            Tensor y = train(l, x);
            List<Tensor[]> m = masks(3, b, in, u, 0, 0.5);
            Tensor h = Tensor.zeros(b, u);
            Tensor bias = l.bias();
            for (int s = 0; s < t; s++) {
                Tensor xt = step(x, s);
                Tensor[] xg = new Tensor[3], rg = new Tensor[3];
                for (int g = 0; g < 3; g++) {
                    Tensor ib = resetAfter ? Ops.slice(bias, new int[] {0, g * u}, new int[] {1, u}) : Ops.slice(bias, new int[] {g * u}, new int[] {u});
                    xg[g] = Ops.add(Ops.matmul(xt, block(l.kernel(), g, u)), Ops.reshape(ib, u));
                    rg[g] = Ops.matmul(Ops.mul(h, m.get(1)[g]), block(l.recurrentKernel(), g, u));
                    if (resetAfter) rg[g] = Ops.add(rg[g], Ops.reshape(Ops.slice(bias, new int[] {1, g * u}, new int[] {1, u}), u));
                }
                Tensor z = Ops.sigmoid(Ops.add(xg[0], rg[0])), r = Ops.sigmoid(Ops.add(xg[1], rg[1]));
                Tensor hh = resetAfter
                        ? Ops.tanh(Ops.add(xg[2], Ops.mul(r, rg[2])))
                        : Ops.tanh(Ops.add(xg[2], Ops.matmul(Ops.mul(r, Ops.mul(h, m.get(1)[2])), block(l.recurrentKernel(), 2, u))));
                h = Ops.add(Ops.mul(z, h), Ops.mul(Ops.sub(Tensor.scalar(1f), z), hh));
                assertClose(h, step(y, s), 1e-5);
            }
        }
    }

    @Test
    void simpleRnnHasOneMask() {
        int b = 2, t = 4, in = 3, u = 2;
        SimpleRNN l = new SimpleRNN(u).dropout(0.2).recurrentDropout(0.5).returnSequences(true);
        Tensor x = random(3, b, t, in);
        l.apply(x);
        Tensor y = train(l, x);
        List<Tensor[]> m = masks(1, b, in, u, 0.2, 0.5);
        Tensor h = Tensor.zeros(b, u);
        for (int s = 0; s < t; s++) {
            h = Ops.tanh(Ops.add(Ops.add(Ops.matmul(Ops.mul(step(x, s), m.get(0)[0]), l.kernel()),
                    Ops.matmul(Ops.mul(h, m.get(1)[0]), l.recurrentKernel())), l.bias()));
            assertClose(h, step(y, s), 1e-5);
        }
    }

    @Test
    void gradientsWithFixedMasks() {
        for (BaseRNN<?> l : List.of(new LSTM(3).dropout(0.25).recurrentDropout(0.5), new GRU(3).recurrentDropout(0.5).returnSequences(true))) {
            Tensor x = random(4, 2, 4, 3);
            l.apply(x);
            List<Tensor> sources = new ArrayList<>();
            sources.add(x);
            sources.addAll(l.trainableWeights());
            GradCheck.check(xs -> train(l, xs.get(0)), 1e-2, sources.toArray(new Tensor[0]));
        }
    }
}
