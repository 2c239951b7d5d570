package io.cornu.engine.layers.rnn;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Gradients of the fused recurrent op against central finite differences, on tiny sizes, with
 * masking (holes, leading and trailing padding), go_backwards, initial states and every output
 * (sequence and final states) at once; and the fused op against the step-by-step ops path for
 * activations the PyTorch fixtures do not cover.
 */
class RecurrentGradientTest {
    private static final float[][] MASK = {{1, 0, 1, 1}, {0, 0, 1, 1}, {1, 1, 1, 0}};

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(21);
    }

    static BaseRNN<?> make(String kind) {
        return switch (kind) {
            case "simple" -> new SimpleRNN(3);
            case "lstm" -> new LSTM(3);
            case "gru" -> new GRU(3);
            case "gru_reset_before" -> new GRU(3).resetAfter(false);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** All outputs of the layer flattened into one vector. */
    static Tensor run(BaseRNN<?> layer, Tensor x, Tensor mask, List<Tensor> init) {
        Tensor xi = x;
        if (mask != null) {
            xi = Ops.reshape(x, x.dims());
            xi.setKerasMask(mask);
        }
        List<Tensor> in = new ArrayList<>();
        in.add(xi);
        in.addAll(init);
        List<Tensor> flat = new ArrayList<>();
        for (Tensor t : layer.applyEager(in, false)) flat.add(Ops.reshape(t, -1));
        return Ops.concatenate(flat, 0);
    }

    private static void check(BaseRNN<?> layer, boolean masked, boolean withState) {
        Tensor x = random(1, 3, 4, 2);
        Tensor mask = masked ? Tensor.of(MASK) : null;
        List<Tensor> init = new ArrayList<>();
        if (withState) for (int i = 0; i < layer.stateCount(); i++) init.add(Ops.mul(random(2 + i, 3, 3), 0.5f));
        run(layer, x, mask, init); // build
        List<Tensor> sources = new ArrayList<>();
        sources.add(x);
        sources.addAll(layer.trainableWeights());
        sources.addAll(init);
        int nw = layer.trainableWeights().size();
        GradCheck.check(xs -> run(layer, xs.get(0), mask, xs.subList(1 + nw, xs.size())), 1e-2, sources.toArray(new Tensor[0]));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "lstm", "gru", "gru_reset_before"})
    void maskedBackwardsWithInitialStates(String kind) {
        check(make(kind).returnSequences(true).returnState(true).goBackwards(true), true, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "lstm", "gru", "gru_reset_before"})
    void maskedForwardZeroOutputs(String kind) {
        check(make(kind).returnSequences(true).returnState(true).zeroOutputForMask(true), true, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "lstm", "gru", "gru_reset_before"})
    void lastOutputOnly(String kind) {
        check(make(kind), false, true);
    }

    @Test
    void withoutBias() {
        check(new LSTM(3).useBias(false).returnSequences(true), true, false);
        check(new GRU(3).useBias(false).returnState(true), false, true);
    }

    /** Fused vs ops: outputs and all gradients agree for the activations the fused kernel computes generically. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "lstm", "gru", "gru_reset_before"})
    void fusedEqualsStepByStepForOtherActivations(String kind) {
        String[][] pairs = {{"relu", "hard_sigmoid"}, {"linear", "sigmoid"}, {"tanh", "hard_sigmoid"}, {"sigmoid", "linear"}};
        for (String[] p : pairs) {
            Supplier<BaseRNN<?>> factory = () -> {
                BaseRNN<?> l = make(kind).returnSequences(true).returnState(true).activation(p[0]);
                if (l instanceof LSTM lstm) lstm.recurrentActivation(p[1]);
                if (l instanceof GRU gru) gru.recurrentActivation(p[1]);
                return l;
            };
            BaseRNN<?> fused = factory.get(), ops = factory.get().useFusedKernel(false);
            compare(fused, ops, kind + " " + p[0] + "/" + p[1]);
        }
    }

    /** An activation the fused kernel does not know runs on the ops path, and its gradient is right. */
    @Test
    void customActivationUsesTheOpsPath() {
        Activation softsign = Activation.named("softsign", Ops::softsign);
        check(new LSTM(3).activation(softsign).returnSequences(true), true, true);
        check(new GRU(3).activation(softsign).returnState(true), false, false);
    }

    private static void compare(BaseRNN<?> fused, BaseRNN<?> ops, String what) {
        Tensor x = random(31, 3, 4, 2);
        Tensor mask = Tensor.of(MASK);
        List<Tensor> init = new ArrayList<>();
        for (int i = 0; i < fused.stateCount(); i++) init.add(random(40 + i, 3, 3));
        run(fused, x, mask, init);
        run(ops, x, mask, init);
        ops.setWeights(fused.getWeights());
        Tensor w = random(50, run(fused, x, mask, init).dims());
        List<Tensor> gf = grads(fused, x, mask, init, w), go = grads(ops, x, mask, init, w);
        Tensor yf = run(fused, x, mask, init), yo = run(ops, x, mask, init);
        LSTMTest.assertClose(yo, yf, 1e-5);
        for (int i = 0; i < gf.size(); i++) {
            assertNotNull(gf.get(i), what + ": gradient " + i);
            assertEquals(go.get(i).shape(), gf.get(i).shape(), what);
            LSTMTest.assertClose(go.get(i), gf.get(i), 1e-4);
        }
    }

    private static List<Tensor> grads(BaseRNN<?> layer, Tensor x, Tensor mask, List<Tensor> init, Tensor w) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            init.forEach(tape::watch);
            Tensor loss = Ops.sum(Ops.mul(run(layer, x, mask, init), w));
            List<Tensor> sources = new ArrayList<>();
            sources.add(x);
            sources.addAll(layer.trainableWeights());
            sources.addAll(init);
            return tape.gradient(loss, sources);
        }
    }
}
