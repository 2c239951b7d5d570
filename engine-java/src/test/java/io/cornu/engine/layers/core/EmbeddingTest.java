package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.activation.Activation;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(7);
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(() -> new Embedding(10, 4)).inputShape(2, 5).inputDtype(DType.INT32).inputRange(10)
                .expectedOutputShape(2, 5, 4).expectedWeights("embeddings").expectedTrainableWeights(1).supportsMasking(false).run();
        LayerTestCase.of(() -> new Embedding(10, 3, true)).inputShape(3, 2, 4).inputDtype(DType.INT64).inputRange(10)
                .expectedOutputShape(3, 2, 4, 3).expectedWeights("embeddings").supportsMasking(true).run();
    }

    @Test
    void pytorchParity() {
        Fixture f = Fixture.load("core/embedding.json");
        Embedding e = new Embedding(10, 4);
        Tensor ids = f.tensor("inputs", "ids");
        e.apply(ids);
        e.setWeights(List.of(f.tensor("weights", "embeddings")));
        f.checkForwardAndGradients(xs -> e.apply(xs.get(0)), List.of("ids"), Fixture.weights("embeddings", e.embeddings()));
    }

    @Test
    void looksUpRowsForIntAndFloatIds() {
        Embedding e = new Embedding(3, 2);
        e.apply(Tensor.ofInts(0));
        e.setWeights(List.of(Tensor.of(new float[][] {{0, 0}, {1, 2}, {3, 4}})));
        float[] expected = {3, 4, 1, 2, 3, 4};
        assertArrayEquals(expected, e.apply(Tensor.ofInts(2, 1, 2)).toFloatArray());
        assertArrayEquals(expected, e.apply(Tensor.ofLongs(2, 1, 2)).toFloatArray());
        assertArrayEquals(expected, e.apply(Tensor.of(new float[] {2, 1, 2})).toFloatArray(), "float ids are cast to int32 as Keras");
    }

    @Test
    void defaultInitializerIsKerasUniform() {
        Embedding e = new Embedding(50, 20);
        e.apply(Tensor.ofInts(1));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : e.embeddings().toFloatArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= -0.05f && max < 0.05f && max - min > 0.09f, min + " .. " + max);
        java.util.Map<String, Object> uniform = new java.util.HashMap<>();
        uniform.put("minval", -0.05);
        uniform.put("maxval", 0.05);
        uniform.put("seed", null);
        assertEquals(java.util.Map.of("class_name", "RandomUniform", "config", uniform), e.getConfig().get("embeddings_initializer"));
    }

    @Test
    void shapesKeepNoneSequenceLength() {
        KerasTensor out = new Embedding(10000, 32).apply(Input.of(Shape.NONE));
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 32), out.shape());
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE), null));
        m.add(new Embedding(10000, 32));
        assertEquals(320_000, m.countParams());
    }

    /** The book's IMDB model, Embedding(10000, 32) -> LSTM(32) -> Dense(1, sigmoid): Keras' 328,353 parameters. */
    @Test
    void bookLstmModelHasKerasParameterCount() {
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE), null));
        m.add(new Embedding(10000, 32));
        m.add(new io.cornu.engine.layers.rnn.LSTM(32));
        m.add(new io.cornu.engine.layers.core.Dense(1, "sigmoid"));
        assertEquals(328_353, m.countParams());
    }

    @Test
    void maskZeroMasksPaddingAndMaskSupportingLayersPassItOn() {
        Tensor ids = Tensor.ofInts(new int[][] {{5, 2, 0, 0}, {1, 0, 3, 0}});
        Embedding e = new Embedding(6, 3, true);
        Tensor y = e.apply(ids);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, y.kerasMask().toFloatArray());
        assertNull(new Embedding(6, 3).apply(ids).kerasMask());

        // eagerly: Embedding(mask_zero) -> Dropout -> Activation keeps the mask; Flatten drops it
        Tensor z = new Activation("tanh").apply(new Dropout(0.5f).apply(y, true));
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, z.kerasMask().toFloatArray());
        assertArrayEquals(new int[] {2, 4}, z.kerasMask().dims());
        assertNull(new io.cornu.engine.layers.reshaping.Flatten().apply(y).kerasMask());

        // in a model, the mask reaches a mask-consuming layer after mask-supporting ones
        KerasTensor in = Input.of(4);
        MaskingTest.MaskProbe probe = new MaskingTest.MaskProbe();
        KerasTensor h = probe.apply(new Activation("tanh").apply(new Dropout(0.5f).apply(new Embedding(6, 3, true).apply(in))));
        new Functional(in, h).apply(ids, true);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, probe.received.toFloatArray());
    }

    @Test
    void kerasArgumentErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3));
        assertEquals("Both `input_dim` and `output_dim` should be positive. Received: input_dim=0, output_dim=3", e.getMessage());
    }

    @Test
    void configHasKerasKeys() {
        var c = new Embedding(100, 8, true).getConfig();
        assertEquals(100, c.get("input_dim"));
        assertEquals(8, c.get("output_dim"));
        assertEquals(true, c.get("mask_zero"));
    }
}
