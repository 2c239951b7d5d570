package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Optimizers written by subclassing: the base does the bookkeeping, the subclass one variable's update. */
class CustomOptimizerTest {

    /** SGD whose learning rate halves every {@code every} iterations; clipping comes from the base. */
    static final class HalvingSGD extends Optimizer {
        private final long every;

        HalvingSGD(float learningRate, long every) {
            super("HalvingSGD", learningRate);
            this.every = every;
        }

        HalvingSGD(Builder b) {
            super("HalvingSGD", b);
            this.every = b.every;
        }

        static final class Builder extends Optimizer.Builder<Builder> {
            long every = 100;

            Builder() {
                super(0.01f);
            }

            @Override
            protected Builder self() {
                return this;
            }

            Builder every(long every) {
                this.every = every;
                return this;
            }
        }

        @Override
        protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
            float effective = lr * (float) Math.pow(0.5, iterations() / every);
            float[] w = variable.buffer();
            for (int i = 0; i < w.length; i++) w[i] -= effective * g[i];
        }
    }

    @Test
    void halvingEveryHundredIterations() {
        Variable w = variable("w", 0, 0);
        HalvingSGD opt = new HalvingSGD(0.1f, 100);
        double ref = 0;
        for (int k = 0; k < 250; k++) {
            step(opt, w, 1, -2);
            ref -= 0.1 * Math.pow(0.5, k / 100);
        }
        // 100 steps at 0.1, 100 at 0.05, 50 at 0.025
        assertEquals(-(10 + 5 + 1.25), ref, 1e-9);
        assertValues(new double[] {ref, -2 * ref}, w, 1e-5, "w");
        assertEquals(250, opt.iterations());
        assertEquals(List.of(), opt.variables());
    }

    @Test
    void customOptimizerGetsBaseClippingAndSchedules() {
        Variable w = variable("w", 0, 0);
        HalvingSGD opt = new HalvingSGD(new HalvingSGD.Builder().learningRate(step -> 1f).every(1).clipnorm(1f));
        step(opt, w, 3, 4);   // clipped to (0.6, 0.8), lr 1
        step(opt, w, 3, 4);   // halved: lr 0.5
        assertValues(new double[] {-0.9, -1.2}, w, "w");
        assertEquals(1f, opt.clipnorm());
    }

    /** A subclass with state: the base creates its slot per variable, initialised as the subclass asks. */
    static final class SignMomentum extends Optimizer {
        SignMomentum(float learningRate) {
            super("SignMomentum", learningRate);
        }

        @Override
        protected String[] slotNames() {
            return new String[] {"velocity"};
        }

        @Override
        protected float slotInitialValue(String slot) {
            return 1f;
        }

        @Override
        protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
            float[] w = variable.buffer();
            float[] v = slots[0];
            for (int i = 0; i < w.length; i++) {
                v[i] = 0.5f * v[i] + Math.signum(g[i]);
                w[i] -= lr * v[i];
            }
        }
    }

    @Test
    void customSlotsAreCreatedAndReadable() {
        Variable w = variable("layer/kernel", 1, 1);
        SignMomentum opt = new SignMomentum(0.1f);
        double[] v = {1, 1}, ref = {1, 1};
        double[][] grads = {{2, -3}, {0.5, -0.1}, {-1, 4}};
        for (double[] g : grads) {
            step(opt, w, g);
            for (int i = 0; i < 2; i++) {
                v[i] = 0.5 * v[i] + Math.signum(g[i]);
                ref[i] -= 0.1 * v[i];
            }
            assertValues(ref, w, "w");
        }
        Variable slot = opt.slot(w, "velocity");
        assertNotNull(slot);
        assertEquals("SignMomentum/layer_kernel_velocity", slot.name());
        assertValues(v, slot, "velocity");
        assertEquals(List.of(slot), opt.variables());
    }

    /** The custom optimizer minimises a quadratic like any other. */
    @Test
    void customOptimizerConverges() {
        Variable w = variable("w", 10);
        HalvingSGD opt = new HalvingSGD(0.2f, 100);
        for (int k = 0; k < 200; k++) step(opt, w, 2 * (w.get(0) - 3));
        assertEquals(3, w.get(0), 1e-4);
    }
}
