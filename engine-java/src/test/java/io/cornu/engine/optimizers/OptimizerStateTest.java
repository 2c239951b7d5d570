package io.cornu.engine.optimizers;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.schedules.CosineDecay;
import io.cornu.engine.optimizers.schedules.ExponentialDecay;
import io.cornu.engine.optimizers.schedules.InverseTimeDecay;
import io.cornu.engine.optimizers.schedules.PiecewiseConstantDecay;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.optimizers.OptimizerTesting.assertValues;
import static io.cornu.engine.optimizers.OptimizerTesting.step;
import static io.cornu.engine.optimizers.OptimizerTesting.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an optimizer exposes of its state (Keras' iterations, learning_rate, variables), build, and configs. */
class OptimizerStateTest {
    private static final Gson GSON = new Gson();

    @Test
    void slotVariablesAreNamedAndLive() {
        Variable kernel = variable("dense/kernel", 1, -2);
        Variable bias = variable("dense/bias", 0.5);
        Adam adam = new Adam(0.01f);
        assertEquals(List.of(), adam.variables(), "no slot before the first update");
        adam.applyGradients(List.of(OptimizerTesting.tensor(0.5, -1), OptimizerTesting.tensor(2)), List.of(kernel, bias));
        assertEquals(List.of("Adam/dense_kernel_momentum", "Adam/dense_kernel_velocity", "Adam/dense_bias_momentum", "Adam/dense_bias_velocity"),
                adam.variables().stream().map(Variable::name).toList());
        assertEquals(List.of(kernel, bias), adam.trackedVariables());
        assertSame(adam.slot(kernel, "velocity"), adam.variables().get(1));
        // m = (1 - b1) g, v = (1 - b2) g^2 after one step, read through the variables
        assertValues(new double[] {0.1 * 0.5, 0.1 * -1}, adam.variables().get(0), 1e-6, "momentum");
        assertValues(new double[] {0.001 * 0.25, 0.001 * 1}, adam.variables().get(1), 1e-6, "velocity");
        assertEquals(1, adam.iterations());
        assertEquals(0.01f, adam.learningRate());
        // Nadam's own variable comes first
        Nadam nadam = new Nadam();
        step(nadam, kernel, 1, 1);
        assertEquals(List.of("Nadam/u_product", "Nadam/dense_kernel_momentum", "Nadam/dense_kernel_velocity"),
                nadam.variables().stream().map(Variable::name).toList());
    }

    @Test
    void buildCreatesSlotsBeforeTheFirstUpdate() {
        Variable a = variable("a", 1, 2), b = variable("b", 3);
        Adagrad adagrad = new Adagrad();
        adagrad.build(List.of(b, a));
        assertEquals(List.of(b, a), adagrad.trackedVariables());
        assertValues(new double[] {0.1, 0.1}, adagrad.slot(a, "accumulator"), "Adagrad's initial accumulator");
        adagrad.build(List.of(a));
        assertEquals(2, adagrad.variables().size(), "build is idempotent");
        assertEquals(0, adagrad.iterations());
    }

    @Test
    void iterationsCanBeSetAndDriveTheBiasCorrection() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7, g = 0.5;
        Variable w = variable("w", 1);
        Adam adam = new Adam((float) lr);
        adam.setIterations(10);
        step(adam, w, g);
        // the 11th step from zero moments: alpha = lr sqrt(1 - b2^11) / (1 - b1^11); m = (1 - b1) g; v = (1 - b2) g^2
        double alpha = lr * Math.sqrt(1 - Math.pow(b2, 11)) / (1 - Math.pow(b1, 11));
        double m = (1 - b1) * g, v = (1 - b2) * g * g;
        assertValues(new double[] {1 - alpha * m / (Math.sqrt(v) + eps)}, w, "w");
        assertEquals(11, adam.iterations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.setIterations(-1));
        assertEquals("Adam: iterations must be >= 0. Received: iterations=-1", e.getMessage());
    }

    private static List<Optimizer> everyOptimizer() {
        return List.of(
                SGD.builder().learningRate(0.05f).momentum(0.9f).nesterov(true).clipnorm(1f).name("sgd1").build(),
                RMSprop.builder().learningRate(new ExponentialDecay(0.1f, 100, 0.5f, true)).rho(0.8f).momentum(0.5f).centered(true).build(),
                Adam.builder().learningRate(new PiecewiseConstantDecay(new long[] {10, 20}, new float[] {0.1f, 0.01f, 0.001f}))
                        .amsgrad(true).globalClipnorm(2f).build(),
                AdamW.builder().weightDecay(0.01f).beta1(0.8f).clipvalue(0.5f).build(),
                Adagrad.builder().learningRate(new InverseTimeDecay(0.1f, 10, 0.5f, false)).initialAccumulatorValue(0f).build(),
                Adadelta.builder().learningRate(1f).rho(0.9f).epsilon(1e-6f).build(),
                Adamax.builder().learningRate(new CosineDecay(0.1f, 100, 0.1f, 0.2f, 10)).beta2(0.99f).build(),
                Nadam.builder().learningRate(0.002f).weightDecay(0.001f).build());
    }

    @Test
    void everyBuiltInOptimizerRoundTripsItsConfigThroughJson() {
        for (Optimizer opt : everyOptimizer()) {
            String cls = opt.className();
            assertEquals(opt.getClass().getSimpleName(), cls);
            Map<String, Object> json = GSON.fromJson(GSON.toJson(opt.getConfig()), new TypeToken<Map<String, Object>>() { }.getType());
            Optimizer back = Optimizer.fromConfig(cls, json);
            assertEquals(opt.getClass(), back.getClass());
            assertEquals(opt.getConfig(), back.getConfig(), cls);
            // the same updates
            Variable w1 = variable("w", 1, -2), w2 = variable("w", 1, -2);
            for (int k = 0; k < 3; k++) {
                step(opt, w1, 0.5, -0.25 * k);
                step(back, w2, 0.5, -0.25 * k);
            }
            assertEquals(List.of(w1.toFloatArray()[0], w1.toFloatArray()[1]), List.of(w2.toFloatArray()[0], w2.toFloatArray()[1]), cls);
        }
    }

    @Test
    void onlyBuiltInOptimizersFromConfigs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.fromConfig("java.lang.Runtime", Map.of()));
        assertEquals("Unknown optimizer class: java.lang.Runtime. Known: [Adadelta, Adagrad, Adam, AdamW, Adamax, Nadam, RMSprop, SGD]", e.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> Optimizer.fromConfig("SGD", Map.of("momentun", 0.9)));
        assertTrue(key.getMessage().startsWith("SGD: unrecognized config key 'momentun'. Expected some of ["), key.getMessage());
        IllegalArgumentException schedule = assertThrows(IllegalArgumentException.class, () -> Optimizer.fromConfig("SGD",
                Map.of("learning_rate", Map.of("class_name", "Evil", "config", Map.of()))));
        assertTrue(schedule.getMessage().startsWith("Unknown learning rate schedule class: Evil."), schedule.getMessage());
        assertEquals(null, new CustomOptimizerTest.HalvingSGD(0.1f, 10).className(), "a custom optimizer has no built-in class");
    }
}
