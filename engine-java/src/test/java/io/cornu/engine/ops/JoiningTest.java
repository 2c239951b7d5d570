package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** concatenate, stack and split against explicit index arithmetic; gradients; error messages. */
class JoiningTest {

    @Test
    void concatenateOnEveryAxisMatchesIndexArithmetic() {
        Tensor a = random(1, 2, 3, 4), b = random(2, 2, 5, 4);
        Tensor c = Ops.concatenate(List.of(a, b), 1);
        assertArrayEquals(new int[] {2, 8, 4}, c.dims());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 8; j++) for (int k = 0; k < 4; k++) {
            assertEquals(j < 3 ? a.get(i, j, k) : b.get(i, j - 3, k), c.get(i, j, k));
        }
        Tensor d = Ops.concatenate(List.of(a, random(3, 1, 3, 4)), 0);
        assertArrayEquals(new int[] {3, 3, 4}, d.dims());
        assertEquals(a.get(1, 2, 3), d.get(1, 2, 3));
        Tensor e = Ops.concatenate(List.of(a, random(4, 2, 3, 1), random(5, 2, 3, 2)), -1);
        assertArrayEquals(new int[] {2, 3, 7}, e.dims());
        assertEquals(a.get(1, 0, 3), e.get(1, 0, 3));
    }

    @Test
    void concatenateReadsNonContiguousInputsAndIntegers() {
        Tensor x = random(6, 3, 2);
        Tensor c = Ops.concatenate(List.of(x.transpose(), random(7, 2, 2)), 1);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) assertEquals(x.get(j, i), c.get(i, j));
        Tensor ints = Ops.concatenate(List.of(Tensor.ofInts(1, 2), Tensor.ofInts(3)), 0);
        assertEquals(DType.INT32, ints.dtype());
        assertArrayEquals(new int[] {1, 2, 3}, ints.toIntArray());
        assertArrayEquals(new long[] {5, 6}, Ops.concatenate(List.of(Tensor.ofLongs(5), Tensor.ofLongs(6))).toLongArray());
    }

    @Test
    void concatenateErrorsNameShapesAndAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.concatenate(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), 1));
        assertEquals("concatenate: all input shapes must match except on axis 1. Received: shapes (2, 3) and (3, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(Tensor.zeros(2, 3), Tensor.zeros(3)), 0));
        assertEquals("concatenate: all inputs must have the same rank. Received: shapes (2, 3) and (3,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(Tensor.zeros(2), Tensor.ofInts(1)), 0));
        assertEquals("concatenate: all inputs must have the same dtype. Received: dtypes float32 and int32 (shapes (2,) and (1,))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(Tensor.zeros(2, 3)), 2));
        assertEquals("concatenate: axis 2 is out of bounds for inputs of rank 2 (shape (2, 3))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(), 0));
        assertEquals("concatenate: expected at least one tensor. Received: an empty list", e.getMessage());
    }

    @Test
    void stackAddsANewAxis() {
        Tensor a = Tensor.of(new float[] {1, 2}), b = Tensor.of(new float[] {3, 4}), c = Tensor.of(new float[] {5, 6});
        Tensor s0 = Ops.stack(List.of(a, b, c));
        assertArrayEquals(new int[] {3, 2}, s0.dims());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, s0.toFloatArray());
        Tensor s1 = Ops.stack(List.of(a, b, c), 1);
        assertArrayEquals(new int[] {2, 3}, s1.dims());
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, s1.toFloatArray());
        assertArrayEquals(new int[] {2, 3}, Ops.stack(List.of(a, b, c), -1).dims());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.stack(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), 0));
        assertEquals("stack: all input shapes must be equal. Received: shapes (2, 3) and (3, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.stack(List.of(a), 2));
        assertEquals("stack: axis 2 is out of bounds for a result of rank 2 (inputs of shape (2,))", e.getMessage());
    }

    @Test
    void splitIntoSectionsAndAtIndices() {
        Tensor x = Tensor.wrap(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 6);
        List<Tensor> parts = Ops.split(x, 3, 1);
        assertEquals(3, parts.size());
        assertArrayEquals(new float[] {0, 1, 6, 7}, parts.get(0).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 10, 11}, parts.get(2).toFloatArray());
        List<Tensor> at = Ops.split(x, new int[] {1, 4}, -1);
        assertArrayEquals(new int[] {2, 1}, at.get(0).dims());
        assertArrayEquals(new float[] {1, 2, 3, 7, 8, 9}, at.get(1).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 10, 11}, at.get(2).toFloatArray());
        assertArrayEquals(new int[] {1, 6}, Ops.split(x, 2, 0).get(1).dims());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.split(x, 4, 1));
        assertEquals("split: axis 1 of size 6 (shape (2, 6)) does not split into 4 equal sections", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.split(x, new int[] {4, 2}, 1));
        assertEquals("split: indices must be increasing and within [0, 6] for axis 1 of shape (2, 6). Received: indices=[4, 2]", e.getMessage());
    }

    @Test
    void gradients() {
        check(x -> Ops.concatenate(List.of(x.get(0), x.get(1)), 1), random(10, 2, 3), random(11, 2, 2));
        check(x -> Ops.concatenate(List.of(x.get(0), x.get(1), x.get(0)), 0), random(12, 1, 3), random(13, 2, 3));
        check(x -> Ops.concatenate(List.of(Ops.transpose(x.get(0)), x.get(1)), -1), random(14, 3, 2), random(15, 2, 4));
        check(x -> Ops.stack(List.of(x.get(0), x.get(1)), 1), random(16, 2, 3), random(17, 2, 3));
        check(x -> Ops.split(x.get(0), 2, 1).get(1), random(18, 2, 4));
        check(x -> Ops.mul(Ops.split(x.get(0), new int[] {1}, 0).get(0), Ops.split(x.get(0), new int[] {1}, 0).get(1)),
                random(19, 2, 3));
        // every piece of a split of a transposed view used again: gradients of the pieces add up
        check(x -> {
            List<Tensor> p = Ops.split(Ops.transpose(x.get(0)), 3, 0);
            return Ops.concatenate(List.of(p.get(2), p.get(0), Ops.square(p.get(1))), 1);
        }, random(20, 2, 3));
    }

    @Test
    void concatenateWithAConstantGivesItNoGradient() {
        Tensor w = random(30, 2, 2), c = random(31, 2, 2);
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(w);
            g = tape.gradient(Ops.sum(Ops.concatenate(List.of(w, c), 0)), List.of(w, c));
        }
        assertArrayEquals(new float[] {1, 1, 1, 1}, g.get(0).toFloatArray());
        assertNull(g.get(1));
    }
}
