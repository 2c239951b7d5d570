package io.cornu.engine.layers.rnn;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LSTMTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(3);
    }

    static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertArrayEquals(expected.dims(), actual.dims(), "shape");
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], tol * (1 + Math.abs(e[i])), "at " + i);
    }

    /** The sequence {@code (batch, time, ...)} reversed in time. */
    static Tensor reverseTime(Tensor x) {
        int t = x.dim(1);
        int[] idx = new int[t];
        for (int i = 0; i < t; i++) idx[i] = t - 1 - i;
        return Ops.take(x, Tensor.wrap(idx, t), 1);
    }

    @Test
    void layerContract() {
        LayerTestCase.of(() -> new LSTM(3))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 3)
                .expectedWeights("lstm_cell/kernel", "lstm_cell/recurrent_kernel", "lstm_cell/bias")
                .supportsMasking(true)
                .passesMaskThrough(false)
                .gradCheck()
                .run();
        LayerTestCase.of(() -> new LSTM(3).returnSequences(true).goBackwards(true))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 5, 3)
                .expectedWeights("lstm_cell/kernel", "lstm_cell/recurrent_kernel", "lstm_cell/bias")
                .supportsMasking(true)
                .gradCheck()
                .run();
    }

    @Test
    void kerasWeightShapesAndInitialValues() {
        LSTM l = new LSTM(32);
        l.apply(Input.of(Shape.of(Shape.NONE, 16), null));
        assertEquals(Shape.of(16, 128), l.kernel().shape());
        assertEquals(Shape.of(32, 128), l.recurrentKernel().shape());
        assertEquals(Shape.of(128), l.bias().shape());
        assertEquals(4 * (16 * 32 + 32 * 32 + 32), l.countParams());
        assertEquals(List.of("lstm/lstm_cell/kernel", "lstm/lstm_cell/recurrent_kernel", "lstm/lstm_cell/bias"),
                l.weights().stream().map(Variable::name).toList());
        // unit_forget_bias: the forget block starts at one, the others at zero
        float[] b = l.bias().toFloatArray();
        for (int j = 0; j < 128; j++) assertEquals(j >= 32 && j < 64 ? 1f : 0f, b[j], "bias " + j);
        // orthogonal recurrent kernel: (32, 128) has orthonormal rows
        float[] r = l.recurrentKernel().toFloatArray();
        for (int i = 0; i < 32; i++) {
            for (int k = 0; k < 32; k++) {
                double dot = 0;
                for (int j = 0; j < 128; j++) dot += (double) r[i * 128 + j] * r[k * 128 + j];
                assertEquals(i == k ? 1.0 : 0.0, dot, 1e-5, "row " + i + " . row " + k);
            }
        }
        // glorot uniform kernel within sqrt(6 / (16 + 128))
        double limit = Math.sqrt(6.0 / (16 + 128));
        for (float v : l.kernel().toFloatArray()) assertTrue(Math.abs(v) <= limit);
        assertFalse(new LSTM(4).unitForgetBias(false).apply(Tensor.ones(1, 2, 3)).toFloatArray().length == 0);
    }

    @Test
    void noForgetBiasAndNoBias() {
        LSTM l = new LSTM(2).unitForgetBias(false);
        l.apply(Tensor.ones(1, 3, 2));
        for (float v : l.bias().toFloatArray()) assertEquals(0f, v);
        LSTM n = new LSTM(2).useBias(false);
        n.apply(Tensor.ones(1, 3, 2));
        assertNull(n.bias());
        assertEquals(2, n.weights().size());
        assertEquals(2 * 8 + 2 * 8, n.countParams());
    }

    @Test
    void returnStateGivesOutputAndBothStates() {
        LSTM l = new LSTM(4).returnSequences(true).returnState(true);
        KerasTensor in = Input.of(Shape.of(Shape.NONE, 3), null);
        List<KerasTensor> out = l.applyMulti(List.of(in));
        assertEquals(3, out.size());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 4), out.get(0).shape());
        assertEquals(Shape.of(Shape.NONE, 4), out.get(1).shape());
        assertEquals(Shape.of(Shape.NONE, 4), out.get(2).shape());
        Tensor x = random(1, 2, 6, 3);
        List<Tensor> y = l.applyEager(List.of(x), false);
        // the final h is the last output
        assertClose(Ops.reshape(Ops.slice(y.get(0), new int[] {0, 5, 0}, new int[] {2, 1, 4}), 2, 4), y.get(1), 0);
        // and the last-output-only layer with the same weights agrees
        LSTM last = new LSTM(4);
        last.apply(x);
        last.setWeights(l.getWeights());
        assertClose(y.get(1), last.apply(x), 1e-6);
    }

    @Test
    void initialStateIsUsedAndDefaultsToZeros() {
        LSTM l = new LSTM(3).returnState(true);
        Tensor x = random(2, 2, 4, 5);
        List<Tensor> zeros = l.applyWithState(x, List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 3)), false);
        List<Tensor> plain = l.applyEager(List.of(x), false);
        for (int i = 0; i < 3; i++) assertClose(plain.get(i), zeros.get(i), 0);
        List<Tensor> other = l.applyWithState(x, List.of(random(3, 2, 3), random(4, 2, 3)), false);
        assertFalse(java.util.Arrays.equals(plain.get(0).toFloatArray(), other.get(0).toFloatArray()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.applyWithState(x, List.of(Tensor.zeros(2, 3)), false));
        assertTrue(e.getMessage().contains("expects 2 initial state tensor(s)"), e.getMessage());
    }

    @Test
    void symbolicInitialStatesFromAnotherLstm() {
        // encoder-decoder: the decoder starts from the encoder's final states
        KerasTensor enc = Input.of(Shape.of(Shape.NONE, 8), "encoder_in");
        KerasTensor dec = Input.of(Shape.of(Shape.NONE, 6), "decoder_in");
        List<KerasTensor> encOut = new LSTM(16).returnState(true).applyMulti(List.of(enc));
        LSTM decoder = new LSTM(16).returnSequences(true);
        KerasTensor y = decoder.applyWithState(dec, encOut.subList(1, 3)).get(0);
        Functional m = new Functional(List.of(enc, dec), List.of(y), "seq2seq");
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 16), y.shape());
        String text = m.summaryText();
        assertTrue(text.contains("'lstm[0][1]',") && text.contains("'lstm[0][2]']"), text);
        Tensor out = m.applyEager(List.of(random(5, 2, 7, 8), random(6, 2, 3, 6)), false).get(0);
        assertArrayEquals(new int[] {2, 3, 16}, out.dims());
    }

    @Test
    void goBackwardsReadsTheReversedSequenceAndReturnsItInProcessingOrder() {
        Tensor x = random(7, 3, 6, 4);
        LSTM fwd = new LSTM(5).returnSequences(true);
        LSTM back = new LSTM(5).returnSequences(true).goBackwards(true);
        fwd.apply(x);
        back.apply(x);
        back.setWeights(fwd.getWeights());
        assertClose(fwd.apply(reverseTime(x)), back.apply(x), 1e-6);
    }

    @Test
    void variableSequenceLength() {
        LSTM l = new LSTM(3);
        KerasTensor out = l.apply(Input.of(Shape.of(Shape.NONE, 2), null));
        assertEquals(Shape.of(Shape.NONE, 3), out.shape());
        assertArrayEquals(new int[] {4, 3}, l.apply(Tensor.ones(4, 5, 2)).dims());
        assertArrayEquals(new int[] {1, 3}, l.apply(Tensor.ones(1, 11, 2)).dims());
    }

    @Test
    void maskedStepsKeepTheStateSoPaddingChangesNothing() {
        // right-padded ids: the LSTM over the masked batch equals the LSTM over each unpadded prefix
        Embedding emb = new Embedding(20, 4, true);
        LSTM l = new LSTM(3).returnSequences(true);
        Tensor ids = Tensor.ofInts(new int[][] {{5, 3, 9, 0, 0}, {7, 0, 0, 0, 0}, {1, 2, 3, 4, 6}});
        Tensor seq = l.apply(emb.apply(ids));
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1}, seq.kerasMask().toFloatArray(),
                "return_sequences keeps the mask");
        int[] lengths = {3, 1, 5};
        for (int b = 0; b < 3; b++) {
            int[] prefix = new int[lengths[b]];
            for (int t = 0; t < prefix.length; t++) prefix[t] = (int) ids.getLong(b, t);
            Tensor alone = l.apply(emb.apply(Tensor.wrap(prefix, 1, prefix.length)));
            for (int t = 0; t < 5; t++) {
                int src = Math.min(t, lengths[b] - 1); // masked steps repeat the previous output
                for (int j = 0; j < 3; j++) assertEquals(alone.get(0, src, j), seq.get(b, t, j), 1e-6, "b" + b + " t" + t);
            }
        }
        // the last output comes without a mask
        LSTM last = new LSTM(3);
        assertNull(last.apply(emb.apply(ids)).kerasMask());
    }

    @Test
    void leadingMaskedStepsOutputTheInitialState() {
        LSTM l = new LSTM(2).returnSequences(true);
        Tensor x = random(8, 1, 4, 3);
        Tensor xm = Ops.reshape(x, 1, 4, 3);
        xm.setKerasMask(Tensor.of(new float[][] {{0, 0, 1, 1}}));
        Tensor h0 = Tensor.of(new float[][] {{0.25f, -0.5f}});
        Tensor y = l.applyWithState(xm, List.of(h0, Tensor.zeros(1, 2)), false).get(0);
        for (int t = 0; t < 2; t++) {
            assertEquals(0.25f, y.get(0, t, 0));
            assertEquals(-0.5f, y.get(0, t, 1));
        }
    }

    @Test
    void dropoutOnlyInTrainingAndReproducibleWithASeed() {
        Tensor x = random(9, 4, 5, 6);
        LSTM a = new LSTM(3).dropout(0.5).seed(11L);
        Tensor inference = a.apply(x, false);
        Tensor train = a.apply(x, true);
        assertFalse(java.util.Arrays.equals(inference.toFloatArray(), train.toFloatArray()));
        LSTM noDrop = new LSTM(3);
        noDrop.apply(x);
        noDrop.setWeights(a.getWeights());
        assertClose(noDrop.apply(x), inference, 0);
        LSTM b = new LSTM(3).dropout(0.5).seed(11L);
        b.apply(x);
        b.setWeights(a.getWeights());
        LSTM c = new LSTM(3).dropout(0.5).seed(11L);
        c.apply(x);
        c.setWeights(a.getWeights());
        assertClose(b.apply(x, true), c.apply(x, true), 0);
    }

    @Test
    void kerasArgumentErrors() {
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> new LSTM(0));
        assertTrue(units.getMessage().contains("Received: units=0"), units.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> new LSTM(2, "lstm_layer").apply(Input.of(8)));
        assertEquals("Input 0 of layer \"lstm_layer\" is incompatible with the layer: expected ndim=3, found ndim=2. "
                + "Full shape received: (None, 8)", rank.getMessage());
        LSTM l = new LSTM(2, "lstm_2d");
        l.apply(Input.of(Shape.of(5, 4), null));
        IllegalArgumentException axis = assertThrows(IllegalArgumentException.class, () -> l.apply(Input.of(Shape.of(5, 3), null)));
        assertEquals("Input 0 of layer \"lstm_2d\" is incompatible with the layer: expected axis -1 of input shape to have value 4, "
                + "but received input with shape (None, 5, 3)", axis.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> new LSTM(2).stateful(true));
        LSTM built = new LSTM(2);
        built.apply(Tensor.ones(1, 2, 2));
        assertThrows(IllegalStateException.class, () -> built.returnSequences(true));
    }

    @Test
    void configHasKerasKeys() {
        Map<String, Object> c = new LSTM(7).returnSequences(true).getConfig();
        assertEquals(7, c.get("units"));
        assertEquals("tanh", c.get("activation"));
        assertEquals("sigmoid", c.get("recurrent_activation"));
        assertEquals(true, c.get("unit_forget_bias"));
        assertEquals(true, c.get("return_sequences"));
        assertEquals(false, c.get("go_backwards"));
        assertEquals(java.util.Map.of("class_name", "GlorotUniform", "config", java.util.Collections.singletonMap("seed", null)), c.get("kernel_initializer"));
        Map<String, Object> orthogonal = new java.util.HashMap<>();
        orthogonal.put("gain", 1.0);
        orthogonal.put("seed", null);
        assertEquals(Map.of("class_name", "Orthogonal", "config", orthogonal), c.get("recurrent_initializer"));
        assertEquals(java.util.Map.of("class_name", "Zeros", "config", java.util.Map.of()), c.get("bias_initializer"));
        assertEquals(0.0, c.get("dropout"));
        LSTM copy = LSTM.fromConfig(new LSTM(5).activation("relu").recurrentActivation("hard_sigmoid").goBackwards(true).getConfig());
        assertEquals("relu", copy.activation().name());
        assertEquals("hard_sigmoid", copy.recurrentActivation().name());
        assertTrue(copy.goBackwards());
    }
}
