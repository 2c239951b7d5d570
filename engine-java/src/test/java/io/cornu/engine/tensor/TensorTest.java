package io.cornu.engine.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorTest {

    @Test
    void viewsShareTheBuffer() {
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = x.reshape(3, -1);
        assertSame(x.buffer(), r.buffer());
        assertArrayEquals(new int[] {3, 2}, r.dims());
        Tensor t = x.transpose();
        assertSame(x.buffer(), t.buffer());
        assertFalse(t.isContiguous());
        assertEquals(4f, t.get(0, 1));
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.toFloatArray());
        Tensor rows = x.sliceRows(1, 2);
        assertArrayEquals(new float[] {4, 5, 6}, rows.toFloatArray());
        assertEquals(6f, x.get(-1, -1));
        // a reshape of a non-contiguous view copies
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.reshape(6).toFloatArray());
    }

    @Test
    void badShapesAreReported() {
        Tensor x = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.reshape(4, 2));
        assertEquals("reshape: cannot reshape tensor of shape (2, 3) (6 elements) into (4, 2) (8 elements)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(new float[5], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2, 0));
    }

    @Test
    void shapeTextIsKeras() {
        assertEquals("(None, 32)", Shape.of(Shape.NONE, 32).toString());
        assertEquals("(784,)", Shape.of(784).toString());
        assertEquals("()", Shape.of().toString());
        assertEquals(Shape.of(-1, 10), Shape.ofNullable(null, 10));
    }

    @Test
    void toStringElidesLargeTensors() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]], shape=(2, 2), dtype=float32)",
                Tensor.of(new float[][] {{1, 2}, {3, 4}}).toString());
        String big = Tensor.zeros(100, 100).toString();
        assertTrue(big.contains("..."), big);
        assertTrue(big.length() < 1000, "elided text stays short: " + big.length());
        assertTrue(big.endsWith("shape=(100, 100), dtype=float32)"));
        // views print through their strides: the same text as their contiguous copies
        Tensor view = Tensor.arange(0, 40000, 1).reshape(200, 200).transpose().slice(0, 3, 150);
        assertEquals(view.copy().toString(), view.toString());
        assertTrue(view.toString().startsWith("tensor([[3., 203., 403., ..., 39403., 39603., 39803.],"), view.toString());
    }

    @Test
    void integerTensorsHoldIndicesExactly() {
        Tensor i = Tensor.ofInts(new int[][] {{1, 2}, {3, 4}});
        assertEquals(DType.INT32, i.dtype());
        assertEquals(3L, i.getLong(1, 0));
        assertArrayEquals(new int[] {1, 3, 2, 4}, i.transpose().toIntArray());
        Tensor big = Tensor.ofLongs(1L << 40, -7);
        assertEquals(DType.INT64, big.dtype());
        assertEquals(1L << 40, big.getLong(0));
        assertEquals("tensor([1099511627776, -7], shape=(2,), dtype=int64)", big.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, i::buffer);
        assertTrue(e.getMessage().contains("Expected a float32 tensor, got a tensor of dtype int32"), e.getMessage());
        assertArrayEquals(new float[] {1, 2, 3, 4}, i.cast(DType.FLOAT32).toFloatArray());
        assertArrayEquals(new int[] {1, -2}, Tensor.of(new float[] {1.9f, -2.7f}).cast(DType.INT32).toIntArray());
    }

    @Test
    void generalViews() {
        Tensor x = Tensor.arange(0, 24, 1).reshape(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.dims());
        assertEquals(x.get(1, 2, 3), p.get(3, 1, 2));
        Tensor s = x.slice(2, 1, 3);
        assertArrayEquals(new int[] {2, 3, 2}, s.dims());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22}, s.toFloatArray());
        Tensor e = x.expandDims(1);
        assertArrayEquals(new int[] {2, 1, 3, 4}, e.dims());
        assertArrayEquals(new int[] {2, 3, 4}, e.squeeze().dims());
        assertThrows(IllegalArgumentException.class, () -> x.squeeze(0));
        Tensor b = Tensor.of(new float[] {1, 2}).reshape(2, 1).broadcastTo(2, 3);
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2}, b.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> x.broadcastTo(3, 3, 4));
    }

    @Test
    void creationHelpers() {
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f}, Tensor.arange(0, 2, 0.5f).toFloatArray());
        assertArrayEquals(new int[] {0, 1, 2}, Tensor.arangeInt(3).toIntArray());
        assertArrayEquals(new float[] {1, 0, 0, 1}, Tensor.eye(2).toFloatArray());
        assertArrayEquals(Tensor.randomNormal(5, 0, 1, 10).toFloatArray(), Tensor.randomNormal(5, 0, 1, 10).toFloatArray());
        float[] u = Tensor.randomUniform(1, -2, 3, 1000).toFloatArray();
        for (float v : u) assertTrue(v >= -2 && v < 3);
        float[] t = Tensor.truncatedNormal(2, 1, 0.5f, 5000).toFloatArray();
        double mean = 0;
        for (float v : t) {
            assertTrue(v >= 0 && v <= 2, "within two standard deviations: " + v);
            mean += v / t.length;
        }
        assertEquals(1.0, mean, 0.03);
        float[] n = Tensor.randomNormal(3, 2, 3, 20000).toFloatArray();
        double m = 0, sq = 0;
        for (float v : n) m += v / n.length;
        for (float v : n) sq += (v - m) * (v - m) / n.length;
        assertEquals(2, m, 0.1);
        assertEquals(3, Math.sqrt(sq), 0.1);
        assertArrayEquals(new int[] {2, 2, 2}, Tensor.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}).dims());
    }
}
