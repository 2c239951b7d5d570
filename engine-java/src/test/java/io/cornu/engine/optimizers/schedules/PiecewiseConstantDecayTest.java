package io.cornu.engine.optimizers.schedules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PiecewiseConstantDecayTest {

    /** Keras: values[0] while step <= b[0], values[i] while b[i-1] < step <= b[i], values[n] after. */
    @Test
    void valuesBetweenBoundaries() {
        PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {100, 110}, new float[] {1.0f, 0.5f, 0.1f});
        assertEquals(1.0f, s.learningRate(0));
        assertEquals(1.0f, s.learningRate(100), "a boundary belongs to the interval below it");
        assertEquals(0.5f, s.learningRate(101));
        assertEquals(0.5f, s.learningRate(110));
        assertEquals(0.1f, s.learningRate(111));
        assertEquals(0.1f, s.learningRate(1_000_000));
    }

    @Test
    void singleBoundary() {
        PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {5}, new float[] {0.3f, 0.03f});
        assertEquals(0.3f, s.learningRate(5));
        assertEquals(0.03f, s.learningRate(6));
        assertEquals(List.of(5L), s.getConfig().get("boundaries"));
        assertEquals(List.of(0.3f, 0.03f), s.getConfig().get("values"));
    }

    @Test
    void errors() {
        assertEquals("The length of boundaries should be 1 less than the length of values. Received: boundaries=[1, 2] of length 2, "
                        + "and values=[1.0, 0.5] of length 2.",
                assertThrows(IllegalArgumentException.class,
                        () -> new PiecewiseConstantDecay(new long[] {1, 2}, new float[] {1f, 0.5f})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {5, 5}, new float[] {1f, 0.5f, 0.1f}));
    }
}
