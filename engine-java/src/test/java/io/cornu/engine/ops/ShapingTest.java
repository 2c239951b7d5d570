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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** transpose, squeeze, expand_dims, broadcast_to, slice, reshape and cast: values, gradients, errors. */
class ShapingTest {

    @Test
    void transposeWithAxesMovesEveryElement() {
        Tensor x = random(1, 2, 3, 4);
        Tensor t = Ops.transpose(x, 2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, t.dims());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) {
            assertEquals(x.get(i, j, k), t.get(k, i, j));
        }
        assertArrayEquals(new int[] {4, 3, 2}, Ops.transpose(x).dims());
        assertArrayEquals(new int[] {2, 4, 3}, Ops.transpose(x, 0, -1, -2).dims());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.transpose(x, 0, 1));
        assertEquals("transpose: axes [0, 1] do not match a tensor of shape (2, 3, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.transpose(x, 0, 1, 1));
        assertEquals("transpose: repeated axis in [0, 1, 1]", e.getMessage());
    }

    @Test
    void squeezeExpandDimsAndBroadcastTo() {
        Tensor x = Tensor.wrap(new float[] {1, 2, 3}, 1, 3, 1);
        assertArrayEquals(new int[] {3}, Ops.squeeze(x).dims());
        assertArrayEquals(new int[] {3, 1}, Ops.squeeze(x, 0).dims());
        assertArrayEquals(new int[] {1, 3}, Ops.squeeze(x, -1).dims());
        assertArrayEquals(new int[] {1, 1, 3, 1}, Ops.expandDims(x, 1).dims());
        assertArrayEquals(new int[] {1, 3, 1, 1}, Ops.expandDims(x, -1).dims());
        Tensor b = Ops.broadcastTo(Tensor.of(new float[] {1, 2, 3}), 2, 3);
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, b.toFloatArray());
        Tensor c = Ops.broadcastTo(Tensor.wrap(new float[] {1, 2}, 2, 1), 2, 2, 3);
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2}, c.toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.squeeze(x, 1));
        assertEquals("squeeze: cannot squeeze axis 1 of size 3 in shape (1, 3, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.broadcastTo(Tensor.zeros(2, 3), 4, 3));
        assertEquals("broadcast_to: cannot broadcast shape (2, 3) to (4, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.expandDims(x, 5));
        assertEquals("expand_dims: axis 5 is out of bounds for a result of rank 4", e.getMessage());
    }

    @Test
    void sliceTakesTheBlockAtStart() {
        Tensor x = Tensor.wrap(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4);
        Tensor s = Ops.slice(x, new int[] {1, 1}, new int[] {2, 2});
        assertArrayEquals(new float[] {5, 6, 9, 10}, s.toFloatArray());
        assertArrayEquals(new float[] {2, 3, 6, 7, 10, 11}, Ops.slice(x, new int[] {0, 2}, new int[] {-1, -1}).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.slice(x, new int[] {2, 0}, new int[] {2, 4}));
        assertEquals("slice: start [2, 0] and size [2, 4] are out of range for shape (3, 4) on axis 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.slice(x, new int[] {0}, new int[] {1}));
        assertEquals("slice: expected start and size of length 2 for a tensor of shape (3, 4). Received: start=[0], size=[1]", e.getMessage());
    }

    @Test
    void castConvertsAndKeepsTheSameDtypeAsIs() {
        Tensor x = Tensor.of(new float[] {1.7f, -2.5f, 3f});
        Tensor i = Ops.cast(x, DType.INT32);
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {1, -2, 3}, i.toIntArray());
        assertEquals(DType.INT64, Ops.cast(i, DType.INT64).dtype());
        assertArrayEquals(new float[] {1, -2, 3}, Ops.cast(i, DType.FLOAT32).toFloatArray());
        assertSame(x, Ops.cast(x, DType.FLOAT32));
    }

    @Test
    void castToTheSameDtypePassesTheGradientAndToIntegersStopsIt() {
        Variable w = new Variable("w", Tensor.of(new float[] {1, 2}));
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            Tensor y = Ops.add(Ops.mul(Ops.cast(w, DType.FLOAT32), 3f), Ops.cast(Ops.cast(w, DType.INT32), DType.FLOAT32));
            g = tape.gradient(Ops.sum(y), List.of(w));
        }
        assertArrayEquals(new float[] {3, 3}, g.get(0).toFloatArray());
    }

    @Test
    void viewsOfAVariableAreSnapshots() {
        Variable v = new Variable("v", Tensor.of(new float[][] {{1, 2}, {3, 4}}));
        Tensor t = Ops.transpose(v);
        Tensor r = Ops.reshape(v, 4);
        v.assign(Tensor.zeros(2, 2));
        assertArrayEquals(new float[] {1, 3, 2, 4}, t.toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3, 4}, r.toFloatArray());
    }

    @Test
    void gradients() {
        check(x -> Ops.transpose(x.get(0), 1, 2, 0), random(10, 2, 3, 4));
        check(x -> Ops.transpose(x.get(0)), random(11, 3, 2));
        check(x -> Ops.squeeze(x.get(0)), random(12, 1, 3, 1));
        check(x -> Ops.squeeze(x.get(0), 0), random(13, 1, 3, 2));
        check(x -> Ops.expandDims(x.get(0), 1), random(14, 3, 2));
        check(x -> Ops.broadcastTo(x.get(0), 2, 3, 4), random(15, 3, 1));
        check(x -> Ops.broadcastTo(x.get(0), 2, 3), random(16, 3));
        check(x -> Ops.slice(x.get(0), new int[] {1, 0, 2}, new int[] {2, -1, 2}), random(17, 3, 2, 4));
        check(x -> Ops.reshape(x.get(0), 4, 3), random(18, 3, 4));
        check(x -> Ops.reshape(x.get(0), 3, 4), random(19, 3, 4));
    }

    @Test
    void gradientsThroughChainsOfViews() {
        // each op receives a non-contiguous view produced by the previous one
        check(x -> Ops.reshape(Ops.transpose(x.get(0), 2, 0, 1), 4, 6), random(20, 2, 3, 4));
        check(x -> Ops.slice(Ops.transpose(x.get(0)), new int[] {1, 1}, new int[] {2, 2}), random(21, 3, 4));
        check(x -> Ops.squeeze(Ops.slice(Ops.transpose(x.get(0), 1, 0, 2), new int[] {0, 1, 0}, new int[] {3, 1, 2}), 1),
                random(22, 2, 3, 2));
        check(x -> Ops.mul(Ops.broadcastTo(Ops.transpose(x.get(0)), 2, 3, 2), Ops.expandDims(x.get(1), 0)),
                random(23, 2, 3), random(24, 3, 2));
    }
}
