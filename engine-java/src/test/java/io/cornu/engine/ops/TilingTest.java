package io.cornu.engine.ops;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static io.cornu.engine.testing.GradCheck.check;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** tile and repeat against explicit index arithmetic; gradients; errors. */
class TilingTest {

    @Test
    void tileRepeatsTheWholeTensor() {
        Tensor x = random(1, 2, 3);
        Tensor t = Ops.tile(x, 3, 2);
        assertArrayEquals(new int[] {6, 6}, t.dims());
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) assertEquals(x.get(i % 2, j % 3), t.get(i, j));
        // reps longer than the rank: x gains leading axes; shorter: reps gain leading 1s
        Tensor u = Ops.tile(x, 2, 1, 2);
        assertArrayEquals(new int[] {2, 2, 6}, u.dims());
        for (int a = 0; a < 2; a++) for (int i = 0; i < 2; i++) for (int j = 0; j < 6; j++) assertEquals(x.get(i, j % 3), u.get(a, i, j));
        Tensor v = Ops.tile(x, 2);
        assertArrayEquals(new int[] {2, 6}, v.dims());
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, Ops.tile(Tensor.of(new float[] {1, 2}), 3).toFloatArray());
        assertArrayEquals(new int[] {0, 3}, Ops.tile(x, 0, 1).dims());
        Tensor fromView = Ops.tile(x.transpose(), 1, 2);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertEquals(x.get(j % 2, i), fromView.get(i, j));
        assertArrayEquals(new int[] {3, 3, 3, 3}, Ops.tile(Tensor.ofInts(3), 4).toIntArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.tile(x, 2, -1));
        assertEquals("tile: repetitions must be non-negative. Received: repeats=[2, -1] for a tensor of shape (2, 3)", e.getMessage());
    }

    @Test
    void repeatRepeatsEachElement() {
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, Ops.repeat(x, 2, 1).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, Ops.repeat(x, 2, 0).toFloatArray());
        assertArrayEquals(new int[] {4, 2}, Ops.repeat(x, 2, 0).dims());
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, Ops.repeat(x, 3).toFloatArray());
        Tensor r = Ops.repeat(x, new int[] {1, 3}, 0);
        assertArrayEquals(new float[] {1, 2, 3, 4, 3, 4, 3, 4}, r.toFloatArray());
        assertArrayEquals(new float[] {2, 4}, Ops.repeat(x, new int[] {0, 1}, 1).toFloatArray());
        Tensor big = random(2, 3, 4, 5);
        Tensor rb = Ops.repeat(big.permute(2, 0, 1), 3, 1);   // (5, 9, 4) from a permuted view
        for (int i = 0; i < 5; i++) for (int j = 0; j < 9; j++) for (int k = 0; k < 4; k++) {
            assertEquals(big.get(j / 3, k, i), rb.get(i, j, k));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.repeat(x, new int[] {1, 2, 3}, 0));
        assertEquals("repeat: expected one count per element along axis 0 (2) of shape (2, 2). Received: repeats=[1, 2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.repeat(x, -1, 0));
        assertEquals("repeat: repeats must be non-negative. Received: repeats=-1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.repeat(x, 2, 2));
        assertEquals("repeat: axis 2 is out of bounds for a tensor of shape (2, 2)", e.getMessage());
    }

    @Test
    void gradients() {
        check(x -> Ops.tile(x.get(0), 2, 3), random(10, 2, 3));
        check(x -> Ops.tile(x.get(0), 2, 1, 2), random(11, 3, 2));
        check(x -> Ops.tile(Ops.transpose(x.get(0)), 2, 1), random(12, 2, 3));
        check(x -> Ops.repeat(x.get(0), 3, 1), random(13, 2, 3));
        check(x -> Ops.repeat(x.get(0), 2, 0), random(14, 2, 3));
        check(x -> Ops.repeat(x.get(0), new int[] {2, 0, 1}, 1), random(15, 2, 3));
        check(x -> Ops.repeat(Ops.transpose(x.get(0)), 2), random(16, 2, 3));
    }
}
