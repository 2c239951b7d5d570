package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.ExponentialDecay;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.tensor;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base optimizer's bookkeeping: clipping, weight decay, learning rates and schedules, errors, lookup. */
class OptimizerTest {

    // ---- clipping (plain SGD with lr 1, so w moves by exactly minus the clipped gradient) -------------

    @Test
    void clipnormClipsEachGradientToItsOwnNorm() {
        Variable a = variable("a", 0, 0), b = variable("b", 0, 0);
        SGD opt = SGD.builder().learningRate(1f).clipnorm(1f).build();
        Tensor ga = tensor(3, 4), gb = tensor(0.3, 0.4);
        opt.applyGradients(List.of(ga, gb), List.of(a, b));
        // Keras: g * clipnorm / max(||g||, clipnorm): norm 5 -> scaled by 1/5; norm 0.5 -> unchanged
        assertValues(new double[] {-0.6, -0.8}, a, "a");
        assertValues(new double[] {-0.3, -0.4}, b, "b");
        assertValues(new double[] {3, 4}, ga, "the caller's gradient is not modified");
    }

    @Test
    void globalClipnormScalesAllGradientsTogether() {
        Variable a = variable("a", 0, 0), b = variable("b", 0);
        SGD opt = SGD.builder().learningRate(1f).globalClipnorm(1f).build();
        opt.applyGradients(List.of(tensor(3, 4), tensor(12)), List.of(a, b));
        // global norm sqrt(9 + 16 + 144) = 13 -> every gradient scaled by 1/13
        assertValues(new double[] {-3 / 13.0, -4 / 13.0}, a, "a");
        assertValues(new double[] {-12 / 13.0}, b, "b");

        Variable c = variable("c", 0, 0), d = variable("d", 0);
        SGD loose = SGD.builder().learningRate(1f).globalClipnorm(20f).build();
        loose.applyGradients(List.of(tensor(3, 4), tensor(12)), List.of(c, d));
        assertValues(new double[] {-3, -4}, c, "below the limit nothing changes");
    }

    @Test
    void globalClipnormOfZeroGradientsIsZeroAndOfNaNIsNaN() {
        Variable a = variable("a", 1, 1);
        SGD opt = SGD.builder().learningRate(1f).globalClipnorm(1f).build();
        step(opt, a, 0, 0);
        assertValues(new double[] {1, 1}, a, "zero norm: no NaN");
        step(opt, a, Double.NaN, 1);
        assertTrue(Float.isNaN(a.get(0)) && Float.isNaN(a.get(1)), "a NaN norm spoils every gradient, as in Keras");
        Variable b = variable("b", 1, 1);
        step(opt, b, Double.POSITIVE_INFINITY, 1);
        assertTrue(Float.isNaN(b.get(0)) && Float.isNaN(b.get(1)), "so does an infinite norm (Keras adds norm - norm)");
    }

    @Test
    void clipvalueClipsEachElement() {
        Variable a = variable("a", 0, 0, 0, 0);
        SGD opt = SGD.builder().learningRate(1f).clipvalue(0.5f).build();
        step(opt, a, 3, -4, 0.25, -0.5);
        assertValues(new double[] {-0.5, 0.5, -0.25, 0.5}, a, "a");
    }

    /** Clipping happens before the optimizer's own update: Adam sees the clipped gradient. */
    @Test
    void clippingFeedsTheUpdateRule() {
        Variable w = variable("w", 0, 0);
        Adam opt = Adam.builder().learningRate(0.1f).clipnorm(1f).build();
        step(opt, w, 30, 40);
        assertValues(new double[] {0.06, 0.08}, opt.slot(w, "momentum"), 1e-7, "m = (1 - b1) * clipped g");
    }

    @Test
    void clipArgumentsAreMutuallyExclusive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SGD.builder().clipnorm(1f).clipvalue(0.5f).build());
        assertEquals("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                + "Received: clipnorm=1.0, clipvalue=0.5, global_clipnorm=None", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().clipnorm(1f).globalClipnorm(1f).build());
        assertThrows(IllegalArgumentException.class, () -> RMSprop.builder().clipvalue(1f).globalClipnorm(1f).build());
        assertEquals("Argument `clipnorm` must be a float > 0. Received: clipnorm=-1.0",
                assertThrows(IllegalArgumentException.class, () -> SGD.builder().clipnorm(-1f).build()).getMessage());
    }

    // ---- weight decay in the base ------------------------------------------------------------------------

    /** Keras' base optimizer: w -= w * weight_decay * lr, then the optimizer's own step. */
    @Test
    void weightDecayOnAnyOptimizer() {
        Variable w = variable("w", 1, -2);
        SGD opt = SGD.builder().learningRate(0.1f).momentum(0.9f).weightDecay(0.5f).build();
        double[] ref = {1, -2}, m = new double[2];
        double[][] grads = {{0.5, 1}, {-1, 0.25}, {2, -0.5}};
        for (double[] g : grads) {
            step(opt, w, g);
            for (int i = 0; i < 2; i++) {
                ref[i] -= ref[i] * 0.5 * 0.1;
                m[i] = 0.9 * m[i] - 0.1 * g[i];
                ref[i] += m[i];
            }
            assertValues(ref, w, "w");
        }
    }

    // ---- learning rates and schedules ---------------------------------------------------------------------

    /** The schedule is evaluated at iterations: 0 for the first update, 1 for the second... */
    @Test
    void scheduleIsEvaluatedAtIterations() {
        LearningRateSchedule schedule = step -> 0.1f * (1 << step);
        Variable w = variable("w", 0);
        SGD opt = new SGD(schedule);
        double ref = 0;
        for (int k = 0; k < 3; k++) {
            assertEquals(0.1f * (1 << k), opt.learningRate(), 1e-7);
            step(opt, w, 1);
            ref -= 0.1 * (1 << k);
            assertEquals(ref, w.get(0), 1e-6);
        }
        assertEquals(0.8f, opt.learningRate(), 1e-7);
    }

    @Test
    void builtInScheduleDrivesAdam() {
        ExponentialDecay schedule = new ExponentialDecay(0.1f, 2, 0.5f);
        Variable w = variable("w", 1);
        Adam opt = Adam.builder().learningRate(schedule).build();
        double ref = 1, m = 0, v = 0;
        for (int t = 1; t <= 3; t++) {
            double g = t == 2 ? -0.5 : 1;
            step(opt, w, g);
            double lr = 0.1 * Math.pow(0.5, (t - 1) / 2.0);
            m += (g - m) * 0.1;
            v += (g * g - v) * 0.001;
            ref -= lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)) * m / (Math.sqrt(v) + 1e-7);
            assertEquals(ref, w.get(0), 2e-6);
        }
        assertEquals(0.1 * Math.pow(0.5, 1.5), opt.learningRate(), 1e-7);
        assertInstanceOf(Map.class, opt.getConfig().get("learning_rate"));
        assertEquals("ExponentialDecay", ((Map<?, ?>) opt.getConfig().get("learning_rate")).get("class_name"));
    }

    @Test
    void setLearningRate() {
        SGD opt = new SGD(0.1f);
        opt.setLearningRate(0.05f);
        assertEquals(0.05f, opt.learningRate());
        assertNull(opt.learningRateSchedule());
        opt.setLearningRate(step -> 1f / (step + 1));
        assertEquals(1f, opt.learningRate());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opt.setLearningRate(0.1f));
        assertTrue(e.getMessage().startsWith("This optimizer was created with a `LearningRateSchedule` object"), e.getMessage());
    }

    @Test
    void badLearningRatesAreNamed() {
        String expected = "Argument `learning_rate` should be a float >= 0, or an instance of LearningRateSchedule, or a callable "
                + "(that takes in the current iteration value and returns the corresponding learning rate value). "
                + "Received instead: learning_rate=-1.0";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> new Adam(-1f)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> SGD.builder().learningRate(-1f).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RMSprop(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Adagrad(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new SGD((LearningRateSchedule) null));
        SGD opt = new SGD();
        assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(-0.5f));
        assertEquals(0.01f, opt.learningRate());
    }

    // ---- applyGradients ------------------------------------------------------------------------------

    @Test
    void nullGradientsAreSkippedAndAllNullIsAnError() {
        Variable a = variable("a", 1), b = variable("b", 1);
        SGD opt = new SGD(0.5f, 0.9f);
        opt.applyGradients(Arrays.asList(tensor(1), null), List.of(a, b));
        assertEquals(0.5f, a.get(0));
        assertEquals(1f, b.get(0));
        assertNull(opt.slot(b, "momentum"), "no slot for a variable never updated");
        assertEquals("No gradients provided for any variable.",
                assertThrows(IllegalArgumentException.class, () -> opt.applyGradients(Arrays.asList(null, null), List.of(a, b))).getMessage());
        opt.applyGradients(List.of(), List.of());
        assertEquals(1, opt.iterations(), "an empty update is a no-op");
    }

    @Test
    void mismatchedGradientsAreErrors() {
        Variable a = variable("a", 1, 2);
        SGD opt = new SGD();
        assertThrows(IllegalArgumentException.class, () -> opt.applyGradients(List.of(tensor(1, 2)), List.of(a, a)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step(opt, a, 1, 2, 3));
        assertTrue(e.getMessage().contains("for variable a of shape"), e.getMessage());
        assertEquals(0, opt.iterations());
    }

    @Test
    void stridedGradientsAreRead() {
        Variable w = new Variable("w", Tensor.zeros(2, 3));
        Tensor g = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}).transpose(); // 2 x 3 view
        new SGD(1f).applyGradients(List.of(g), List.of(w));
        assertValues(new double[] {-1, -3, -5, -2, -4, -6}, w, "w");
    }

    /** A gradient that is a view at an offset (here the second row) is read from its offset. */
    @Test
    void offsetGradientsAreRead() {
        Tensor rows = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor second = rows.sliceRows(1, 2).reshape(3);
        assertEquals(3, second.offset(), "a view into the shared buffer");
        Variable w = variable("w", 0, 0, 0);
        RMSprop opt = new RMSprop(0.1f);
        opt.applyGradients(List.of(second), List.of(w));
        double[] ref = new double[3];
        for (int i = 0; i < 3; i++) {
            double g = 4 + i, v = 0.1 * g * g;
            ref[i] = -0.1 * g / Math.sqrt(v + 1e-7);
        }
        assertValues(ref, w, "w");
        assertValues(new double[] {4, 5, 6}, second, "the caller's gradient is not modified");
    }

    @Test
    void unknownSlotIsAnError() {
        SGD opt = new SGD(0.1f, 0.5f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.slot(variable("w", 1), "velocity"));
        assertEquals("SGD has no slot \"velocity\". Its slots: [momentum]", e.getMessage());
    }

    // ---- lookup and config ---------------------------------------------------------------------------

    @Test
    void getByKerasName() {
        assertInstanceOf(SGD.class, Optimizer.get("sgd"));
        assertInstanceOf(RMSprop.class, Optimizer.get("rmsprop"));
        assertInstanceOf(RMSprop.class, Optimizer.get("RMSprop"));
        assertInstanceOf(Adam.class, Optimizer.get("adam"));
        assertInstanceOf(AdamW.class, Optimizer.get("adamw"));
        assertInstanceOf(Adagrad.class, Optimizer.get("adagrad"));
        assertInstanceOf(Adadelta.class, Optimizer.get("adadelta"));
        assertInstanceOf(Adamax.class, Optimizer.get("adamax"));
        assertInstanceOf(Nadam.class, Optimizer.get("Nadam"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.get("adamw-typo"));
        assertTrue(e.getMessage().startsWith("Could not interpret optimizer identifier: adamw-typo"), e.getMessage());
    }

    @Test
    void configListsBaseArguments() {
        Map<String, Object> c = Adam.builder().learningRate(0.01f).clipvalue(2f).name("my_adam").build().getConfig();
        assertEquals("my_adam", c.get("name"));
        assertEquals(0.01f, c.get("learning_rate"));
        assertNull(c.get("weight_decay"));
        assertNull(c.get("clipnorm"));
        assertNull(c.get("global_clipnorm"));
        assertEquals(2f, c.get("clipvalue"));
        assertEquals(0.9f, c.get("beta_1"));
    }
}
