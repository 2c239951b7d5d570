package io.cornu.engine.optimizers.schedules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InverseTimeDecayTest {

    /** Keras: initial_learning_rate / (1 + decay_rate * step / decay_steps). */
    @Test
    void continuousDecay() {
        InverseTimeDecay s = new InverseTimeDecay(0.1f, 1, 0.5f);
        for (long step : new long[] {0, 1, 2, 3, 10, 1000}) {
            assertEquals(0.1 / (1 + 0.5 * step), s.learningRate(step), 1e-8, "step " + step);
        }
        InverseTimeDecay slow = new InverseTimeDecay(1f, 4, 2f);
        assertEquals(1 / (1 + 2 * 3 / 4.0), slow.learningRate(3), 1e-7);
    }

    /** Keras with staircase: floor(step / decay_steps). */
    @Test
    void staircaseDecay() {
        InverseTimeDecay s = new InverseTimeDecay(1f, 4, 2f, true);
        assertEquals(1f, s.learningRate(3));
        assertEquals(1 / 3.0, s.learningRate(4), 1e-7);
        assertEquals(1 / 3.0, s.learningRate(7), 1e-7);
        assertEquals(1 / 5.0, s.learningRate(9), 1e-7);
    }

    @Test
    void configAndErrors() {
        assertEquals(0.5f, new InverseTimeDecay(0.1f, 1, 0.5f).getConfig().get("decay_rate"));
        assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=-3",
                assertThrows(IllegalArgumentException.class, () -> new InverseTimeDecay(0.1f, -3, 0.5f)).getMessage());
    }
}
