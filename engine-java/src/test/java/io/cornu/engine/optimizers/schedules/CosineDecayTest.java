package io.cornu.engine.optimizers.schedules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CosineDecayTest {

    /** Keras: decayed = (1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha. */
    private static double cosine(double from, double step, double decaySteps, double alpha) {
        double s = Math.min(step, decaySteps);
        return from * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * s / decaySteps)) + alpha);
    }

    @Test
    void decayWithoutWarmup() {
        CosineDecay s = new CosineDecay(0.1f, 100);
        for (long step : new long[] {0, 1, 25, 50, 99, 100, 150}) {
            assertEquals(cosine(0.1, step, 100, 0), s.learningRate(step), 1e-8, "step " + step);
        }
        assertEquals(0.05f, s.learningRate(50), 1e-8);
        assertEquals(0f, s.learningRate(100), 1e-8);
    }

    @Test
    void alphaIsTheFloor() {
        CosineDecay s = new CosineDecay(1f, 10, 0.2f);
        for (long step : new long[] {0, 3, 5, 10, 20}) {
            assertEquals(cosine(1, step, 10, 0.2), s.learningRate(step), 1e-7, "step " + step);
        }
        assertEquals(0.2f, s.learningRate(20), 1e-7);
    }

    /** Keras' warmup: linear from initial to warmup_target over warmup_steps, then cosine from warmup_target. */
    @Test
    void linearWarmupThenDecay() {
        CosineDecay s = new CosineDecay(0f, 100, 0.1f, 0.1f, 10);
        for (long step = 0; step < 10; step++) {
            assertEquals(0.1 * step / 10.0, s.learningRate(step), 1e-8, "warmup step " + step);
        }
        for (long step : new long[] {10, 11, 60, 109, 110, 500}) {
            assertEquals(cosine(0.1, step - 10, 100, 0.1), s.learningRate(step), 1e-8, "decay step " + step);
        }
        assertEquals(0.01f, s.learningRate(110), 1e-8);
        CosineDecay fromNonZero = new CosineDecay(0.02f, 50, 0f, 0.1f, 4);
        assertEquals(0.02 + (0.1 - 0.02) * 3 / 4.0, fromNonZero.learningRate(3), 1e-8);
    }

    @Test
    void configAndErrors() {
        CosineDecay s = new CosineDecay(0f, 100, 0.1f, 0.1f, 10);
        assertEquals(0.1f, s.getConfig().get("warmup_target"));
        assertEquals(10L, s.getConfig().get("warmup_steps"));
        assertEquals(null, new CosineDecay(0.1f, 5).getConfig().get("warmup_target"));
        assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0",
                assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0.1f, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0.1f, 10, 0f, 1f, -1));
    }
}
