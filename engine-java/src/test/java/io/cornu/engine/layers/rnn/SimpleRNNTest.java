package io.cornu.engine.layers.rnn;

import io.cornu.engine.layers.Input;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.layers.rnn.LSTMTest.assertClose;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SimpleRNNTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(7);
    }

    @Test
    void layerContract() {
        LayerTestCase.of(() -> new SimpleRNN(3))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 3)
                .expectedWeights("simple_rnn_cell/kernel", "simple_rnn_cell/recurrent_kernel", "simple_rnn_cell/bias")
                .supportsMasking(true)
                .passesMaskThrough(false)
                .gradCheck()
                .run();
        LayerTestCase.of(() -> new SimpleRNN(3).returnSequences(true))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 5, 3)
                .expectedWeights("simple_rnn_cell/kernel", "simple_rnn_cell/recurrent_kernel", "simple_rnn_cell/bias")
                .gradCheck()
                .run();
    }

    @Test
    void theBooksSimpleRnnCounts() {
        // Embedding(10000, 32) then SimpleRNN(32): 2,080 parameters in the RNN
        SimpleRNN r = new SimpleRNN(32);
        r.apply(Input.of(Shape.of(Shape.NONE, 32), null));
        assertEquals(2080, r.countParams());
        assertEquals("simple_rnn", r.name());
        assertFalse(r.getConfig().containsKey("recurrent_activation"), "SimpleRNN has no recurrent activation");
    }

    @Test
    void computesTheRecurrence() {
        SimpleRNN r = new SimpleRNN(2).returnSequences(true);
        Tensor x = random(1, 1, 3, 2);
        Tensor y = r.apply(x);
        Tensor h = Tensor.zeros(1, 2);
        for (int t = 0; t < 3; t++) {
            Tensor xt = Ops.reshape(Ops.slice(x, new int[] {0, t, 0}, new int[] {1, 1, 2}), 1, 2);
            h = Ops.tanh(Ops.add(Ops.add(Ops.matmul(xt, r.kernel()), Ops.matmul(h, r.recurrentKernel())), r.bias()));
            assertClose(h, Ops.reshape(Ops.slice(y, new int[] {0, t, 0}, new int[] {1, 1, 2}), 1, 2), 1e-6);
        }
    }
}
