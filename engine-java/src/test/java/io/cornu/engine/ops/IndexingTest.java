package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** take/gather (the embedding lookup), take_along_axis and one_hot. */
class IndexingTest {

    @Test
    void embeddingLookupGathersRowsOfTheTable() {
        Tensor table = random(1, 5, 3);                         // (V, d)
        Tensor ids = Tensor.ofInts(new int[][] {{4, 0, 4}, {2, 2, 1}});   // (b, t) with repeats
        Tensor e = Ops.take(table, ids, 0);
        assertArrayEquals(new int[] {2, 3, 3}, e.dims());
        int[][] id = {{4, 0, 4}, {2, 2, 1}};
        for (int b = 0; b < 2; b++) for (int t = 0; t < 3; t++) for (int k = 0; k < 3; k++) {
            assertEquals(table.get(id[b][t], k), e.get(b, t, k));
        }
    }

    @Test
    void embeddingGradientAddsUpRepeatedIds() {
        Variable table = new Variable("embeddings", random(2, 4, 2));
        Tensor ids = Tensor.ofLongs(3, 1, 3, 3);
        Tensor weights = Tensor.of(new float[][] {{1, 10}, {2, 20}, {3, 30}, {4, 40}});
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.mul(Ops.take(table, ids, 0), weights)), List.of(table)).get(0);
        }
        // row 3 is used at positions 0, 2, 3: 1+3+4 = 8 and 10+30+40 = 80; row 1 at position 1
        assertArrayEquals(new float[] {0, 0, 2, 20, 0, 0, 8, 80}, g.toFloatArray());
    }

    @Test
    void takeAlongOtherAxesWithNegativeIndices() {
        Tensor x = random(3, 2, 4, 3);
        Tensor t = Ops.take(x, Tensor.ofInts(-1, 0, 2), 1);
        assertArrayEquals(new int[] {2, 3, 3}, t.dims());
        int[] src = {3, 0, 2};
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) {
            assertEquals(x.get(i, src[j], k), t.get(i, j, k));
        }
        Tensor last = Ops.gather(x, Tensor.ofInts(new int[][] {{2}, {0}}), -1);
        assertArrayEquals(new int[] {2, 4, 2, 1}, last.dims());
        assertEquals(x.get(1, 3, 0), last.get(1, 3, 1, 0));
        Tensor flat = Ops.take(Tensor.of(new float[][] {{1, 2}, {3, 4}}), Tensor.ofInts(3, 0));
        assertArrayEquals(new float[] {4, 1}, flat.toFloatArray());
        Tensor ints = Ops.take(Tensor.ofInts(7, 8, 9), Tensor.ofInts(2, 2), 0);
        assertArrayEquals(new int[] {9, 9}, ints.toIntArray());
        Tensor scalarIndex = Ops.take(x, Tensor.wrap(new int[] {1}), 0);
        assertArrayEquals(new int[] {4, 3}, scalarIndex.dims());
        assertEquals(x.get(1, 2, 2), scalarIndex.get(2, 2));
        Tensor fromView = Ops.take(x.permute(2, 0, 1), Tensor.ofInts(1), 0);
        assertEquals(x.get(1, 3, 1), fromView.get(0, 1, 3));
    }

    @Test
    void badIndicesNameTheValueAndTheAxisSize() {
        Tensor table = Tensor.zeros(5, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Ops.take(table, Tensor.ofInts(1, 7), 0));
        assertEquals("take: index 7 is out of range for axis 0 of size 5 (x of shape (5, 3))", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> Ops.take(table, Tensor.ofLongs(-4), 1));
        assertEquals("take: index -4 is out of range for axis 1 of size 3 (x of shape (5, 3))", e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Ops.take(table, Tensor.of(new float[] {1}), 0));
        assertEquals("take: indices must be int32 or int64. Received: indices of dtype float32 and shape (1,). "
                + "Use cast(indices, DType.INT32) first", f.getMessage());
        f = assertThrows(IllegalArgumentException.class, () -> Ops.take(table, Tensor.ofInts(0), 2));
        assertEquals("take: axis 2 is out of bounds for a tensor of shape (5, 3)", f.getMessage());
    }

    @Test
    void takeAlongAxisPicksOnePerRow() {
        Tensor scores = Tensor.of(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}});
        Tensor labels = Tensor.ofInts(new int[][] {{1}, {2}});
        Tensor picked = Ops.takeAlongAxis(scores, labels, 1);
        assertArrayEquals(new int[] {2, 1}, picked.dims());
        assertArrayEquals(new float[] {0.7f, 0.2f}, picked.toFloatArray());
        // indices broadcast against x on the other axes: x (1, 3) with indices (2, 2)
        Tensor x = Tensor.of(new float[][] {{10, 20, 30}});
        Tensor y = Ops.takeAlongAxis(x, Tensor.ofInts(new int[][] {{2, 0}, {1, -1}}), 1);
        assertArrayEquals(new float[] {30, 10, 20, 30}, y.toFloatArray());
        // along axis 0 of a transposed view
        Tensor m = random(4, 3, 2);
        Tensor z = Ops.takeAlongAxis(m.transpose(), Tensor.ofInts(new int[][] {{1, 0, 1}}), 0);
        assertArrayEquals(new int[] {1, 3}, z.dims());
        assertEquals(m.get(2, 1), z.get(0, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.takeAlongAxis(scores, Tensor.ofInts(1, 2), 1));
        assertEquals("take_along_axis: indices must have the rank of x. Received: x of shape (2, 3) and indices of shape (2,)", e.getMessage());
    }

    @Test
    void oneHotEncodesIndices() {
        Tensor h = Ops.oneHot(Tensor.ofInts(1, 0, 2), 3);
        assertEquals(DType.FLOAT32, h.dtype());
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 0, 1}, h.toFloatArray());
        // out-of-range and negative indices give zero rows, as in Keras
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1}, Ops.oneHot(Tensor.ofLongs(-1, 2), 3).toFloatArray());
        // float labels holding whole numbers are accepted
        assertArrayEquals(new float[] {0, 1, 1, 0}, Ops.oneHot(Tensor.of(new float[] {1, 0}), 2).toFloatArray());
        Tensor m = Ops.oneHot(Tensor.ofInts(new int[][] {{0, 1}, {1, 1}}), 2, 1);   // classes on axis 1
        assertArrayEquals(new int[] {2, 2, 2}, m.dims());
        for (int b = 0; b < 2; b++) for (int c = 0; c < 2; c++) for (int t = 0; t < 2; t++) {
            int label = new int[][] {{0, 1}, {1, 1}}[b][t];
            assertEquals(label == c ? 1f : 0f, m.get(b, c, t));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.oneHot(Tensor.ofInts(1), 0));
        assertEquals("one_hot: expected num_classes > 0. Received: num_classes=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.oneHot(Tensor.of(new float[] {1.5f}), 3));
        assertEquals("one_hot: indices must be whole numbers. Received: 1.5 at position 0 of indices of shape (1,)", e.getMessage());
    }

    @Test
    void gradients() {
        Tensor ids = Tensor.ofInts(new int[][] {{2, 0}, {2, 2}});
        check(x -> Ops.take(x.get(0), ids, 0), random(10, 3, 4));
        check(x -> Ops.take(x.get(0), Tensor.ofInts(1, 1, 0), 1), random(11, 2, 3, 2));
        check(x -> Ops.take(Ops.transpose(x.get(0)), ids, 0), random(12, 4, 3));
        check(x -> Ops.take(x.get(0), Tensor.ofInts(5, 0, 5)), random(13, 2, 3));
        check(x -> Ops.takeAlongAxis(x.get(0), Tensor.ofInts(new int[][] {{1, 1}, {0, 2}}), 1), random(14, 2, 3));
        check(x -> Ops.takeAlongAxis(x.get(0), Tensor.ofInts(new int[][] {{2, 0}, {1, 1}}), 1), random(15, 1, 3));
    }
}
