package io.cornu.engine.models;

import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Model subclass overriding call, as Keras' subclassing API. */
class SubclassedModelTest {

    /** Two Dense layers with a skip connection on the hidden layer. */
    static final class SkipMlp extends Model {
        private final Dense hidden = trackLayer(new Dense(8, "relu"));
        private final Dense hidden2 = trackLayer(new Dense(8, "relu"));
        private final Dense out = trackLayer(new Dense(2, "softmax"));

        SkipMlp() {
            super("skip_mlp");
        }

        @Override
        protected Tensor call(Tensor inputs, boolean training) {
            Tensor h = hidden.apply(inputs, training);
            return out.apply(Ops.add(h, hidden2.apply(h, training)), training);
        }
    }

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    @Test
    void runsTrainsAndSummarises() {
        RandomSeed.set(5);
        SkipMlp m = new SkipMlp();
        Tensor x = random(1, 64, 3);
        assertArrayEquals(new int[] {64, 2}, m.predict(x).dims());
        assertEquals(3 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2, m.countParams());
        String text = m.summaryText();
        assertTrue(text.contains(" dense (Dense)               multiple                  32        "), text);

        float[] y = new float[64 * 2];
        float[] xs = x.toFloatArray();
        for (int i = 0; i < 64; i++) y[i * 2 + (xs[i * 3] > 0 ? 1 : 0)] = 1;
        m.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        var h = m.fit(x, Tensor.wrap(y, 64, 2), new FitOptions().epochs(30).batchSize(16).verbose(0));
        assertTrue(h.get("loss").get(29) < h.get("loss").get(0) * 0.7, h.get("loss").toString());
    }
}
