package io.cornu.engine.initializers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityTest {

    @Test
    void gainOnTheMainDiagonal() {
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new Identity().create(3, 3).toFloatArray());
        assertArrayEquals(new float[] {
                2, 0, 0, 0, 0,
                0, 2, 0, 0, 0,
                0, 0, 2, 0, 0}, new Identity(2.0).create(3, 5).toFloatArray(), "eye(3, 5), as Keras");
        assertArrayEquals(new float[] {
                -1, 0,
                0, -1,
                0, 0}, new Identity(-1.0).create(3, 2).toFloatArray(), "eye(3, 2)");
    }

    @Test
    void onlyForMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Identity().create(3, 3, 3));
        assertEquals("Identity matrix initializer can only be used for 2D matrices. Received: shape=(3, 3, 3) of rank 3.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Identity().create(4));
        assertEquals("Identity matrix initializer can only be used for 2D matrices. Received: shape=(4,) of rank 1.", e.getMessage());
    }
}
