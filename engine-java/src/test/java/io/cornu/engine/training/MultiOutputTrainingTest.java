package io.cornu.engine.training;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras' multi-output training: per-output losses, loss weights as a list or a map, logs named per output. */
class MultiOutputTrainingTest {
    private static final Loss SQUARED = Loss.of("squared", (t, p) -> Ops.mean(Ops.square(Ops.sub(p, t)), -1));

    private Functional model;
    private List<Tensor> x;
    private List<Tensor> y;

    @BeforeEach
    void threeOutputModel() {
        Names.reset();
        RandomSeed.set(11);
        KerasTensor in = Input.of(io.cornu.engine.tensor.Shape.of(5), "features");
        KerasTensor h = new Dense(8, "relu").apply(in);
        KerasTensor a = new Dense(1, Activation.LINEAR, "priority").apply(h);
        KerasTensor b = new Dense(3, Activation.SOFTMAX, "department").apply(h);
        KerasTensor c = new Dense(2, Activation.LINEAR, "score").apply(h);
        model = new Functional(List.of(in), List.of(a, b, c), "ticket");
        x = List.of(random(1, 16, 5));
        y = List.of(random(2, 16, 1),
                Categorical.toCategorical(Tensor.of(new float[] {0, 1, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2, 1, 1, 0, 2}), 3),
                random(3, 16, 2));
    }

    /** The three losses computed by hand from the model's predictions. */
    private double[] perOutputLosses() {
        List<Tensor> p = model.applyEager(x, false);
        return new double[] {
            SQUARED.apply(y.get(0), p.get(0)).item(),
            new CategoricalCrossentropy().apply(y.get(1), p.get(1)).item(),
            SQUARED.apply(y.get(2), p.get(2)).item()};
    }

    @Test
    void totalLossIsTheWeightedSumWithListWeights() {
        model.compile(new CompileOptions().optimizer("sgd").loss(java.util.Arrays.asList(SQUARED, "categorical_crossentropy", SQUARED))
                .lossWeights(List.of(1.0, 0.5, 2.0)));
        double[] l = perOutputLosses();
        Map<String, Double> logs = model.testOnBatch(x, y);
        assertEquals(l[0] + 0.5 * l[1] + 2.0 * l[2], logs.get("loss"), 1e-5);
        assertEquals(l[0], logs.get("priority_loss"), 1e-5);
        assertEquals(l[1], logs.get("department_loss"), 1e-5);
        assertEquals(l[2], logs.get("score_loss"), 1e-5);
    }

    @Test
    void totalLossIsTheWeightedSumWithMapWeightsAndMapLosses() {
        model.compile(new CompileOptions().optimizer("sgd")
                .loss(Map.of("priority", SQUARED, "department", "categorical_crossentropy", "score", SQUARED))
                .lossWeights(Map.of("department", 0.25, "score", 3.0))
                .metrics(Map.of("department", List.of("accuracy"))));
        double[] l = perOutputLosses();
        Map<String, Double> logs = model.evaluate(x, y, 16);
        assertEquals(l[0] + 0.25 * l[1] + 3.0 * l[2], logs.get("loss"), 1e-5);
        assertTrue(logs.containsKey("department_accuracy"), logs.toString());
        assertEquals(List.of("loss", "priority_loss", "department_loss", "score_loss", "department_accuracy"), List.copyOf(logs.keySet()));
    }

    @Test
    void fitByOutputNameLogsPerOutputAndValidation() {
        model.compile(new CompileOptions().optimizer("rmsprop").loss(java.util.Arrays.asList(SQUARED, "categorical_crossentropy", SQUARED)));
        var h = model.fit(Map.of("features", x.get(0)), Map.of("priority", y.get(0), "department", y.get(1), "score", y.get(2)),
                new FitOptions().epochs(3).batchSize(4).verbose(0).validationSplit(0.25));
        assertEquals(List.of("loss", "priority_loss", "department_loss", "score_loss", "val_loss", "val_priority_loss",
                "val_department_loss", "val_score_loss"), List.copyOf(h.history().keySet()));
        assertTrue(h.get("loss").get(2) < h.get("loss").get(0), h.history().toString());
        List<Tensor> predictions = model.predict(x, 5);
        assertEquals(3, predictions.size());
        assertEquals(16, predictions.get(1).dim(0));
    }

    @Test
    void badLossSpecificationsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.compile(new CompileOptions().loss(List.of("categorical_crossentropy"))));
        assertTrue(e.getMessage().contains("one entry per model output"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> model.compile(new CompileOptions().loss("categorical_crossentropy").lossWeights(Map.of("nope", 1.0))));
        assertTrue(e.getMessage().contains("unknown entry in loss_weights dictionary: 'nope'"), e.getMessage());
        model.compile(new CompileOptions().loss(SQUARED));
        e = assertThrows(IllegalArgumentException.class, () -> model.fit(Map.of("feature", x.get(0)), Map.of(), new FitOptions()));
        assertTrue(e.getMessage().startsWith("Unknown input name 'feature'"), e.getMessage());
    }
}
