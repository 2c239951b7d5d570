package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.layers.rnn.LSTM;
import io.cornu.engine.models.Functional;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergingTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void helpersMakeTheLayersAndCallThem() {
        KerasTensor a = Input.of(4), b = Input.of(4);
        assertInstanceOf(Add.class, Merging.add(a, b).history().layer());
        assertInstanceOf(Subtract.class, Merging.subtract(a, b).history().layer());
        assertInstanceOf(Multiply.class, Merging.multiply(List.of(a, b)).history().layer());
        assertInstanceOf(Average.class, Merging.average(List.of(a, b)).history().layer());
        assertInstanceOf(Maximum.class, Merging.maximum(List.of(a, b)).history().layer());
        assertInstanceOf(Minimum.class, Merging.minimum(List.of(a, b)).history().layer());
        KerasTensor c = Merging.concatenate(a, b);
        assertInstanceOf(Concatenate.class, c.history().layer());
        assertEquals(Shape.of(Shape.NONE, 8), c.shape());
        assertEquals(Shape.of(Shape.NONE, 1), Merging.dot(a, b, 1, true).shape());
        Functional m = new Functional(List.of(a, b), List.of(Merging.add(List.of(a, b)), c), "helpers");
        List<Tensor> out = m.applyEager(List.of(Tensor.ones(2, 4), Tensor.full(2f, 2, 4)), false);
        assertArrayEquals(new float[] {3, 3, 3, 3, 3, 3, 3, 3}, out.get(0).toFloatArray());
        assertArrayEquals(new int[] {2, 8}, out.get(1).dims());
    }

    /** The functional-API chapter's two-input question-answering model: 1,000,052 parameters, Keras' Connected-to column. */
    @Test
    void questionAnsweringModelHasKerasParameterCount() {
        KerasTensor text = Input.of(Shape.of(Shape.NONE), "text");
        KerasTensor encodedText = new LSTM(32).apply(new Embedding(10000, 64).apply(text));
        KerasTensor question = Input.of(Shape.of(Shape.NONE), "question");
        KerasTensor encodedQuestion = new LSTM(16).apply(new Embedding(10000, 32).apply(question));
        KerasTensor concatenated = Merging.concatenate(List.of(encodedText, encodedQuestion), -1);
        KerasTensor answer = new Dense(500, "softmax").apply(concatenated);
        Functional model = new Functional(List.of(text, question), List.of(answer), "qa");
        assertEquals(1_000_052, model.countParams());
        String summary = model.summaryText();
        assertTrue(summary.contains("concatenate (Concatenate)"), summary);
        assertTrue(summary.contains("lstm[0][0]") && summary.contains("lstm_1[0][0]"), summary);
        assertEquals(Shape.of(Shape.NONE, 48), concatenated.shape());
    }
}
