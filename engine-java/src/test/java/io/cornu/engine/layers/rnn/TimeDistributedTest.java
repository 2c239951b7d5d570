package io.cornu.engine.layers.rnn;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.layers.rnn.LSTMTest.assertClose;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeDistributedTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(17);
    }

    @Test
    void layerContract() {
        LayerTestCase.of(() -> new TimeDistributed(new Dense(3)))
                .inputShape(2, 5, 4)
                .expectedOutputShape(2, 5, 3)
                .expectedTrainableWeights(2)
                .supportsMasking(true)
                .gradCheck()
                .run();
    }

    @Test
    void appliesTheLayerToEveryTimestepWithSharedWeights() {
        Dense d = new Dense(8);
        TimeDistributed td = new TimeDistributed(d);
        KerasTensor out = td.apply(Input.of(Shape.of(10, 16), null));
        assertEquals(Shape.of(Shape.NONE, 10, 8), out.shape());
        assertEquals(16 * 8 + 8, td.countParams());
        assertEquals(d.weights(), td.weights());
        Tensor x = random(1, 3, 10, 16);
        Tensor y = td.apply(x);
        for (int t = 0; t < 10; t++) {
            Tensor xt = Ops.reshape(Ops.slice(x, new int[] {0, t, 0}, new int[] {3, 1, 16}), 3, 16);
            Tensor yt = Ops.reshape(Ops.slice(y, new int[] {0, t, 0}, new int[] {3, 1, 8}), 3, 8);
            assertClose(d.apply(xt), yt, 1e-6);
        }
        // variable length and higher rank
        TimeDistributed td2 = new TimeDistributed(new Dense(2));
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 4, 2), td2.apply(Input.of(Shape.of(Shape.NONE, 4, 3), null)).shape());
        assertEquals(List.of(2, 7, 4, 2), java.util.Arrays.stream(td2.apply(Tensor.ones(2, 7, 4, 3)).dims()).boxed().toList());
    }

    @Test
    void keepsTheMaskAndRejectsLowRank() {
        TimeDistributed td = new TimeDistributed(new Dense(2));
        Tensor x = Tensor.ones(2, 3, 4);
        x.setKerasMask(Tensor.of(new float[][] {{1, 1, 0}, {1, 0, 0}}));
        Tensor y = td.apply(x);
        assertEquals(x.kerasMask(), y.kerasMask());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(new Dense(2)).apply(Input.of(4)));
        assertTrue(e.getMessage().startsWith("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions"), e.getMessage());
    }

    @Test
    void summaryRow() {
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE, 32), null));
        m.add(new LSTM(16).returnSequences(true));
        m.add(new TimeDistributed(new Dense(5)));
        String text = m.summaryText();
        assertTrue(text.contains(" time_distributed (TimeDist  (None, None, 5)           85        \n"), text);
        assertEquals(4 * (32 * 16 + 16 * 16 + 16) + 16 * 5 + 5, m.countParams());
    }

    /** TimeDistributed(Dense(5)) on (2, 3, 4) against PyTorch's x @ kernel + bias at every step (core/dense_rank3.json). */
    @Test
    void pytorchParity() {
        Fixture f = Fixture.load("core/dense_rank3.json");
        Dense inner = new Dense(5);
        TimeDistributed td = new TimeDistributed(inner);
        td.apply(f.tensor("inputs", "x"));
        td.setWeights(List.of(f.tensor("weights", "kernel"), f.tensor("weights", "bias")));
        f.checkForwardAndGradients(xs -> td.apply(xs.get(0)), List.of("x"), Fixture.weights("kernel", inner.kernel(), "bias", inner.bias()));
    }
}
