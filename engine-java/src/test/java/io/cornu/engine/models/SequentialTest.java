package io.cornu.engine.models;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.merging.Add;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static Sequential seedMlp() {
        Sequential m = new Sequential();
        m.add(new InputLayer(64));
        m.add(new Dense(32, "relu"));
        m.add(new Dense(32, "relu"));
        m.add(new Dense(10, "softmax"));
        return m;
    }

    /** The text Keras 2 prints for this model (its documented 65-column layout). */
    @Test
    void summaryIsKerasText() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #   ",
                "=================================================================",
                " dense (Dense)               (None, 32)                2080      ",
                "                                                                 ",
                " dense_1 (Dense)             (None, 32)                1056      ",
                "                                                                 ",
                " dense_2 (Dense)             (None, 10)                330       ",
                "                                                                 ",
                "=================================================================",
                "Total params: 3,466",
                "Trainable params: 3,466",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, seedMlp().summaryText());
    }

    @Test
    void frozenLayersCountAsNonTrainable() {
        Sequential m = seedMlp();
        m.getLayer("dense_1").setTrainable(false);
        ModelSummary s = m.summaryData();
        assertEquals(3466, s.totalParams());
        assertEquals(1056, s.nonTrainableParams());
        assertTrue(m.summaryText().contains("Non-trainable params: 1,056"));
    }

    @Test
    void deferredBuildHappensOnFirstBatch() {
        Sequential m = new Sequential(List.of(new Dense(8, "relu"), new Dense(2)));
        IllegalStateException e = assertThrows(IllegalStateException.class, m::summaryText);
        assertTrue(e.getMessage().startsWith("This model has not yet been built."));
        assertArrayEquals(new int[] {3, 2}, m.predict(Tensor.ones(3, 5)).dims());
        assertEquals(5 * 8 + 8 + 8 * 2 + 2, m.countParams());
    }

    @Test
    void getWeightsSetWeightsRoundTrip() {
        Sequential a = seedMlp();
        Sequential b = seedMlp();
        Tensor x = io.cornu.engine.testing.GradCheck.random(3, 4, 64);
        b.setWeights(a.getWeights());
        assertArrayEquals(a.predict(x).toFloatArray(), b.predict(x).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> b.setWeights(a.getWeights().subList(0, 2)));
    }

    @Test
    void layerNamesMustBeUnique() {
        Sequential m = new Sequential();
        m.add(new Dense(2, io.cornu.engine.activations.Activation.LINEAR, "same"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.add(new Dense(2, io.cornu.engine.activations.Activation.LINEAR, "same")));
        assertTrue(e.getMessage().contains("unique names"));
    }

    @Test
    void popRemovesTheLastLayer() {
        Sequential m = seedMlp();
        Layer last = m.pop();
        assertEquals("dense_2", last.name());
        assertEquals(2080 + 1056, m.countParams());
        m.add(new Dense(3));
        assertArrayEquals(new int[] {2, 3}, m.predict(Tensor.ones(2, 64)).dims());
    }

    @Test
    void aSequentialIsUsableInsideAFunctionalGraph() {
        Sequential block = new Sequential(List.of(new Dense(8, "relu"), new Dense(4)));
        KerasTensor a = Input.of(6), b = Input.of(6);
        Functional m = new Functional(List.of(a, b), List.of(new Add().apply(List.of(block.apply(a), block.apply(b)))), "pair");
        assertEquals(6 * 8 + 8 + 8 * 4 + 4, m.countParams());
        assertTrue(m.summaryText().contains(" sequential (Sequential)        (None, 4)            92"), m.summaryText());
        Tensor x = io.cornu.engine.testing.GradCheck.random(1, 3, 6), z = io.cornu.engine.testing.GradCheck.random(2, 3, 6);
        float[] expected = io.cornu.engine.ops.Ops.add(block.apply(x), block.apply(z)).toFloatArray();
        assertArrayEquals(expected, m.applyEager(List.of(x, z), false).get(0).toFloatArray(), 1e-5f);
        assertEquals("dense_input", block.inputLayer().name(), "a deferred build names its input after the first layer");
    }

    @Test
    void theFirstLayersInputShapeBuildsAtOnce() {
        Sequential m = new Sequential();
        m.add(new Dense(32, "relu").inputShape(64));
        m.add(new Dense(10));
        assertEquals(64 * 32 + 32 + 330, m.summaryData().totalParams());
        assertEquals("dense_input", m.inputLayer().name());
    }

    @Test
    void nestedModelsExpandInTheSummary() {
        Sequential inner = new Sequential("inner");
        inner.add(new InputLayer(8));
        inner.add(new Dense(4, "relu"));
        inner.add(new Dense(2));
        Sequential outer = new Sequential("outer");
        outer.add(new InputLayer(8));
        outer.add(inner);
        outer.add(new Dense(1));
        String collapsed = outer.summaryText();
        assertTrue(collapsed.contains(" inner (Sequential)          (None, 2)                 46        "), collapsed);
        assertTrue(!collapsed.contains("|"), collapsed);
        String expanded = outer.summaryText(true);
        String[] lines = expanded.split("\n");
        for (String line : lines) {
            if (line.startsWith(" ") || line.startsWith("|")) assertEquals(65, line.length(), "'" + line + "'");
        }
        assertTrue(expanded.contains("|\u00af" + "\u00af".repeat(61) + "\u00af|"), expanded);
        assertTrue(expanded.contains("| dense (Dense)              (None, 4)                 36       |"), expanded);
        assertTrue(expanded.contains("| dense_1 (Dense)            (None, 2)                 10       |"), expanded);
        assertTrue(expanded.contains("\u00af".repeat(65)), expanded);
    }
}
