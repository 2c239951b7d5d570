package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrthogonalTest {

    /**
     * {@code M^T M} (columns) or {@code M M^T} (rows) of the {@code rows x cols} matrix {@code m}
     * equals {@code gain^2 I}: float32 entries are within 2^-24 relatively, so each dot product of
     * unit vectors of up to 100 terms is within about 1e-5.
     */
    static void assertOrthogonal(float[] m, int rows, int cols, boolean byColumns, double gain) {
        int k = byColumns ? cols : rows, len = byColumns ? rows : cols;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < len; i++) {
                    dot += byColumns ? (double) m[i * cols + a] * m[i * cols + b] : (double) m[a * cols + i] * m[b * cols + i];
                }
                assertEquals(a == b ? gain * gain : 0.0, dot, 1e-5 * gain * gain, (byColumns ? "columns " : "rows ") + a + ", " + b);
            }
        }
    }

    @Test
    void squareIsOrthogonalWithTheGain() {
        assertOrthogonal(new Orthogonal(1.0, 1L).create(64, 64).toFloatArray(), 64, 64, true, 1.0);
        float[] q = new Orthogonal(2.5, 1L).create(64, 64).toFloatArray();
        assertOrthogonal(q, 64, 64, true, 2.5);
        assertOrthogonal(q, 64, 64, false, 2.5);
    }

    @Test
    void tallHasOrthonormalColumnsWideHasOrthonormalRows() {
        assertOrthogonal(new Orthogonal(1.0, 2L).create(50, 20).toFloatArray(), 50, 20, true, 1.0);
        assertOrthogonal(new Orthogonal(0.5, 2L).create(20, 50).toFloatArray(), 20, 50, false, 0.5);
    }

    @Test
    void convKernelIsFlattenedToRowsOfItsLeadingAxes() {
        // (3, 3, 4, 8) is the matrix (36, 8): 8 orthonormal columns of length 36
        Tensor t = new Orthogonal(1.0, 3L).create(3, 3, 4, 8);
        assertArrayEquals(new int[] {3, 3, 4, 8}, t.dims());
        assertOrthogonal(t.toFloatArray(), 36, 8, true, 1.0);
        // (2, 3, 16) is (6, 16): 6 orthonormal rows
        assertOrthogonal(new Orthogonal(1.0, 3L).create(2, 3, 16).toFloatArray(), 6, 16, false, 1.0);
    }

    @Test
    void seeded() {
        float[] a = new Orthogonal(1.0, 7L).create(8, 8).toFloatArray();
        assertArrayEquals(a, new Orthogonal(1.0, 7L).create(8, 8).toFloatArray());
        assertFalse(java.util.Arrays.equals(a, new Orthogonal(1.0, 8L).create(8, 8).toFloatArray()));
    }

    @Test
    void needsAtLeastTwoDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Orthogonal().create(5));
        assertEquals("Orthogonal: the tensor to initialize must be at least two-dimensional. Received: shape=(5,) of rank 1.", e.getMessage());
    }
}
