package io.cornu.engine.optimizers.schedules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExponentialDecayTest {

    /** Keras: initial_learning_rate * decay_rate ^ (step / decay_steps). */
    @Test
    void continuousDecay() {
        ExponentialDecay s = new ExponentialDecay(0.1f, 10, 0.5f);
        for (long step : new long[] {0, 1, 5, 10, 15, 37, 1000}) {
            double expected = 0.1 * Math.pow(0.5, step / 10.0);
            assertEquals(expected, s.learningRate(step), 1e-6 * expected, "step " + step);
        }
        assertEquals(0.05f, s.learningRate(10), 1e-8);
    }

    /** Keras with staircase: the exponent is floor(step / decay_steps). */
    @Test
    void staircaseDecay() {
        ExponentialDecay s = new ExponentialDecay(1f, 100, 0.96f, true);
        assertEquals(1f, s.learningRate(0));
        assertEquals(1f, s.learningRate(99));
        assertEquals(0.96f, s.learningRate(100), 1e-7);
        assertEquals(0.96f, s.learningRate(199), 1e-7);
        // 0.96f is 0.96 to float precision, so the powers agree to ~1e-6
        assertEquals(Math.pow(0.96, 2), s.learningRate(250), 1e-6);
        assertEquals(Math.pow(0.96, 10), s.learningRate(1000), 1e-6);
        assertEquals(Math.pow(0.96, 10), s.learningRate(1099), 1e-6);
    }

    @Test
    void configAndErrors() {
        ExponentialDecay s = new ExponentialDecay(0.1f, 1000, 0.9f, true);
        assertEquals(1000L, s.getConfig().get("decay_steps"));
        assertEquals(true, s.getConfig().get("staircase"));
        assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0",
                assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1f, 0, 0.9f)).getMessage());
    }
}
