package io.cornu.engine.ops;

import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

import static io.cornu.engine.ops.ArithmeticTest.assertClose;
import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward values of the reductions, cumsum and topK, against hand-computed and brute-force references. */
class ReductionsTest {
    private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

    /**
     * Brute-force reduction in double: visits every element and combines it into the output
     * element its kept indices name. Independent of the strided implementation under test.
     */
    private static double[] bruteForce(Tensor x, int[] axes, double init, DoubleBinaryOperator combine) {
        int[] dims = x.dims();
        boolean[] red = new boolean[dims.length];
        for (int a : axes) red[a] = true;
        int outSize = 1;
        for (int i = 0; i < dims.length; i++) if (!red[i]) outSize *= dims[i];
        double[] out = new double[outSize];
        Arrays.fill(out, init);
        float[] v = x.toFloatArray();
        int[] idx = new int[dims.length];
        for (int flat = 0; flat < v.length; flat++) {
            int o = 0;
            for (int i = 0; i < dims.length; i++) if (!red[i]) o = o * dims[i] + idx[i];
            out[o] = combine.applyAsDouble(out[o], v[flat]);
            for (int i = dims.length - 1; i >= 0; i--) {
                if (++idx[i] < dims[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }

    @Test
    void everyAxisSubsetWithAndWithoutKeepDimsMatchesBruteForce() {
        Tensor x = random(7, 2, 3, 4, 5);
        for (int mask = 1; mask < 16; mask++) {
            int[] axes = new int[Integer.bitCount(mask)];
            for (int a = 0, j = 0; a < 4; a++) if ((mask & 1 << a) != 0) axes[j++] = a;
            int count = 1;
            for (int a : axes) count *= x.dim(a);
            double[] sum = bruteForce(x, axes, 0, Double::sum);
            double[] mean = sum.clone();
            for (int i = 0; i < mean.length; i++) mean[i] /= count;
            for (boolean keep : new boolean[] {false, true}) {
                String what = "axes " + Arrays.toString(axes) + " keepDims " + keep;
                Tensor s = Ops.sum(x, axes, keep);
                assertArrayEquals(Reductions.reducedShape(x.dims(), axes, keep), s.dims(), what);
                assertClose(sum, s, 1e-5, 1e-5);
                assertClose(mean, Ops.mean(x, axes, keep), 1e-5, 1e-6);
                assertClose(bruteForce(x, axes, Double.NEGATIVE_INFINITY, Math::max), Ops.max(x, axes, keep), 0, 0);
                assertClose(bruteForce(x, axes, Double.POSITIVE_INFINITY, Math::min), Ops.min(x, axes, keep), 0, 0);
                assertClose(bruteForce(x, axes, 1, (p, v) -> p * v), Ops.prod(x, axes, keep), 1e-5, 1e-30);
            }
        }
    }

    @Test
    void reductionsOverAxes() {
        assertEquals(21f, Ops.sum(A).item());
        assertArrayEquals(new float[] {5, 7, 9}, Ops.sum(A, 0).toFloatArray());
        assertArrayEquals(new int[] {2, 1}, Ops.sum(A, new int[] {1}, true).dims());
        assertArrayEquals(new float[] {2, 5}, Ops.mean(A, -1).toFloatArray());
        assertArrayEquals(new float[] {3, 6}, Ops.max(A, new int[] {1}, false).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3}, Ops.min(A, 0).toFloatArray());
        assertArrayEquals(new float[] {6, 120}, Ops.prod(A, 1).toFloatArray());
        assertEquals(720f, Ops.prod(A).item());
        assertArrayEquals(new int[] {1, 1}, Ops.max(A, new int[0], true).dims());
        // on a transposed view
        assertArrayEquals(new float[] {6, 15}, Ops.sum(A.transpose(), 0).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6}, Ops.max(A.transpose(), -1).toFloatArray());
    }

    @Test
    void invalidAxesNameTheOp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.sum(A, 3));
        assertEquals("sum: axis 3 is out of bounds for a tensor of rank 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.max(A, -3));
        assertEquals("max: axis -3 is out of bounds for a tensor of rank 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.mean(A, 1, -1));
        assertEquals("mean: repeated axis 1 in axes [1, -1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.argmax(A, 2));
        assertEquals("argmax: axis 2 is out of bounds for a tensor of rank 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.max(Tensor.zeros(2, 0), 1));
        assertEquals("max: cannot reduce over axis 1 of size 0 in a tensor of shape (2, 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.sum(Tensor.ofInts(1, 2)));
        assertEquals("sum: expected a float32 tensor, got int32 tensor of shape (2,)", e.getMessage());
    }

    @Test
    void emptyReductions() {
        assertArrayEquals(new float[] {0, 0}, Ops.sum(Tensor.zeros(2, 0), 1).toFloatArray());
        assertArrayEquals(new float[] {1, 1}, Ops.prod(Tensor.zeros(2, 0), 1).toFloatArray());
        assertTrue(Float.isNaN(Ops.mean(Tensor.zeros(0)).item()));
    }

    @Test
    void maxAndMinOfIntegerTensorsStayIntegers() {
        Tensor i = Tensor.ofInts(new int[][] {{3, -7, 5}, {2, 9, -1}});
        Tensor mx = Ops.max(i, 1);
        assertEquals(DType.INT32, mx.dtype());
        assertArrayEquals(new int[] {5, 9}, mx.toIntArray());
        assertArrayEquals(new int[] {-7}, Ops.min(i, new int[0], true).reshape(1).toIntArray());
        Tensor l = Ops.max(Tensor.ofLongs(1L << 40, 3), 0);
        assertEquals(DType.INT64, l.dtype());
        assertEquals(1L << 40, l.getLong());
    }

    @Test
    void argmaxAndArgminReturnInt32Indices() {
        Tensor x = Tensor.of(new float[][] {{1, 7, 7, 0}, {-2, -5, 3, -5}});
        Tensor am = Ops.argmax(x, 1);
        assertEquals(DType.INT32, am.dtype());
        assertArrayEquals(new int[] {1, 2}, am.toIntArray()); // first occurrence on ties
        assertArrayEquals(new int[] {3, 1}, Ops.argmin(x, -1).toIntArray());
        assertArrayEquals(new int[] {0, 0, 0, 0}, Ops.argmax(x, 0).toIntArray());
        assertArrayEquals(new int[] {1, 1, 1, 1}, Ops.argmin(x, 0).toIntArray());
        assertArrayEquals(new int[] {2, 1}, Ops.argmax(x, 1, true).dims());
        // flattened
        Tensor flat = Ops.argmax(x);
        assertEquals(0, flat.rank());
        assertEquals(1, flat.getLong());
        assertEquals(5, Ops.argmin(x).getLong());
        // NaN counts as the extreme, as in NumPy
        assertEquals(1, Ops.argmax(Tensor.of(new float[] {1, Float.NaN, 9})).getLong());
        assertEquals(1, Ops.argmin(Tensor.of(new float[] {1, Float.NaN, -9})).getLong());
        // on a transposed view and on integers
        assertArrayEquals(new int[] {1, 2}, Ops.argmax(x.transpose(), 0).toIntArray());
        assertArrayEquals(new int[] {2, 0}, Ops.argmax(Tensor.ofInts(new int[][] {{1, 4, 9}, {8, 2, 8}}), 1).toIntArray());
        assertEquals(1, Ops.argmin(Tensor.ofLongs(5, -3, 7)).getLong());
    }

    @Test
    void varianceAndStd() {
        Tensor v = Tensor.of(new float[] {1, 2, 3, 4});
        assertEquals(1.25f, Ops.variance(v).item(), 1e-7);
        assertEquals((float) Math.sqrt(1.25), Ops.std(v).item(), 1e-7);
        assertArrayEquals(new float[] {2f / 3, 2f / 3}, Ops.variance(A, 1).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f}, Ops.std(A, 0).toFloatArray(), 1e-6f);
        assertArrayEquals(new int[] {1, 3}, Ops.variance(A, new int[] {0}, true).dims());
        // two-pass double reference over several axes, with a large offset (a one-pass formula would cancel)
        Tensor x = Ops.add(random(3, 3, 4, 5), 1000f);
        double[] ref = new double[4];
        float[] d = x.toFloatArray();
        for (int j = 0; j < 4; j++) {
            double m = 0, s = 0;
            for (int i = 0; i < 3; i++) for (int k = 0; k < 5; k++) m += d[(i * 4 + j) * 5 + k];
            m /= 15;
            for (int i = 0; i < 3; i++) for (int k = 0; k < 5; k++) s += Math.pow(d[(i * 4 + j) * 5 + k] - m, 2);
            ref[j] = s / 15;
        }
        assertClose(ref, Ops.variance(x, 0, 2), 1e-3, 1e-4);
    }

    @Test
    void vectorNorms() {
        Tensor v = Tensor.of(new float[] {3, -4, 0, 1});
        assertEquals((float) Math.sqrt(26), Ops.norm(v).item(), 1e-6);
        assertEquals((float) Math.sqrt(26), Ops.norm(v, 2, null, false).item(), 1e-6);
        assertEquals(8f, Ops.norm(v, 1, null, false).item());
        assertEquals(4f, Ops.norm(v, Double.POSITIVE_INFINITY, null, false).item());
        assertEquals(0f, Ops.norm(v, Double.NEGATIVE_INFINITY, null, false).item());
        assertEquals(3f, Ops.norm(v, 0, null, false).item());
        assertEquals((float) Math.cbrt(27 + 64 + 1), Ops.norm(v, 3, null, false).item(), 1e-5);
        // along an axis of a matrix, keeping dims
        Tensor m = Tensor.of(new float[][] {{3, 4}, {-6, 8}});
        Tensor rows = Ops.norm(m, new int[] {1}, true);
        assertArrayEquals(new int[] {2, 1}, rows.dims());
        assertArrayEquals(new float[] {5, 10}, rows.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {9, 12}, Ops.norm(m, 1, new int[] {0}, false).toFloatArray());
        // no axis, no ord: the 2-norm of the flattened tensor, whatever the rank
        assertEquals((float) Math.sqrt(125), Ops.norm(m.reshape(2, 1, 2)).item(), 1e-5);
    }

    @Test
    void matrixNorms() {
        Tensor m = Tensor.of(new float[][] {{1, -2}, {3, 4}});
        assertEquals((float) Math.sqrt(30), Ops.norm(m, "fro", null, false).item(), 1e-6);
        assertEquals((float) Math.sqrt(30), Ops.norm(m, new int[] {0, 1}, false).item(), 1e-6);
        assertEquals(6f, Ops.norm(m, 1, null, false).item());   // max column sum: |-2| + |4|
        assertEquals(4f, Ops.norm(m, -1, null, false).item());  // min column sum: 1 + 3
        assertEquals(7f, Ops.norm(m, Double.POSITIVE_INFINITY, null, false).item()); // max row sum
        assertEquals(3f, Ops.norm(m, Double.NEGATIVE_INFINITY, null, false).item()); // min row sum
        // the axis order decides which axis holds the rows
        assertEquals(7f, Ops.norm(m, 1, new int[] {1, 0}, false).item());
        // a batch of matrices over axes (1, 2), with and without keepDims
        Tensor batch = Ops.mul(Tensor.wrap(new float[] {1, -2, 3, 4, 1, -2, 3, 4}, 2, 2, 2), Tensor.wrap(new float[] {1, 2}, 2, 1, 1));
        assertArrayEquals(new float[] {6, 12}, Ops.norm(batch, 1, new int[] {1, 2}, false).toFloatArray());
        assertArrayEquals(new int[] {2, 1, 1}, Ops.norm(batch, Double.POSITIVE_INFINITY, new int[] {-2, -1}, true).dims());
        assertArrayEquals(new float[] {7, 14}, Ops.norm(batch, Double.POSITIVE_INFINITY, new int[] {-2, -1}, true).toFloatArray());
    }

    @Test
    void invalidNormArguments() {
        Tensor m = Tensor.zeros(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.norm(Tensor.zeros(3), "fro", null, false));
        assertEquals("norm: invalid ord for a vector norm. Received: ord='fro'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.norm(Tensor.zeros(2, 2, 2), 1, null, false));
        assertEquals("norm: with ord=1 and no axis, expected a tensor of rank 1 or 2, got shape (2, 2, 2). Received: ord=1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.norm(m, 3, null, false));
        assertEquals("norm: invalid ord for a matrix norm. Received: ord=3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.norm(m, 1, new int[] {0, 1, 0}, false));
        assertEquals("norm: expected 1 axis (vector norm) or 2 axes (matrix norm). Received: axis=[0, 1, 0]", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> Ops.norm(m, 2, null, false));
        assertThrows(UnsupportedOperationException.class, () -> Ops.norm(m, "nuc", null, false));
    }

    @Test
    void logSumExpIsStableOnLargeValues() {
        Tensor x = Tensor.of(new float[][] {{1000, 1001, 1002}, {-1000, -1001, -1002}});
        double tail = Math.log(1 + Math.exp(-1) + Math.exp(-2));
        assertClose(new double[] {1002 + tail, -1000 + tail}, Ops.logSumExp(x, new int[] {1}, false), 1e-7, 0);
        assertArrayEquals(new int[] {2, 1}, Ops.logSumExp(x, new int[] {-1}, true).dims());
        // over all axes: dominated by the first row
        assertEquals(1002 + tail, Ops.logSumExp(x).item(), 1e-3);
        // all -inf gives -inf, +inf gives +inf; no NaN
        float inf = Float.POSITIVE_INFINITY;
        Tensor edge = Tensor.of(new float[][] {{-inf, -inf}, {inf, 0}});
        assertArrayEquals(new float[] {-inf, inf}, Ops.logSumExp(edge, new int[] {1}, false).toFloatArray());
        // several axes against the definition in double (values small enough not to overflow)
        Tensor r = random(5, 2, 3, 4);
        double[] ref = bruteForce(Ops.exp(r), new int[] {0, 2}, 0, Double::sum);
        for (int i = 0; i < ref.length; i++) ref[i] = Math.log(ref[i]);
        assertClose(ref, Ops.logSumExp(r, new int[] {0, 2}, false), 1e-5, 1e-6);
    }

    @Test
    void cumsumAlongAxesAndFlattened() {
        // Keras: ops.cumsum([[1, 2], [3, 4]]) flattens
        Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new float[] {1, 3, 6, 10}, Ops.cumsum(m).toFloatArray());
        assertArrayEquals(new int[] {4}, Ops.cumsum(m).dims());
        assertArrayEquals(new float[] {1, 2, 4, 6}, Ops.cumsum(m, 0).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 3, 7}, Ops.cumsum(m, -1).toFloatArray());
        assertArrayEquals(new float[] {1, 4, 2, 6}, Ops.cumsum(m.transpose(), 1).toFloatArray()); // [[1, 3], [2, 4]]
        Tensor x = random(9, 3, 4, 2);
        float[] v = x.toFloatArray(), c = Ops.cumsum(x, 1).toFloatArray();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    s += v[(i * 4 + j) * 2 + k];
                    assertEquals(s, c[(i * 4 + j) * 2 + k], 1e-5);
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.cumsum(m, 2));
        assertEquals("cumsum: axis 2 is out of bounds for a tensor of rank 2", e.getMessage());
    }

    @Test
    void topKReturnsSortedValuesAndInt32Indices() {
        Tensor x = Tensor.of(new float[][] {{1, 5, 3, 5, -2}, {0, -1, 9, 2, 8}});
        TopK top = Ops.topK(x, 3);
        assertArrayEquals(new int[] {2, 3}, top.values().dims());
        assertArrayEquals(new float[] {5, 5, 3, 9, 8, 2}, top.values().toFloatArray());
        assertEquals(DType.INT32, top.indices().dtype());
        assertArrayEquals(new int[] {1, 3, 2, 2, 4, 3}, top.indices().toIntArray()); // ties: lower index first
        TopK all = Ops.topK(Tensor.of(new float[] {-0.5f, -3f, Float.NEGATIVE_INFINITY, 2f}), 4);
        assertArrayEquals(new float[] {2f, -0.5f, -3f, Float.NEGATIVE_INFINITY}, all.values().toFloatArray());
        assertArrayEquals(new int[] {3, 0, 1, 2}, all.indices().toIntArray());
        assertArrayEquals(new int[] {5, 1}, Ops.topK(x.transpose(), 1).indices().dims());
        assertArrayEquals(new int[] {0, 0, 1, 0, 1}, Ops.topK(x.transpose(), 1).indices().toIntArray());
    }

    @Test
    void topKValidatesK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.topK(A, 0));
        assertEquals("top_k: expected 1 <= k <= 3 (the last axis of shape (2, 3)). Received: k=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.topK(A, 4));
        assertEquals("top_k: expected 1 <= k <= 3 (the last axis of shape (2, 3)). Received: k=4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.topK(Tensor.scalar(1), 1));
        assertEquals("top_k: expected a tensor of rank >= 1, got shape ()", e.getMessage());
    }
}
