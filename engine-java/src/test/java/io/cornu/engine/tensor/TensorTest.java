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
    }
}
