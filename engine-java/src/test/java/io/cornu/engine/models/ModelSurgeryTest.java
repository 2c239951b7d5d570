package io.cornu.engine.models;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.merging.Add;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSurgeryTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], 1e-5 * (1 + Math.abs(e[i])), "at " + i);
    }

    /** A residual, branching graph: in -> stem -> [branch a, branch b] -> add(stem, a, b) -> head. */
    private static Functional residual() {
        KerasTensor in = Input.of(6);
        KerasTensor stem = new Dense(5, Activation.RELU, "stem").apply(in);
        KerasTensor a = new Dense(5, Activation.RELU, "a").apply(stem);
        KerasTensor b = new Dense(5, Activation.LINEAR, "b").apply(stem);
        KerasTensor sum = new Add(null).apply(List.of(stem, a, b));
        return new Functional(in, new Dense(3, Activation.LINEAR, "head").apply(sum), "residual");
    }

    @Test
    void cutAtAnIntermediateTensorKeepsTheDownstreamGraph() {
        Functional model = residual();
        KerasTensor stemOut = model.getLayer("stem").output();
        Functional head = ModelSurgery.cut(model, List.of(stemOut));
        Tensor x = random(1, 4, 6);
        Tensor stemValue = model.getLayer("stem").apply(x);
        assertClose(model.apply(x), head.apply(stemValue));
        assertEquals(model.countParams() - (6 * 5 + 5), head.countParams(), "the stem is not part of the cut model");
        assertFalse(head.layers().contains(model.getLayer("stem")));
        assertSame(model.getLayer("head"), head.getLayer("head"), "layers (and so weights) are shared");
        assertEquals("stem_cut", head.inputNames().get(0));
    }

    @Test
    void cutNeedsEveryPathCovered() {
        Functional model = residual();
        KerasTensor aOut = model.getLayer("a").output();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSurgery.cut(model, List.of(aOut)));
        assertTrue(e.getMessage().startsWith("Graph disconnected"), e.getMessage());
    }

    @Test
    void cloneCopiesStructureNotWeights() {
        Functional model = residual();
        Model clone = ModelSurgery.cloneModel(model);
        Tensor x = random(2, 3, 6);
        assertEquals(model.countParams(), clone.countParams());
        assertEquals(model.summaryText(), clone.summaryText());
        assertNotSame(model.getLayer("head"), clone.getLayer("head"));
        float[] p = model.apply(x).toFloatArray(), q = clone.apply(x).toFloatArray();
        boolean differ = false;
        for (int i = 0; i < p.length; i++) differ |= Math.abs(p[i] - q[i]) > 1e-4;
        assertTrue(differ, "fresh weights give different predictions");
        clone.setWeights(model.getWeights());
        assertClose(model.apply(x), clone.apply(x));
    }

    @Test
    void cloneSequentialWithAFunctionPerLayer() {
        Sequential seq = new Sequential();
        seq.add(new InputLayer(4));
        seq.add(new Dense(3, "relu"));
        seq.add(new Dense(2));
        List<String> seen = new java.util.ArrayList<>();
        Model clone = ModelSurgery.cloneModel(seq, l -> {
            seen.add(l.name());
            return new Dense(((Dense) l).units() * 2, Activation.LINEAR, l.name() + "_wide");
        });
        assertEquals(List.of("dense", "dense_1"), seen);
        assertArrayEquals(new int[] {5, 4}, clone.apply(Tensor.ones(5, 4)).dims());
        assertEquals("dense_1_wide", clone.layers().get(1).name());
    }

    @Test
    void unregisteredLayersCannotBeClonedFromConfig() {
        KerasTensor in = Input.of(3);
        Layer custom = new Layer("custom") {
            @Override
            protected Tensor call(Tensor inputs, boolean training) {
                return Ops.mul(inputs, 2f);
            }

            @Override
            public io.cornu.engine.tensor.Shape computeOutputShape(io.cornu.engine.tensor.Shape s) {
                return s;
            }
        };
        Functional m = new Functional(in, custom.apply(in), "m");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSurgery.cloneModel(m));
        assertTrue(e.getMessage().startsWith("Unknown layer: '"), e.getMessage());
    }
}
