package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** pad in every mode against NumPy's documented examples and index arithmetic; gradients; errors. */
class PaddingTest {
    private static final Tensor V = Tensor.of(new float[] {1, 2, 3, 4, 5});

    @Test
    void modesFollowNumPy() {
        // numpy.pad([1, 2, 3, 4, 5], (2, 3), mode) from the NumPy documentation
        assertArrayEquals(new float[] {6, 6, 1, 2, 3, 4, 5, 6, 6, 6},
                Ops.pad(V, new int[][] {{2, 3}}, "constant", 6).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 2, 3, 4, 5, 5, 5, 5},
                Ops.pad(V, new int[][] {{2, 3}}, "edge", 0).toFloatArray());
        assertArrayEquals(new float[] {3, 2, 1, 2, 3, 4, 5, 4, 3, 2},
                Ops.pad(V, new int[][] {{2, 3}}, "reflect", 0).toFloatArray());
        assertArrayEquals(new float[] {2, 1, 1, 2, 3, 4, 5, 5, 4, 3},
                Ops.pad(V, new int[][] {{2, 3}}, "symmetric", 0).toFloatArray());
    }

    @Test
    void constantPaddingOfMatricesMatchesIndexArithmetic() {
        Tensor x = random(1, 2, 3);
        Tensor p = Ops.pad(x, new int[][] {{1, 2}, {0, 1}});
        assertArrayEquals(new int[] {5, 4}, p.dims());
        for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) {
            boolean inside = i >= 1 && i < 3 && j < 3;
            assertEquals(inside ? x.get(i - 1, j) : 0f, p.get(i, j));
        }
        Tensor t = Ops.pad(x.transpose(), new int[][] {{1, 1}}, "constant", -1);   // one pair for every axis
        assertArrayEquals(new int[] {5, 4}, t.dims());
        assertEquals(x.get(1, 2), t.get(3, 2));
        assertEquals(-1f, t.get(0, 0));
        Tensor ints = Ops.pad(Tensor.ofInts(7), new int[][] {{1, 1}}, "constant", 2);
        assertEquals(DType.INT32, ints.dtype());
        assertArrayEquals(new int[] {2, 7, 2}, ints.toIntArray());
        Tensor r = Ops.pad(x, new int[][] {{1, 1}, {2, 2}}, "reflect", 0);
        assertArrayEquals(new int[] {4, 7}, r.dims());
        int[] rows = {1, 0, 1, 0}, cols = {2, 1, 0, 1, 2, 1, 0};
        for (int i = 0; i < 4; i++) for (int j = 0; j < 7; j++) assertEquals(x.get(rows[i], cols[j]), r.get(i, j));
    }

    @Test
    void badPaddingIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.pad(Tensor.zeros(2, 3), new int[][] {{1, 1}, {1, 1}, {1, 1}}));
        assertEquals("pad: expected pad_width with one [before, after] pair per axis (2) or a single pair, for a tensor of shape (2, 3). "
                + "Received: pad_width=[[1, 1], [1, 1], [1, 1]]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.pad(Tensor.zeros(2), new int[][] {{-1, 0}}));
        assertEquals("pad: each pad_width entry must be a pair of non-negative sizes [before, after]. Received: pad_width=[[-1, 0]] "
                + "for a tensor of shape (2,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.pad(V, new int[][] {{5, 0}}, "reflect", 0));
        assertEquals("pad: reflect padding of [5, 0] on axis 0 of size 5 (shape (5,)) needs pads of at most 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.pad(V, new int[][] {{1, 0}}, "wrap", 0));
        assertEquals("pad: unknown mode \"wrap\". Expected one of \"constant\", \"reflect\", \"symmetric\", \"edge\"", e.getMessage());
    }

    @Test
    void gradients() {
        check(x -> Ops.pad(x.get(0), new int[][] {{1, 2}, {0, 1}}), random(10, 2, 3));
        check(x -> Ops.pad(Ops.transpose(x.get(0)), new int[][] {{1, 0}}, "constant", 3), random(11, 2, 3));
        check(x -> Ops.pad(x.get(0), new int[][] {{1, 2}, {2, 1}}, "reflect", 0), random(12, 3, 4));
        check(x -> Ops.pad(x.get(0), new int[][] {{2, 1}}, "symmetric", 0), random(13, 3, 2));
        check(x -> Ops.pad(x.get(0), new int[][] {{0, 2}, {1, 1}}, "edge", 0), random(14, 2, 2));
    }
}
