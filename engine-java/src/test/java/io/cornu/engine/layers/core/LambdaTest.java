package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        Lambda.register("square_sum_last", x -> Ops.sum(Ops.square(x), -1));
        LayerTestCase.of(() -> new Lambda("square_sum_last", null)).inputShape(2, 3, 4).expectedOutputShape(2, 3).gradCheck().run();
        LayerTestCase.of(() -> new Lambda(x -> Ops.mul(x, 2f))).inputShape(2, 5).expectedOutputShape(2, 5).serializable(false).run();
    }

    @Test
    void computesTheFunction() {
        Lambda l = new Lambda(x -> Ops.add(Ops.mul(x, 2f), 1f));
        assertArrayEquals(new float[] {1, 3, 5}, l.apply(Tensor.of(new float[] {0, 1, 2})).toFloatArray());
    }

    @Test
    void infersOutputShapesKeepingNone() {
        Lambda l = new Lambda(x -> Ops.concatenate(java.util.List.of(x, x), -1));
        KerasTensor out = l.apply(Input.of(Shape.NONE, 3));
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 6), out.shape());
        Lambda mean = new Lambda(x -> Ops.mean(x, 1));
        assertEquals(Shape.of(Shape.NONE, 3), mean.apply(Input.of(Shape.NONE, 3)).shape());
    }

    @Test
    void anOutputShapeFunctionWins() {
        Lambda l = new Lambda(x -> Ops.reshape(x, x.dim(0), -1), s -> Shape.of(s.get(0), (int) s.size(1)), null);
        assertEquals(Shape.of(Shape.NONE, 12), l.apply(Input.of(3, 4)).shape());
    }

    @Test
    void failingInferenceAsksForOutputShape() {
        Lambda l = new Lambda(x -> {
            throw new IllegalStateException("needs real data");
        });
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> l.apply(Input.of(3)));
        assertTrue(e.getMessage().startsWith("We could not automatically infer the shape of the Lambda's output. Please specify the `output_shape` argument"),
                e.getMessage());
    }

    @Test
    void unregisteredFunctionsCannotBeRebuiltFromConfig() {
        Lambda l = new Lambda(x -> x, null, "identity");
        assertNull(l.getConfig().get("function"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerRegistry.cloneLayer(l));
        assertTrue(e.getMessage().startsWith("Cannot rebuild the Lambda layer \"identity\": its function is Java code that was not registered"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Lambda.register(\"name\", fn)"), e.getMessage());

        Lambda.register("negate", Ops::neg);
        Lambda named = new Lambda("negate", "neg");
        Lambda copy = assertInstanceOf(Lambda.class, LayerRegistry.cloneLayer(named));
        assertEquals("negate", copy.functionName());
        assertArrayEquals(new float[] {-1, 2}, copy.apply(Tensor.of(new float[] {1, -2})).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new Lambda("never_registered", null));
    }
}
