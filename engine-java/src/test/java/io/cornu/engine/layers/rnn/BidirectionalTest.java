package io.cornu.engine.layers.rnn;

import com.google.gson.JsonObject;
import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cornu.engine.layers.rnn.LSTMTest.assertClose;
import static io.cornu.engine.layers.rnn.LSTMTest.reverseTime;
import static io.cornu.engine.layers.rnn.RecurrentFixtures.assertClose;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidirectionalTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(13);
    }

    @Test
    void layerContract() {
        LayerTestCase.of(() -> new Bidirectional(new LSTM(3)))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 6)
                .expectedTrainableWeights(6)
                .supportsMasking(true)
                .passesMaskThrough(false)
                .gradCheck()
                .run();
        LayerTestCase.of(() -> new Bidirectional(new GRU(3).returnSequences(true), "sum"))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 5, 3)
                .expectedTrainableWeights(6)
                .supportsMasking(true)
                .gradCheck()
                .run();
    }

    @Test
    void forwardAndBackwardCopiesWithKerasNames() {
        LSTM inner = new LSTM(4);
        Bidirectional bi = new Bidirectional(inner);
        assertEquals("lstm", inner.name());
        assertEquals("bidirectional", bi.name());
        assertEquals("forward_lstm", bi.forwardLayer().name());
        assertEquals("backward_lstm", bi.backwardLayer().name());
        assertTrue(bi.backwardLayer().goBackwards());
        KerasTensor out = bi.apply(Input.of(Shape.of(Shape.NONE, 8), null));
        assertEquals(Shape.of(Shape.NONE, 8), out.shape());
        assertEquals(2 * 4 * (8 * 4 + 4 * 4 + 4), bi.countParams());
        assertEquals(List.of("forward_lstm/lstm_cell/kernel", "forward_lstm/lstm_cell/recurrent_kernel", "forward_lstm/lstm_cell/bias",
                        "backward_lstm/lstm_cell/kernel", "backward_lstm/lstm_cell/recurrent_kernel", "backward_lstm/lstm_cell/bias"),
                bi.weights().stream().map(Variable::name).toList());
        assertEquals(0, inner.weights().size(), "the wrapped layer itself is never built");
    }

    @Test
    void mergeModesCombineForwardAndFlippedBackwardOutputs() {
        Tensor x = random(1, 2, 5, 3);
        for (String mode : new String[] {"concat", "sum", "mul", "ave"}) {
            Bidirectional bi = new Bidirectional(new GRU(4).returnSequences(true), mode);
            Tensor y = bi.apply(x);
            Tensor f = bi.forwardLayer().apply(x), b = reverseTime(bi.backwardLayer().apply(x));
            Tensor expected = switch (mode) {
                case "concat" -> Ops.concatenate(List.of(f, b), -1);
                case "sum" -> Ops.add(f, b);
                case "mul" -> Ops.mul(f, b);
                default -> Ops.mul(Ops.add(f, b), 0.5f);
            };
            assertClose(expected, y, 1e-6);
        }
        // last outputs: the backward layer's last output is its state after reading the first step
        Bidirectional last = new Bidirectional(new SimpleRNN(2), null);
        List<Tensor> both = last.applyEager(List.of(x), false);
        assertEquals(2, both.size());
        assertClose(last.forwardLayer().apply(x), both.get(0), 0);
        assertClose(last.backwardLayer().apply(x), both.get(1), 0);
        List<KerasTensor> sym = last.applyMulti(List.of(Input.of(Shape.of(5, 3), null)));
        assertEquals(List.of(Shape.of(Shape.NONE, 2), Shape.of(Shape.NONE, 2)), sym.stream().map(KerasTensor::shape).toList());
    }

    @Test
    void matchesPyTorchBidirectionalLstm() {
        JsonObject f = RecurrentFixtures.load("bidirectional_lstm_concat");
        Bidirectional bi = new Bidirectional(new LSTM(3).returnSequences(true).returnState(true));
        Tensor x = RecurrentFixtures.tensor(f.get("x"));
        bi.applyEager(List.of(x), false);
        bi.setWeights(RecurrentFixtures.tensors(f.get("weights")));
        List<Tensor> lossWeights = RecurrentFixtures.tensors(f.get("loss_weights"));
        List<Tensor> out;
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            out = bi.applyEager(List.of(x), false);
            Tensor loss = Tensor.scalar(0f);
            for (int i = 0; i < out.size(); i++) loss = Ops.add(loss, Ops.sum(Ops.mul(out.get(i), lossWeights.get(i))));
            List<Tensor> sources = new ArrayList<>();
            sources.add(x);
            sources.addAll(bi.weights());
            grads = tape.gradient(loss, sources);
        }
        assertEquals(5, out.size(), "[merged sequence, forward h, c, backward h, c]");
        for (int i = 0; i < 5; i++) assertClose("output " + i, out.get(i), f.getAsJsonArray("outputs").get(i));
        assertClose("d/dx", grads.get(0), f.get("grad_x"));
        for (int i = 0; i < 6; i++) assertClose("d/dw" + i, grads.get(1 + i), f.getAsJsonArray("grad_weights").get(i));
    }

    @Test
    void maskedStepsOutputZerosWhenReturningSequences() {
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE), null));
        m.add(new Embedding(10, 3, true));
        m.add(new Bidirectional(new LSTM(2).returnSequences(true)));
        Tensor ids = Tensor.ofInts(new int[][] {{4, 2, 0, 0}, {1, 2, 3, 5}});
        Tensor y = m.predict(ids);
        for (int t = 2; t < 4; t++) for (int j = 0; j < 4; j++) assertEquals(0f, y.get(0, t, j), "padding step " + t);
        assertTrue(Math.abs(y.get(1, 3, 0)) > 0);
        // the backward direction of the padded row starts at its last real step
        Bidirectional bi = (Bidirectional) m.getLayer(1);
        Tensor alone = bi.apply(((Embedding) m.getLayer(0)).apply(Tensor.ofInts(new int[][] {{4, 2}})));
        for (int t = 0; t < 2; t++) for (int j = 0; j < 4; j++) assertEquals(alone.get(0, t, j), y.get(0, t, j), 1e-6);
    }

    @Test
    void initialStatesSplitBetweenTheDirections() {
        Bidirectional bi = new Bidirectional(new GRU(2).returnState(true));
        Tensor x = random(3, 2, 4, 3), h1 = random(4, 2, 2), h2 = random(5, 2, 2);
        List<Tensor> out = bi.applyEager(List.of(x, h1, h2), false);
        assertEquals(3, out.size());
        assertClose(bi.forwardLayer().applyWithState(x, List.of(h1), false).get(1), out.get(1), 0);
        assertClose(bi.backwardLayer().applyWithState(x, List.of(h2), false).get(1), out.get(2), 0);
        assertThrows(IllegalArgumentException.class, () -> bi.applyEager(List.of(x, h1), false));
    }

    @Test
    void kerasErrorsAndSummary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2), "max"));
        assertTrue(e.getMessage().startsWith("Invalid merge mode. Received: max."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2), "concat", new LSTM(2), null),
                "the backward layer must go backwards");
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE, 16), null));
        m.add(new Bidirectional(new LSTM(8)));
        m.add(new Dense(1));
        // Keras 2's summary cuts the name column at 26 characters
        assertTrue(m.summaryText().contains(" bidirectional_2 (Bidirecti  (None, 16)                1600      \n"), m.summaryText());
        assertEquals(2 * 4 * (16 * 8 + 8 * 8 + 8) + 17, m.countParams());
    }
}
