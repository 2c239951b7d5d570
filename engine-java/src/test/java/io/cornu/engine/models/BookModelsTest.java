package io.cornu.engine.models;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.layers.merging.Merging;
import io.cornu.engine.layers.rnn.LSTM;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recurrent models of the book's chapters, with Keras' parameter counts and summaries: the
 * IMDB LSTM, the two-input question-answering model of the functional-API chapter, and the
 * Siamese LSTM whose shared layer shows as {@code lstm[0][0]} and {@code lstm[1][0]}.
 */
class BookModelsTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(42);
    }

    private static Tensor ids(long seed, int batch, int steps, int vocab) {
        Random r = new Random(seed);
        int[] d = new int[batch * steps];
        for (int i = 0; i < d.length; i++) d[i] = 1 + r.nextInt(vocab - 1);
        return Tensor.wrap(d, batch, steps);
    }

    static Sequential imdbLstm() {
        Sequential m = new Sequential();
        m.add(new InputLayer(Shape.of(Shape.NONE), null, DType.INT32));
        m.add(new Embedding(10000, 32));
        m.add(new LSTM(32));
        m.add(new Dense(1, "sigmoid"));
        return m;
    }

    @Test
    void imdbLstmHas328353Parameters() {
        Sequential m = imdbLstm();
        assertEquals(328_353, m.countParams());
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #   ",
                "=================================================================",
                " embedding (Embedding)       (None, None, 32)          320000    ",
                "                                                                 ",
                " lstm (LSTM)                 (None, 32)                8320      ",
                "                                                                 ",
                " dense (Dense)               (None, 1)                 33        ",
                "                                                                 ",
                "=================================================================",
                "Total params: 328,353",
                "Trainable params: 328,353",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, m.summaryText());
    }

    @Test
    void imdbLstmTrainsOnAPlantedTokenTask() {
        // the benchmark's task in miniature: label 1 when token 7 was planted, 0 for token 8
        int n = 256, steps = 20;
        Tensor x = ids(1, n, steps, 10000);
        float[] y = new float[n];
        int[] xd = x.intBuffer();
        Random r = new Random(2);
        for (int s = 0; s < n; s++) {
            y[s] = s % 2;
            for (int j = 0; j < 3; j++) xd[s * steps + r.nextInt(steps)] = s % 2 == 1 ? 7 : 8;
        }
        Sequential m = imdbLstm();
        m.compile("rmsprop", "binary_crossentropy", List.of("accuracy"));
        var history = m.fit(x, Tensor.wrap(y, n, 1), new FitOptions().epochs(8).batchSize(32).verbose(0));
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "the loss falls: " + loss);
        assertTrue(history.get("accuracy").get(loss.size() - 1) > 0.9, "accuracy " + history.get("accuracy"));
    }

    @Test
    void questionAnsweringModelHas1000052ParametersAndConnectedTo() {
        KerasTensor text = Input.of(Shape.of(Shape.NONE), "text", DType.INT32);
        KerasTensor encodedText = new LSTM(32).apply(new Embedding(10000, 64).apply(text));
        KerasTensor question = Input.of(Shape.of(Shape.NONE), "question", DType.INT32);
        KerasTensor encodedQuestion = new LSTM(16).apply(new Embedding(10000, 32).apply(question));
        KerasTensor concatenated = Merging.concatenate(List.of(encodedText, encodedQuestion), -1);
        KerasTensor answer = new Dense(500, "softmax").apply(concatenated);
        Functional model = new Functional(List.of(text, question), List.of(answer), null);
        assertEquals(1_000_052, model.countParams());
        String sep = " ".repeat(98);
        String expected = String.join("\n",
                "Model: \"model\"",
                "_".repeat(98),
                " Layer (type)                   Output Shape         Param #     Connected to                     ",
                "=".repeat(98),
                " text (InputLayer)              [(None, None)]       0           []                               ",
                sep,
                " question (InputLayer)          [(None, None)]       0           []                               ",
                sep,
                " embedding (Embedding)          (None, None, 64)     640000      ['text[0][0]']                   ",
                sep,
                " embedding_1 (Embedding)        (None, None, 32)     320000      ['question[0][0]']               ",
                sep,
                " lstm (LSTM)                    (None, 32)           12416       ['embedding[0][0]']              ",
                sep,
                " lstm_1 (LSTM)                  (None, 16)           3136        ['embedding_1[0][0]']            ",
                sep,
                " concatenate (Concatenate)      (None, 48)           0           ['lstm[0][0]',                   ",
                "                                                                  'lstm_1[0][0]']                 ",
                sep,
                " dense (Dense)                  (None, 500)          24500       ['concatenate[0][0]']            ",
                sep,
                "=".repeat(98),
                "Total params: 1,000,052",
                "Trainable params: 1,000,052",
                "Non-trainable params: 0",
                "_".repeat(98),
                "");
        assertEquals(expected, model.summaryText());

        // the book's training call: random texts and questions, one-hot answers
        int n = 16;
        float[] oneHot = new float[n * 500];
        for (int i = 0; i < n; i++) oneHot[i * 500 + (i * 37) % 500] = 1f;
        model.compile("rmsprop", "categorical_crossentropy", List.of("acc"));
        Map<String, Double> logs = model.trainOnBatch(List.of(ids(3, n, 12, 10000), ids(4, n, 5, 10000)), List.of(Tensor.wrap(oneHot, n, 500)));
        assertTrue(Double.isFinite(logs.get("loss")), logs.toString());
        Tensor p = model.predict(List.of(ids(5, 2, 7, 10000), ids(6, 2, 3, 10000)), 2).get(0);
        assertArrayEquals(new int[] {2, 500}, p.dims());
        assertEquals(1.0, sumRow(p, 0), 1e-5, "softmax rows sum to one");
    }

    private static double sumRow(Tensor p, int row) {
        double s = 0;
        for (int j = 0; j < p.dim(1); j++) s += p.get(row, j);
        return s;
    }

    @Test
    void siameseLstmHas20673ParametersWithTheSharedLayerTwice() {
        LSTM lstm = new LSTM(32);
        KerasTensor left = Input.of(Shape.NONE, 128), right = Input.of(Shape.NONE, 128);
        KerasTensor merged = Merging.concatenate(List.of(lstm.apply(left), lstm.apply(right)), -1);
        KerasTensor predictions = new Dense(1, "sigmoid").apply(merged);
        Functional model = new Functional(List.of(left, right), List.of(predictions), null);
        assertEquals(20_673, model.countParams(), "the shared LSTM's 20,608 parameters are counted once");
        String sep = " ".repeat(98);
        String expected = String.join("\n",
                "Model: \"model\"",
                "_".repeat(98),
                " Layer (type)                   Output Shape         Param #     Connected to                     ",
                "=".repeat(98),
                " input_1 (InputLayer)           [(None, None, 128)   0           []                               ",
                "                                ]                                                                 ",
                sep,
                " input_2 (InputLayer)           [(None, None, 128)   0           []                               ",
                "                                ]                                                                 ",
                sep,
                " lstm (LSTM)                    (None, 32)           20608       ['input_1[0][0]',                ",
                "                                                                  'input_2[0][0]']                ",
                sep,
                " concatenate (Concatenate)      (None, 64)           0           ['lstm[0][0]',                   ",
                "                                                                  'lstm[1][0]']                   ",
                sep,
                " dense (Dense)                  (None, 1)            65          ['concatenate[0][0]']            ",
                sep,
                "=".repeat(98),
                "Total params: 20,673",
                "Trainable params: 20,673",
                "Non-trainable params: 0",
                "_".repeat(98),
                "");
        assertEquals(expected, model.summaryText());

        // both branches run the same weights: swapping the inputs swaps the halves of the merge
        Tensor a = random(1, 3, 6, 128), b = random(2, 3, 4, 128);
        Functional features = new Functional(List.of(left, right), List.of(merged), "features");
        Tensor ab = features.applyEager(List.of(a, b), false).get(0), ba = features.applyEager(List.of(b, a), false).get(0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 32; j++) {
                assertEquals(ab.get(i, j), ba.get(i, 32 + j), 1e-6);
                assertEquals(ab.get(i, 32 + j), ba.get(i, j), 1e-6);
            }
        }
        model.compile("rmsprop", "binary_crossentropy", List.of());
        List<Tensor> before = lstm.getWeights();
        model.trainOnBatch(List.of(a, random(3, 3, 6, 128)), List.of(Tensor.of(new float[][] {{1}, {0}, {1}})));
        assertTrue(!java.util.Arrays.equals(before.get(0).toFloatArray(), lstm.getWeights().get(0).toFloatArray()),
                "the shared LSTM trains");
    }
}
