package io.cornu.engine.initializers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantTest {

    @Test
    void everyValueIsTheConstant() {
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f}, new Constant(0.1).create(2, 3).toFloatArray());
        assertArrayEquals(new float[] {0f, 0f}, new Constant().create(2).toFloatArray(), "Keras' default value 0.0");
        assertArrayEquals(new float[] {0f, 0f, 0f}, new Zeros().create(3).toFloatArray());
        assertArrayEquals(new float[] {1f, 1f, 1f}, new Ones().create(3).toFloatArray());
    }

    @Test
    void onlyScalars() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.get(Map.of("class_name", "Constant", "config", Map.of("value", java.util.List.of(1, 2)))));
        assertTrue(e.getMessage().startsWith("Constant: only scalar values are supported. Received: value=[1, 2]"), e.getMessage());
    }
}
