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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Comparisons (float32 0/1 masks) and {@code where}. */
class ComparisonsTest {
    private static final Tensor X = Tensor.of(new float[][] {{1, 2, 3}, {4, Float.NaN, 6}});
    private static final Tensor ROW = Tensor.of(new float[] {1, 5, 6});

    @Test
    void comparisonsBroadcastToFloatMasks() {
        assertMask(new float[] {1, 0, 0, 0, 0, 1}, Ops.equal(X, ROW));
        assertMask(new float[] {0, 1, 1, 1, 1, 0}, Ops.notEqual(X, ROW)); // NaN != anything
        assertMask(new float[] {0, 0, 0, 1, 0, 0}, Ops.greater(X, ROW));
        assertMask(new float[] {1, 0, 0, 1, 0, 1}, Ops.greaterEqual(X, ROW));
        assertMask(new float[] {0, 1, 1, 0, 0, 0}, Ops.less(X, ROW));
        assertMask(new float[] {1, 1, 1, 0, 0, 1}, Ops.lessEqual(X, ROW));
        Tensor col = Ops.greater(Tensor.wrap(new float[] {0, 2}, 2, 1), Tensor.of(new float[] {-1, 1, 3}));
        assertArrayEquals(new int[] {2, 3}, col.dims());
        assertMask(new float[] {1, 0, 0, 1, 1, 0}, col);
    }

    private static void assertMask(float[] expected, Tensor mask) {
        assertEquals(DType.FLOAT32, mask.dtype());
        assertArrayEquals(expected, mask.toFloatArray());
    }

    @Test
    void comparisonsOnTransposedViews() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}}).transpose(); // [[1, 3], [2, 4]]
        assertMask(new float[] {0, 1, 0, 1}, Ops.greater(t, Tensor.scalar(2.5f)));
        assertMask(new float[] {1, 0, 0, 1}, Ops.equal(t, Tensor.of(new float[][] {{1, 2}, {3, 4}})));
    }

    @Test
    void integerOperandsCompareExactly() {
        // 2^53 + 1 and 2^53 are equal as doubles, not as int64
        Tensor big = Tensor.ofLongs(9007199254740993L, 5);
        assertMask(new float[] {0, 1}, Ops.equal(big, Tensor.ofLongs(9007199254740992L, 5)));
        assertMask(new float[] {1, 0}, Ops.greater(big, Tensor.ofLongs(9007199254740992L, 5)));
        assertMask(new float[] {0, 1, 0}, Ops.equal(Tensor.ofInts(1, 2, 3), Tensor.ofLongs(2, 2, 2)));
        // int32 against float32 compares the values (16777217 is not a float32)
        assertMask(new float[] {0, 1}, Ops.equal(Tensor.ofInts(16777217, 3), Tensor.of(new float[] {16777216f, 3f})));
        assertMask(new float[] {1, 0, 0}, Ops.less(Tensor.ofInts(1, 2, 3), Tensor.scalar(1.5f)));
    }

    @Test
    void failedBroadcastNamesTheOp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.less(X, Tensor.zeros(2)));
        assertEquals("less: cannot broadcast shapes (2, 3) and (2,): dimension 1 is 3 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.where(Tensor.zeros(4), X, X));
        assertEquals("where: cannot broadcast shapes (4,) and (2, 3): dimension 1 is 4 and 3", e.getMessage());
    }

    @Test
    void comparisonsHaveNoGradient() {
        Variable x = new Variable("x", Tensor.of(new float[] {-1, 2, -3, 4}));
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            // x * (x > 0): the mask is a constant, so the gradient is the mask itself
            g = tape.gradient(Ops.sum(Ops.mul(x, Ops.greater(x, Tensor.scalar(0)))), List.of(x)).get(0);
        }
        assertArrayEquals(new float[] {0, 1, 0, 1}, g.toFloatArray());
    }

    @Test
    void whereSelectsWithBroadcasting() {
        Tensor cond = Tensor.wrap(new float[] {1, 0, 1}, 3, 1);
        Tensor a = Tensor.of(new float[] {10, 20});
        Tensor out = Ops.where(cond, a, Tensor.scalar(-1));
        assertArrayEquals(new int[] {3, 2}, out.dims());
        assertArrayEquals(new float[] {10, 20, -1, -1, 10, 20}, out.toFloatArray());
        // cond from a comparison, as in a leaky relu written by hand
        Tensor x = Tensor.of(new float[] {-2, 3});
        assertArrayEquals(new float[] {-0.2f, 3}, Ops.where(Ops.greater(x, Tensor.scalar(0)), x, Ops.mul(x, 0.1f)).toFloatArray());
        // an int condition: non-zero is true
        assertArrayEquals(new float[] {1, 0, 1}, Ops.where(Tensor.ofInts(5, 0, -1), Tensor.ones(3), Tensor.zeros(3)).toFloatArray());
    }

    @Test
    void whereKeepsIntegerDtypes() {
        Tensor c = Tensor.of(new float[] {1, 0});
        Tensor i32 = Ops.where(c, Tensor.ofInts(1, 2), Tensor.ofInts(3, 4));
        assertEquals(DType.INT32, i32.dtype());
        assertArrayEquals(new int[] {1, 4}, i32.toIntArray());
        Tensor i64 = Ops.where(c, Tensor.ofInts(1, 2), Tensor.ofLongs(3, 4));
        assertEquals(DType.INT64, i64.dtype());
        assertArrayEquals(new long[] {1, 4}, i64.toLongArray());
        Tensor mixed = Ops.where(c, Tensor.ofInts(1, 2), Tensor.of(new float[] {0.5f, 0.25f}));
        assertEquals(DType.FLOAT32, mixed.dtype());
        assertArrayEquals(new float[] {1, 0.25f}, mixed.toFloatArray());
    }

    @Test
    void whereGradientGoesToTheChosenOperand() {
        Tensor cond = Tensor.wrap(new float[] {1, 0, 0, 1, 1, 0}, 2, 3);
        check(x -> Ops.where(cond, x.get(0), x.get(1)), random(1, 2, 3), random(2, 3));
        Variable a = new Variable("a", Tensor.ones(2, 3));
        Variable b = new Variable("b", Tensor.ones(3));
        Variable c = new Variable("c", cond);
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(Ops.where(c, a, b)), List.of(a, b, c));
        }
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 0}, g.get(0).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2}, g.get(1).toFloatArray()); // where cond is 0, summed over the broadcast rows
        assertNull(g.get(2), "the condition gets no gradient");
    }
}
