package io.cornu.engine.autodiff;

import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradientTapeTest {

    @Test
    void trainableVariablesAreWatchedAutomatically() {
        Variable w = new Variable("w", Tensor.of(new float[] {1, 2, 3}));
        Tensor x = Tensor.of(new float[] {4, 5, 6});
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = Ops.sum(Ops.mul(Ops.square(w), x)); // d/dw = 2 w x
            g = tape.gradient(loss, List.of(w, x));
        }
        assertArrayEquals(new float[] {8, 20, 36}, g.get(0).toFloatArray());
        assertNull(g.get(1), "x was not watched");
    }

    @Test
    void frozenVariablesAndStopGradientGetNoGradient() {
        Variable frozen = new Variable("f", Tensor.of(new float[] {1, 2}), false);
        Variable w = new Variable("w", Tensor.of(new float[] {3, 4}));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = Ops.sum(Ops.add(Ops.mul(frozen, w), Ops.stopGradient(Ops.square(w))));
            g = tape.gradient(loss, List.of(frozen, w));
        }
        assertNull(g.get(0));
        assertArrayEquals(new float[] {1, 2}, g.get(1).toFloatArray());
    }

    @Test
    void gradientsOfReusedTensorsAccumulate() {
        Variable w = new Variable("w", Tensor.scalar(3));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            Tensor y = Ops.mul(w, w);          // w^2
            Tensor z = Ops.add(Ops.mul(y, w), y); // w^3 + w^2 -> 3w^2 + 2w = 33
            g = tape.gradient(z, List.of(w));
        }
        assertEquals(33f, g.get(0).item(), 1e-5);
    }

    @Test
    void broadcastGradientsAreSummedBackToTheInputShape() {
        Variable b = new Variable("b", Tensor.zeros(3));
        Tensor x = Tensor.ones(4, 3);
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.add(x, b)), List.of(b)).get(0);
        }
        assertArrayEquals(new float[] {4, 4, 4}, g.toFloatArray());
    }

    @Test
    void nonPersistentTapeAllowsOneGradientCall() {
        Variable w = new Variable("w", Tensor.scalar(2));
        try (GradientTape tape = new GradientTape()) {
            Tensor y = Ops.square(w);
            tape.gradient(y, List.of(w));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.gradient(y, List.of(w)));
            assertEquals(true, e.getMessage().contains("persistent"));
        }
        try (GradientTape tape = new GradientTape(true)) {
            Tensor y = Ops.square(w);
            Tensor z = Ops.mul(y, y);
            assertEquals(4f, tape.gradient(y, List.of(w)).get(0).item(), 1e-6);
            assertEquals(32f, tape.gradient(z, List.of(w)).get(0).item(), 1e-5); // d(w^4) = 4 w^3
        }
    }

    @Test
    void nothingIsRecordedWithoutATape() {
        Variable w = new Variable("w", Tensor.scalar(2));
        Tensor y = Ops.square(w);
        assertNull(y.gradNode());
        try (GradientTape tape = new GradientTape()) {
            Tensor z = Ops.square(w);
            assertEquals("square", z.gradNode().op());
        }
    }

    @Test
    void nestedTapesBothRecord() {
        Variable w = new Variable("w", Tensor.scalar(3));
        try (GradientTape outer = new GradientTape(); GradientTape inner = new GradientTape()) {
            Tensor y = Ops.square(w);
            assertEquals(6f, inner.gradient(y, List.of(w)).get(0).item(), 1e-6);
            assertEquals(6f, outer.gradient(y, List.of(w)).get(0).item(), 1e-6);
        }
    }

    @Test
    void variableAssignmentChecksShapes() {
        Variable v = new Variable("dense/kernel", Tensor.zeros(2, 3));
        v.assignAdd(Tensor.ones(2, 3));
        v.assignSub(Tensor.full(0.5f, 2, 3));
        assertArrayEquals(new float[] {.5f, .5f, .5f, .5f, .5f, .5f}, v.toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.assign(Tensor.zeros(3, 2)));
        assertEquals("Variable \"dense/kernel\": assign of a value of shape (3, 2) to a variable of shape (2, 3)", e.getMessage());
    }
}
