package io.cornu.engine.layers.pooling;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.conv.ConvParity;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.testing.LayerTestCase.Fixture;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GlobalMax/GlobalAveragePooling1D/2D, as Keras' {@code global_max_pooling_test.py} and {@code global_average_pooling_test.py}. */
class GlobalPoolingTest {
    private static final int NONE = Shape.NONE;

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(GlobalMaxPooling2D::new).inputData(MaxPoolingTest.distinct(4, 2, 4, 5, 3)).expectedOutputShape(2, 3).gradCheck().run();
        LayerTestCase.of(() -> new GlobalAveragePooling2D(true, null)).inputShape(2, 4, 5, 3).expectedOutputShape(2, 1, 1, 3).gradCheck().run();
        LayerTestCase.of(() -> new GlobalMaxPooling1D(true, null)).inputData(MaxPoolingTest.distinct(5, 2, 6, 3)).expectedOutputShape(2, 1, 3).gradCheck().run();
        LayerTestCase.of(GlobalAveragePooling1D::new).inputShape(2, 6, 3).expectedOutputShape(2, 3).supportsMasking(true)
                .passesMaskThrough(false).gradCheck().run();
    }

    @Test
    void matchesPyTorch() {
        ConvParity.check("global_max_pooling2d", new GlobalMaxPooling2D());
        ConvParity.check("global_average_pooling2d_keepdims", new GlobalAveragePooling2D(true, null));
        ConvParity.check("global_max_pooling1d", new GlobalMaxPooling1D());
        ConvParity.check("global_average_pooling1d", new GlobalAveragePooling1D());
        Tensor mask = Fixture.load("conv/global_average_pooling1d_masked.json").tensor("inputs", "mask");
        GlobalAveragePooling1D masked = new GlobalAveragePooling1D();
        ConvParity.check("global_average_pooling1d_masked", masked, xs -> {
            Tensor x = Ops.reshape(xs.get(0), xs.get(0).dims());
            x.setKerasMask(mask.cast(DType.FLOAT32));
            return masked.apply(x);
        });
    }

    @Test
    void unknownSizesAndNames() {
        assertEquals(Shape.of(NONE, 16), new GlobalAveragePooling1D().apply(Input.of(NONE, 16)).shape());
        assertEquals(Shape.of(NONE, 1, 1, 8), new GlobalMaxPooling2D(true, null).apply(Input.of(NONE, NONE, 8)).shape());
        assertEquals("global_average_pooling2d", new GlobalAveragePooling2D().name());
        assertEquals("global_max_pooling1d", new GlobalMaxPooling1D().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GlobalMaxPooling2D().apply(Input.of(5, 3)));
        assertTrue(e.getMessage().contains("expected ndim=4, found ndim=3"), e.getMessage());
    }

    @Test
    void maskedMeanIgnoresPaddingStepsAndDropsTheMask() {
        // Embedding(mask_zero) -> GlobalAveragePooling1D: the mean of the embeddings of the non-zero ids only
        Embedding emb = new Embedding(5, 2, true);
        KerasTensor in = Input.of(4);
        Functional m = new Functional(in, new GlobalAveragePooling1D().apply(emb.apply(in)));
        emb.setWeights(List.of(Tensor.of(new float[][] {{100, 100}, {1, 2}, {3, 4}, {5, 6}, {7, 8}})));
        Tensor out = m.apply(Tensor.ofInts(new int[][] {{1, 2, 0, 0}, {4, 0, 0, 0}}), false);
        assertArrayEquals(new float[] {2, 3, 7, 8}, out.toFloatArray());
        assertNull(out.kerasMask());
    }

    @Test
    void configRoundTrips() {
        for (var layer : List.of(new GlobalMaxPooling1D(true, "a"), new GlobalMaxPooling2D(), new GlobalAveragePooling1D(true, null),
                new GlobalAveragePooling2D())) {
            Map<String, Object> c = layer.getConfig();
            assertEquals("channels_last", c.get("data_format"));
            assertEquals(c, LayerRegistry.fromConfig(layer.className(), c).getConfig());
        }
        assertEquals(true, new GlobalMaxPooling1D(true, null).getConfig().get("keepdims"));
    }
}
