package io.cornu.engine.training;

import io.cornu.engine.callbacks.History;
import io.cornu.engine.data.FashionMnist;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book's chapter-2 network on the real Fashion-MNIST (Debian's dataset-fashion-mnist):
 * Dense(512, relu) then Dense(10, softmax), RMSprop, batch 128, 5 epochs. The PyTorch twin
 * (shared/bench/reference/mlp_fashion.py) reaches 0.863-0.868 test accuracy; {@link MlpTwinTest}
 * trains both from the same start on the same batches and compares them.
 */
class MlpFashionMnistTest {

    @Test
    void reachesKerasAccuracyInFiveEpochs() {
        RandomSeed.set(1234);
        FashionMnist.Data d = FashionMnist.load();
        Tensor x = Ops.mul(d.xTrain().reshape(60000, 784), 1f / 255);
        Tensor y = Categorical.toCategorical(d.yTrain(), 10);
        Tensor xTest = Ops.mul(d.xTest().reshape(10000, 784), 1f / 255);
        Tensor yTest = Categorical.toCategorical(d.yTest(), 10);

        Sequential model = new Sequential();
        model.add(new InputLayer(784));
        model.add(new Dense(512, "relu"));
        model.add(new Dense(10, "softmax"));
        model.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        History h = model.fit(x, y, new FitOptions().epochs(5).batchSize(128).verbose(0).validationSplit(0.1));

        assertEquals(List.of(0, 1, 2, 3, 4), h.epoch());
        List<Double> loss = h.get("loss");
        assertTrue(loss.get(4) < loss.get(0), "training loss decreases: " + loss);
        assertEquals(5, h.get("val_accuracy").size());
        Map<String, Double> test = model.evaluate(xTest, yTest, 1024);
        assertTrue(test.get("accuracy") >= 0.85, "test accuracy " + test);
        Tensor probs = model.predict(xTest.sliceRows(0, 3));
        for (float s : Ops.sum(probs, 1).toFloatArray()) assertEquals(1.0, s, 1e-5);
    }
}
