package io.cornu.engine.metrics;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.losses.BinaryCrossentropy;
import io.cornu.engine.losses.CategoricalCrossentropy;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.losses.SparseCategoricalCrossentropy;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.CompileOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "accuracy" / "acc" resolved as Keras does, from the loss and from the shapes, keeping the user's name. */
class AccuracyResolutionTest {
    @Test
    void fromTheLoss() {
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("accuracy", new BinaryCrossentropy()));
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("acc", Loss.get("binary_crossentropy")));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", new SparseCategoricalCrossentropy(true)));
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("acc", new CategoricalCrossentropy()));
        assertEquals("acc", Metrics.get("acc", new CategoricalCrossentropy()).name());
        assertEquals("accuracy", Metrics.get("accuracy", new BinaryCrossentropy()).name());
    }

    @Test
    void fromTheShapesOtherwise() {
        assertInstanceOf(BinaryAccuracy.class, Metrics.accuracyFor("accuracy", Shape.of(8, 1), Shape.of(8, 1)));
        assertInstanceOf(BinaryAccuracy.class, Metrics.accuracyFor("accuracy", Shape.of(8), Shape.of(8, 1)));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.accuracyFor("accuracy", Shape.of(8), Shape.of(8, 10)));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.accuracyFor("accuracy", Shape.of(8, 1), Shape.of(8, 10)));
        assertInstanceOf(CategoricalAccuracy.class, Metrics.accuracyFor("accuracy", Shape.of(8, 10), Shape.of(8, 10)));

        // with a loss that does not tell (mse, a custom loss): resolved at the first batch
        Metric acc = Metrics.get("acc", Loss.get("mse"));
        AutoAccuracy auto = assertInstanceOf(AutoAccuracy.class, acc);
        assertNull(auto.resolved());
        acc.updateState(Tensor.ofInts(2, 0), Tensor.of(new float[][] {{0.1f, 0.2f, 0.7f}, {0.3f, 0.6f, 0.1f}}));
        assertInstanceOf(SparseCategoricalAccuracy.class, auto.resolved());
        assertEquals("acc", auto.resolved().name());
        assertEquals(0.5, acc.result(), 1e-7);
        acc.resetState();
        assertEquals(0, acc.result(), 0);

        Metric binary = Metrics.get("accuracy");
        binary.updateState(Tensor.of(new float[][] {{1}, {0}}), Tensor.of(new float[][] {{0.7f}, {0.6f}}));
        assertInstanceOf(BinaryAccuracy.class, ((AutoAccuracy) binary).resolved());
        assertEquals(0.5, binary.result(), 1e-7);
    }

    /** In fit and evaluate: sparse integer labels with a softmax output and the name "acc". */
    @Test
    void inTrainingLogsUnderTheUsersName() {
        RandomSeed.set(3);
        Tensor x = Tensor.randomNormal(5, 0f, 1f, 12, 3);
        Tensor y = Tensor.ofInts(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2);
        Sequential model = new Sequential();
        model.add(new InputLayer(3));
        model.add(new Dense(3, "softmax"));
        model.compile(new CompileOptions().optimizer("sgd").loss("sparse_categorical_crossentropy").metrics(List.of("acc")));
        var history = model.fit(x, y, new FitOptions().epochs(1).batchSize(4).verbose(0));
        assertTrue(history.get("acc") != null, "history has acc: " + history);
        Map<String, Double> logs = model.evaluate(x, y);
        float[][] p = model.predict(x).toFloatMatrix();
        int[] labels = y.toIntArray();
        int right = 0;
        for (int i = 0; i < 12; i++) {
            int best = 0;
            for (int j = 1; j < 3; j++) if (p[i][j] > p[i][best]) best = j;
            if (best == labels[i]) right++;
        }
        assertEquals(right / 12.0, logs.get("acc"), 1e-9);
    }
}
