package io.cornu.engine.saving;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.losses.MeanSquaredError;
import io.cornu.engine.losses.Reduction;
import io.cornu.engine.metrics.Precision;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.optimizers.Adadelta;
import io.cornu.engine.optimizers.Adagrad;
import io.cornu.engine.optimizers.Adam;
import io.cornu.engine.optimizers.AdamW;
import io.cornu.engine.optimizers.Adamax;
import io.cornu.engine.optimizers.Nadam;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.optimizers.RMSprop;
import io.cornu.engine.optimizers.SGD;
import io.cornu.engine.optimizers.schedules.ExponentialDecay;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.CompileOptions;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compiled model's file keeps its compile arguments and its optimizer's state, as Keras' model.save:
 * loading and training on gives exactly the step the saved model takes.
 */
class ModelFileCompiledTest {
    private static final Tensor X = random(1, 8, 5);
    private static final Tensor Y = Categorical.toCategorical(Tensor.of(new float[] {0, 1, 2, 1, 0, 2, 2, 1}), 3);
    private static final Loss QUARTIC = Loss.of("quartic", (t, p) -> Ops.mean(Ops.square(Ops.square(Ops.sub(p, t))), -1));

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(3);
    }

    private static Sequential mlp() {
        Sequential m = new Sequential("mlp");
        m.add(new InputLayer(5));
        m.add(new Dense(6, "relu"));
        m.add(new Dense(3, "softmax"));
        return m;
    }

    static Stream<Supplier<Optimizer>> optimizers() {
        return Stream.of(
                () -> new Adam(0.01f),
                () -> Adam.builder().learningRate(0.01f).amsgrad(true).build(),
                () -> new Nadam(0.01f),
                () -> RMSprop.builder().momentum(0.5f).centered(true).build(),
                () -> SGD.builder().learningRate(0.1f).momentum(0.9f).nesterov(true).build(),
                () -> new SGD(new ExponentialDecay(0.1f, 2, 0.5f, true)),
                () -> new Adagrad(0.1f),
                () -> new Adadelta(1f),
                () -> new Adamax(0.01f),
                () -> AdamW.builder().learningRate(0.01f).weightDecay(0.1f).clipnorm(0.5f).build());
    }

    private static void assertSameWeights(Model a, Model b, String what) {
        for (int i = 0; i < a.weights().size(); i++) {
            assertArrayEquals(a.weights().get(i).toFloatArray(), b.weights().get(i).toFloatArray(), what + ": " + a.weights().get(i).name());
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void loadingAndTrainingOnGivesTheSameStep(Supplier<Optimizer> optimizer, @TempDir Path dir) throws IOException {
        Sequential a = mlp();
        a.compile(new CompileOptions().optimizer(optimizer.get()).loss(new CategoricalCrossentropy(false, 0.1f, Reduction.SUM, "ce"))
                .metrics(List.of("accuracy", new Precision(0.3f, null, "p30"))));
        for (int k = 0; k < 3; k++) a.trainOnBatch(X, Y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);
        Model b = ModelFile.load(file);

        assertTrue(b.isCompiled());
        Optimizer oa = a.optimizer(), ob = b.optimizer();
        assertEquals(oa.getClass(), ob.getClass());
        assertEquals(oa.getConfig(), ob.getConfig());
        assertEquals(3, ob.iterations(), "iterations restored");
        assertEquals(oa.learningRate(), ob.learningRate());
        assertEquals(oa.variables().stream().map(Variable::name).toList(), ob.variables().stream().map(Variable::name).toList());
        for (int i = 0; i < oa.variables().size(); i++) {
            assertArrayEquals(oa.variables().get(i).toFloatArray(), ob.variables().get(i).toFloatArray(), oa.variables().get(i).name());
        }
        assertEquals(a.compiledLoss().losses().get(0).getConfig(), b.compiledLoss().losses().get(0).getConfig());

        Map<String, Double> logsA = a.trainOnBatch(X, Y), logsB = b.trainOnBatch(X, Y);
        assertSameWeights(a, b, "after one more step");
        assertEquals(logsA, logsB, "the same loss and metrics, named the same");
        assertEquals(4, ob.iterations());
    }

    @Test
    void withoutItsStateTheNextStepDiffers(@TempDir Path dir) throws IOException {
        // the reference the test above relies on: a fresh Adam from the same weights takes another step
        Sequential a = mlp();
        a.compile(new CompileOptions().optimizer(new Adam(0.01f)).loss("categorical_crossentropy"));
        for (int k = 0; k < 3; k++) a.trainOnBatch(X, Y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);
        Model b = ModelFile.load(file, false);
        assertFalse(b.isCompiled(), "compile=false");
        b.compile(new CompileOptions().optimizer(new Adam(0.01f)).loss("categorical_crossentropy"));
        a.trainOnBatch(X, Y);
        b.trainOnBatch(X, Y);
        float[] wa = a.weights().get(0).toFloatArray(), wb = b.weights().get(0).toFloatArray();
        double diff = 0;
        for (int i = 0; i < wa.length; i++) diff = Math.max(diff, Math.abs(wa[i] - wb[i]));
        assertTrue(diff > 1e-4, "a fresh optimizer's step differs, by " + diff);
    }

    @Test
    void anUncompiledModelLoadsUncompiled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.cornu");
        ModelFile.save(mlp(), file);
        assertFalse(ModelFile.load(file).isCompiled());
        assertFalse(entries(file).containsKey("optimizer.json"));
    }

    @Test
    void multiOutputCompileArgumentsAreRestored(@TempDir Path dir) throws IOException {
        KerasTensor in = Input.of(Shape.of(5), "features");
        KerasTensor h = new Dense(4, "relu").apply(in);
        KerasTensor score = new Dense(1, Activation.LINEAR, "score").apply(h);
        KerasTensor kind = new Dense(3, Activation.SOFTMAX, "kind").apply(h);
        Functional a = new Functional(List.of(in), List.of(score, kind), "two");
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("score", new MeanSquaredError(Reduction.MEAN_WITH_SAMPLE_WEIGHT, "mse_w"));
        losses.put("kind", "categorical_crossentropy");
        a.compile(new CompileOptions().optimizer("adam").loss(losses).lossWeights(Map.of("score", 0.5, "kind", 2.0))
                .metrics(Map.of("kind", List.of("accuracy"), "score", List.of("mae"))));
        List<Tensor> x = List.of(X), y = List.of(random(4, 8, 1), Y);
        a.trainOnBatch(x, y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);
        Model b = ModelFile.load(file);
        assertEquals(Reduction.MEAN_WITH_SAMPLE_WEIGHT, b.compiledLoss().losses().get(0).reduction());
        assertEquals("mse_w", b.compiledLoss().losses().get(0).name());
        assertArrayEquals(new double[] {0.5, 2.0}, b.compiledLoss().weights());
        Map<String, Double> ea = a.evaluate(x, y, 8), eb = b.evaluate(x, y, 8);
        assertEquals(ea, eb, "the same losses and metrics");
        assertEquals(List.of("loss", "score_loss", "kind_loss", "score_mae", "kind_accuracy"), List.copyOf(eb.keySet()));
        a.trainOnBatch(x, y);
        b.trainOnBatch(x, y);
        assertSameWeights(a, b, "after one more step");
    }

    @Test
    void customObjectsAreLookedUpByName(@TempDir Path dir) throws IOException {
        Sequential a = mlp();
        a.compile(new CompileOptions().optimizer(new SGD(step -> 0.1f / (step + 1))).loss(QUARTIC));
        for (int k = 0; k < 2; k++) a.trainOnBatch(X, Y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);

        IOException optimizer = assertThrows(IOException.class, () -> ModelFile.load(file));
        assertTrue(optimizer.getMessage().contains("The optimizer \"SGD\" is a custom optimizer: pass it as customObjects"), optimizer.getMessage());
        IOException loss = assertThrows(IOException.class, () -> ModelFile.load(file, true, Map.of("SGD", new SGD(step -> 0.1f))));
        assertTrue(loss.getMessage().contains("The loss \"quartic\" is a custom loss: pass it as customObjects (a map from \"quartic\" to the loss), "
                + "or load without compiling (compile=false)"), loss.getMessage());
        IOException wrongType = assertThrows(IOException.class,
                () -> ModelFile.load(file, true, Map.of("SGD", new SGD(step -> 0.1f), "quartic", "not a loss")));
        assertTrue(wrongType.getMessage().contains("customObjects[\"quartic\"] must be a Loss"), wrongType.getMessage());

        SGD fresh = new SGD(step -> 0.1f / (step + 1));
        Model b = ModelFile.load(file, true, Map.of("quartic", QUARTIC, "SGD", fresh));
        assertSame(QUARTIC, b.compiledLoss().losses().get(0));
        assertSame(fresh, b.optimizer());
        assertEquals(2, fresh.iterations(), "the given optimizer gets the saved state");
        a.trainOnBatch(X, Y);
        b.trainOnBatch(X, Y);
        assertSameWeights(a, b, "after one more step");
    }

    /** A saved Adam model whose optimizer files {@code edit} changes. */
    private static Path tampered(Path dir, java.util.function.UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Names.reset();
        Sequential a = mlp();
        a.compile(new CompileOptions().optimizer(new Adam(0.01f)).loss("categorical_crossentropy"));
        a.trainOnBatch(X, Y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);
        Map<String, byte[]> e = edit.apply(entries(file));
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> x : e.entrySet()) {
                zip.putNextEntry(new ZipEntry(x.getKey()));
                zip.write(x.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> replaceInJson(Map<String, byte[]> e, String from, String to) {
        String json = new String(e.get("optimizer.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), json);
        e.put("optimizer.json", json.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return e;
    }

    @Test
    void corruptOrMismatchedOptimizerStateIsAClearError(@TempDir Path dir) throws IOException {
        Path truncated = tampered(dir.resolve("a"), e -> {
            byte[] b = e.get("optimizer.bin");
            e.put("optimizer.bin", java.util.Arrays.copyOf(b, b.length - 2));
            return e;
        });
        IOException t = assertThrows(IOException.class, () -> ModelFile.load(truncated));
        assertTrue(t.getMessage().startsWith("Cannot restore the compiled state of \"mlp\" from " + truncated + ": optimizer.bin: truncated"), t.getMessage());

        Path renamed = tampered(dir.resolve("b"), e -> replaceInJson(e, "\"weight_name\": \"dense/kernel\"", "\"weight_name\": \"dense/kernel2\""));
        IOException r = assertThrows(IOException.class, () -> ModelFile.load(renamed));
        assertTrue(r.getMessage().endsWith("belongs to weight 0 \"dense/kernel2\" but the model's weight 0 is \"dense/kernel\""), r.getMessage());

        Path reshaped = tampered(dir.resolve("c"), e -> replaceInJson(e,
                "\"weight\": 0,\n      \"weight_name\": \"dense/kernel\"", "\"weight\": 1,\n      \"weight_name\": \"dense/bias\""));
        IOException s = assertThrows(IOException.class, () -> ModelFile.load(reshaped));
        assertTrue(s.getMessage().endsWith("Adam/dense_kernel_momentum has shape (5, 6) but the weight dense/bias has shape (6,)"), s.getMessage());

        Path slot = tampered(dir.resolve("d"), e -> replaceInJson(e, "\"slot\": \"velocity\"", "\"slot\": \"velocty\""));
        IOException sl = assertThrows(IOException.class, () -> ModelFile.load(slot));
        assertTrue(sl.getMessage().contains("is a \"velocty\" slot; Adam has slots [momentum, velocity]"), sl.getMessage());

        Path other = tampered(dir.resolve("e"), e -> replaceInJson(e, "\"class_name\": \"Adam\"", "\"class_name\": \"SGD\""));
        IOException o = assertThrows(IOException.class, () -> ModelFile.load(other));
        assertTrue(o.getMessage().endsWith("the saved optimizer state is of SGD \"Adam\", the optimizer is Adam \"Adam\""), o.getMessage());

        Path junk = tampered(dir.resolve("f"), e -> {
            e.put("optimizer.json", "{not json".getBytes(StandardCharsets.UTF_8));
            return e;
        });
        IOException j = assertThrows(IOException.class, () -> ModelFile.load(junk));
        assertTrue(j.getMessage().contains("corrupt optimizer.json"), j.getMessage());
        assertFalse(ModelFile.load(junk, false).isCompiled(), "the model itself still loads uncompiled");
    }

    @Test
    void aFailedRestoreLeavesAGivenOptimizerUntouched(@TempDir Path dir) throws IOException {
        Sequential a = mlp();
        a.compile(new CompileOptions().optimizer(SGD.builder().learningRate(step -> 0.1f).momentum(0.9f).build()).loss("categorical_crossentropy"));
        a.trainOnBatch(X, Y);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(a, file);
        // the saved state has "momentum" slots, which a momentum-free SGD does not have
        SGD given = new SGD(step -> 0.1f);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(file, true, Map.of("SGD", given)));
        assertTrue(e.getMessage().endsWith("the saved optimizer slot SGD/dense_kernel_momentum is a \"momentum\" slot; SGD has slots []"), e.getMessage());
        assertEquals(0, given.iterations());
        assertEquals(List.of(), given.variables());
        assertEquals(List.of(), given.trackedVariables());
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) out.put(e.getName(), zip.readAllBytes());
        }
        return out;
    }
}
