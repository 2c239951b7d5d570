package io.cornu.engine.models;

import io.cornu.engine.callbacks.History;
import io.cornu.engine.data.FashionMnist;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.conv.Conv2D;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.pooling.MaxPooling2D;
import io.cornu.engine.layers.reshaping.Flatten;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.saving.ModelConfig;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book's convnet (Deep Learning with Python, chapter 8) on 28x28x1 images:
 * {@code Conv2D(32, 3, relu) -> MaxPooling2D(2) -> Conv2D(64, 3, relu) -> MaxPooling2D(2) ->
 * Conv2D(128, 3, relu) -> Flatten -> Dense(10, softmax)}, 104,202 parameters in Keras.
 */
class ConvnetTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(1234);
    }

    static Sequential bookConvnet() {
        Sequential m = new Sequential();
        m.add(new InputLayer(28, 28, 1));
        m.add(new Conv2D(32, 3, "relu"));
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(64, 3, "relu"));
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(128, 3, "relu"));
        m.add(new Flatten());
        m.add(new Dense(10, "softmax"));
        return m;
    }

    @Test
    void hasKerasParameterCountAndSummaryRows() {
        Sequential m = bookConvnet();
        assertEquals(104_202, m.countParams());
        ModelSummary s = m.summaryData();
        List<String> rows = s.rows().stream().map(r -> r.name() + " (" + r.type() + ") " + r.outputShape() + " " + r.params()).toList();
        assertEquals(List.of(
                "conv2d (Conv2D) (None, 26, 26, 32) 320",
                "max_pooling2d (MaxPooling2D) (None, 13, 13, 32) 0",
                "conv2d_1 (Conv2D) (None, 11, 11, 64) 18496",
                "max_pooling2d_1 (MaxPooling2D) (None, 5, 5, 64) 0",
                "conv2d_2 (Conv2D) (None, 3, 3, 128) 73856",
                "flatten (Flatten) (None, 1152) 0",
                "dense (Dense) (None, 10) 11530"), rows);
        assertEquals(104_202, s.totalParams());
        assertEquals(104_202, s.trainableParams());
        assertEquals(0, s.nonTrainableParams());
        // Keras 2's 65-column text, long "name (type)" cells wrapped as Keras wraps them
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #   ",
                "=================================================================",
                " conv2d (Conv2D)             (None, 26, 26, 32)        320       ",
                "                                                                 ",
                " max_pooling2d (MaxPooling2  (None, 13, 13, 32)        0         ",
                " D)                                                              ",
                "                                                                 ",
                " conv2d_1 (Conv2D)           (None, 11, 11, 64)        18496     ",
                "                                                                 ",
                " max_pooling2d_1 (MaxPoolin  (None, 5, 5, 64)          0         ",
                " g2D)                                                            ",
                "                                                                 ",
                " conv2d_2 (Conv2D)           (None, 3, 3, 128)         73856     ",
                "                                                                 ",
                " flatten (Flatten)           (None, 1152)              0         ",
                "                                                                 ",
                " dense (Dense)               (None, 10)                11530     ",
                "                                                                 ",
                "=================================================================",
                "Total params: 104,202",
                "Trainable params: 104,202",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, m.summaryText());
    }

    @Test
    void configRoundTripsThroughJson() {
        Sequential m = bookConvnet();
        String json = ModelConfig.toJson(m);
        assertEquals(json, ModelConfig.toJson(ModelConfig.fromJson(json)));
        assertTrue(json.contains("\"class_name\": \"Conv2D\""), json);
        assertTrue(json.contains("\"class_name\": \"MaxPooling2D\""), json);
        Sequential copy = (Sequential) ModelConfig.fromJson(json);
        assertEquals(104_202, copy.countParams());
    }

    @Test
    void trainsOnRealFashionMnist() {
        int n = 1024;
        FashionMnist.Data d = FashionMnist.load();
        Tensor x = Ops.mul(d.xTrain().sliceRows(0, n).reshape(n, 28, 28, 1), 1f / 255);
        Tensor y = Categorical.toCategorical(d.yTrain().sliceRows(0, n), 10);
        Tensor xTest = Ops.mul(d.xTest().sliceRows(0, 512).reshape(512, 28, 28, 1), 1f / 255);
        Tensor yTest = Categorical.toCategorical(d.yTest().sliceRows(0, 512), 10);

        Sequential m = bookConvnet();
        m.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        Map<String, Double> before = m.evaluate(xTest, yTest, 256);
        History h = m.fit(x, y, new FitOptions().epochs(3).batchSize(64).verbose(0));
        List<Double> loss = h.get("loss");
        assertTrue(loss.get(2) < loss.get(1) && loss.get(1) < loss.get(0), "training loss decreases every epoch: " + loss);
        Map<String, Double> after = m.evaluate(xTest, yTest, 256);
        assertTrue(after.get("loss") < before.get("loss"), "test loss " + before + " -> " + after);
        assertTrue(after.get("accuracy") > 0.6, "test accuracy after 3 epochs on 1,024 images: " + after);
        Tensor probs = m.predict(xTest.sliceRows(0, 4));
        for (float s : Ops.sum(probs, 1).toFloatArray()) assertEquals(1.0, s, 1e-5);
    }
}
