package io.cornu.engine.layers.rnn;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.layers.rnn.LSTMTest.assertClose;
import static io.cornu.engine.layers.rnn.LSTMTest.reverseTime;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GRUTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(5);
    }

    @Test
    void layerContract() {
        for (boolean resetAfter : new boolean[] {true, false}) {
            LayerTestCase.of(() -> new GRU(3).resetAfter(resetAfter))
                    .inputShape(2, 5, 4)
                    .expectedOutputShape(2, 3)
                    .expectedWeights("gru_cell/kernel", "gru_cell/recurrent_kernel", "gru_cell/bias")
                    .supportsMasking(true)
                    .passesMaskThrough(false)
                    .gradCheck()
                    .run();
        }
        LayerTestCase.of(() -> new GRU(3).returnSequences(true).goBackwards(true))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 5, 3)
                .expectedWeights("gru_cell/kernel", "gru_cell/recurrent_kernel", "gru_cell/bias")
                .gradCheck()
                .run();
    }

    @Test
    void kerasWeightShapes() {
        GRU g = new GRU(32);
        g.apply(Input.of(Shape.of(Shape.NONE, 32), null));
        assertEquals(Shape.of(32, 96), g.kernel().shape());
        assertEquals(Shape.of(32, 96), g.recurrentKernel().shape());
        assertEquals(Shape.of(2, 96), g.bias().shape(), "reset_after: input and recurrent biases");
        assertEquals(3 * (32 * 32 + 32 * 32 + 2 * 32), g.countParams());
        assertEquals(List.of("gru/gru_cell/kernel", "gru/gru_cell/recurrent_kernel", "gru/gru_cell/bias"),
                g.weights().stream().map(Variable::name).toList());
        GRU before = new GRU(32).resetAfter(false);
        before.apply(Tensor.ones(1, 2, 32));
        assertEquals(Shape.of(96), before.bias().shape());
        assertEquals(3 * (32 * 32 + 32 * 32 + 32), before.countParams());
    }

    @Test
    void returnStateAndGoBackwards() {
        GRU g = new GRU(4).returnSequences(true).returnState(true);
        List<KerasTensor> out = g.applyMulti(List.of(Input.of(Shape.of(Shape.NONE, 3), null)));
        assertEquals(2, out.size());
        assertEquals(Shape.of(Shape.NONE, 4), out.get(1).shape());
        Tensor x = random(3, 2, 5, 3);
        GRU back = new GRU(4).returnSequences(true).goBackwards(true);
        back.apply(x);
        back.setWeights(g.getWeights());
        assertClose(g.applyEager(List.of(reverseTime(x)), false).get(0), back.apply(x), 1e-6);
    }

    @Test
    void configHasKerasKeys() {
        Map<String, Object> c = new GRU(7).getConfig();
        assertEquals(true, c.get("reset_after"));
        assertEquals("sigmoid", c.get("recurrent_activation"));
        GRU copy = GRU.fromConfig(new GRU(5).resetAfter(false).getConfig());
        assertTrue(!copy.resetAfter());
    }
}
