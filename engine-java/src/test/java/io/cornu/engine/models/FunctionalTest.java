package io.cornu.engine.models;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.merging.Add;
import io.cornu.engine.layers.merging.Multiply;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionalTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.dims(), actual.dims());
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], 1e-5 * (1 + Math.abs(e[i])), "at " + i);
    }

    /** A summary line of the 98-column layout: the text padded to the full width. */
    private static String row(String text) {
        return String.format("%-98s%n", text).replace(System.lineSeparator(), "\n");
    }

    /** Keras 2 prints a functional chain in the sequential layout, with its InputLayer row. */
    @Test
    void functionalMlpSummaryIsKerasText() {
        KerasTensor in = Input.of(64);
        KerasTensor h = new Dense(32, "relu").apply(in);
        h = new Dense(32, "relu").apply(h);
        Functional m = new Functional(in, new Dense(10, "softmax").apply(h));
        String expected = String.join("\n",
                "Model: \"model\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #   ",
                "=================================================================",
                " input_1 (InputLayer)        [(None, 64)]              0         ",
                "                                                                 ",
                " dense (Dense)               (None, 32)                2080      ",
                "                                                                 ",
                " dense_1 (Dense)             (None, 32)                1056      ",
                "                                                                 ",
                " dense_2 (Dense)             (None, 10)                330       ",
                "                                                                 ",
                "=================================================================",
                "Total params: 3,466",
                "Trainable params: 3,466",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, m.summaryText());
    }

    @Test
    void sharedLayerCallsShowAsSeparateNodesInConnectedTo() {
        KerasTensor left = Input.of(16), right = Input.of(16);
        Dense shared = new Dense(8, Activation.LINEAR, "lstm");
        KerasTensor merged = new Add().apply(List.of(shared.apply(left), shared.apply(right)));
        Functional m = new Functional(List.of(left, right), List.of(new Dense(1).apply(merged)), "siamese");
        String text = m.summaryText();
        String[] lines = text.split("\n");
        assertEquals(98, lines[1].length());
        assertEquals(" Layer (type)                   Output Shape         Param #     Connected to                     ", lines[2]);
        assertTrue(text.contains(row(" lstm (Dense)                   (None, 8)            136         ['input_1[0][0]',")
                + row("                                                                  'input_2[0][0]']")), text);
        assertTrue(text.contains(row(" add (Add)                      (None, 8)            0           ['lstm[0][0]',")
                + row("                                                                  'lstm[1][0]']")), text);
        assertEquals(145, m.countParams(), "the shared layer's 136 parameters are counted once");
    }

    @Test
    void denseCalledOnTwoRanksInOneModelCountsItsWeightsOnce() {
        KerasTensor a = Input.of(32), b = Input.of(2, 32);
        Dense d = new Dense(4);
        Functional m = new Functional(List.of(a, b), List.of(d.apply(a), d.apply(b)), "two");
        assertEquals(132, m.countParams());
        assertTrue(m.summaryText().contains(" dense (Dense)                  multiple             132 "));
        List<Tensor> out = m.applyEager(List.of(Tensor.ones(3, 32), Tensor.ones(3, 2, 32)), false);
        assertArrayEquals(new int[] {3, 4}, out.get(0).dims());
        assertArrayEquals(new int[] {3, 2, 4}, out.get(1).dims());
    }

    @Test
    void runsADagLikeTheComposedLayers() {
        KerasTensor x = Input.of(Shape.of(6), "x"), z = Input.of(Shape.of(6), "z");
        Dense d1 = new Dense(5, "relu"), d2 = new Dense(5), head = new Dense(2, Activation.LINEAR, "head");
        KerasTensor branch = new Multiply().apply(List.of(d1.apply(x), d2.apply(z)));
        KerasTensor out = head.apply(new Add().apply(List.of(branch, d2.apply(x))));
        Functional m = new Functional(List.of(x, z), List.of(out), "dag");
        Tensor xv = random(1, 4, 6), zv = random(2, 4, 6);
        Tensor expected = head.apply(Ops.add(Ops.mul(d1.apply(xv), d2.apply(zv)), d2.apply(xv)));
        assertClose(expected, m.applyEager(List.of(xv, zv), false).get(0));
        assertEquals(List.of("x", "z"), m.inputNames());
        assertSame(z, m.input("z"));
        assertSame(out, m.output("head"));
        assertSame(head, m.getLayer("head"));
    }

    @Test
    void graphDisconnectedNamesTheTensorAndLayer() {
        KerasTensor a = Input.of(16), b = Input.of(16);
        KerasTensor sum = new Add().apply(List.of(new Dense(4, Activation.LINEAR, "da").apply(a), new Dense(4, Activation.LINEAR, "db").apply(b)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Functional(a, sum));
        assertTrue(e.getMessage().startsWith("Graph disconnected: cannot obtain value for tensor <KerasTensor shape=(None, 16), dtype=float32, name=input_2> at layer \"db\". "
                + "The following previous layers were accessed without issue: ['input_1', 'da']"), e.getMessage());
    }

    @Test
    void aModelIsALayer() {
        KerasTensor in = Input.of(8);
        Dense inner1 = new Dense(6, "relu");
        Functional encoder = new Functional(in, inner1.apply(in), "encoder");
        KerasTensor a = Input.of(8), b = Input.of(8);
        KerasTensor ea = encoder.apply(a), eb = encoder.apply(b);
        Functional outer = new Functional(List.of(a, b), List.of(new Add().apply(List.of(ea, eb))), "outer");
        assertEquals(8 * 6 + 6, outer.countParams(), "the nested model's weights are shared by both calls");
        Tensor av = random(3, 2, 8), bv = random(4, 2, 8);
        assertClose(Ops.add(encoder.apply(av), encoder.apply(bv)), outer.applyEager(List.of(av, bv), false).get(0));
        String text = outer.summaryText();
        assertTrue(text.contains(" encoder (Functional)           (None, 6)            54          ['input_2[0][0]',"), text);
        assertTrue(text.contains("['encoder[1][0]',"), "node 0 is the model's own graph, as in Keras: " + text);
        // weights changed through the nested model are seen by the outer one
        inner1.kernel().assign(Tensor.zeros(8, 6));
        inner1.bias().assign(Tensor.ones(6));
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, outer.applyEager(List.of(av, bv), false).get(0).toFloatArray());
    }

    @Test
    void subModelsFromIntermediateOutputsShareWeights() {
        KerasTensor in = Input.of(4);
        KerasTensor h = new Dense(3, Activation.RELU, "a").apply(in);
        KerasTensor out = new Dense(2, Activation.LINEAR, "b").apply(h);
        Functional model = new Functional(in, out, "full");
        Functional features = new Functional(model.inputs(), List.of(model.getLayer("a").output(), model.getLayer("b").output()), "features");
        Tensor x = random(5, 3, 4);
        List<Tensor> both = features.applyEager(List.of(x), false);
        assertClose(model.apply(x), both.get(1));
        ((Dense) model.getLayer("a")).bias().assign(Tensor.full(5, 3));
        assertClose(model.getLayer("a").apply(x), features.applyEager(List.of(x), false).get(0));
        assertEquals(model.countParams(), features.countParams());
    }

    @Test
    void inputsMustComeFromInput() {
        KerasTensor in = Input.of(4);
        KerasTensor h = new Dense(3).apply(in);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Functional(h, new Dense(1).apply(h)));
        assertTrue(e.getMessage().contains("inputs must come from Input"), e.getMessage());
    }

    @Test
    void wrongInputShapesAreRejected() {
        KerasTensor in = Input.of(4);
        Functional m = new Functional(in, new Dense(2).apply(in), "m");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.apply(Tensor.ones(2, 5)));
        assertEquals("Input 0 of layer \"m\" is incompatible with the layer: expected shape=(None, 4), found shape=(2, 5)", e.getMessage());
    }

    @Test
    void trainsEndToEnd() {
        io.cornu.engine.utils.RandomSeed.set(3);
        KerasTensor in = Input.of(2);
        KerasTensor h = new Dense(8, "relu").apply(in);
        Functional m = new Functional(in, new Dense(2, "softmax").apply(h), "clf");
        m.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
        float[] xs = new float[200 * 2], ys = new float[200 * 2];
        java.util.Random r = new java.util.Random(0);
        for (int i = 0; i < 200; i++) {
            int c = i % 2;
            xs[2 * i] = (float) (r.nextGaussian() * 0.3 + (c == 0 ? -1 : 1));
            xs[2 * i + 1] = (float) r.nextGaussian();
            ys[2 * i + c] = 1;
        }
        var h1 = m.fit(Tensor.wrap(xs, 200, 2), Tensor.wrap(ys, 200, 2), new io.cornu.engine.training.FitOptions().epochs(15).batchSize(20).verbose(0));
        assertTrue(h1.get("loss").get(14) < h1.get("loss").get(0));
        assertTrue(h1.get("accuracy").get(14) > 0.9, h1.history().toString());
    }

    @Test
    void integerInputsCarryTheirDtype() {
        KerasTensor ids = Input.of(Shape.of(Shape.NONE), "ids", io.cornu.engine.tensor.DType.INT32);
        assertEquals(io.cornu.engine.tensor.DType.INT32, ids.dtype());
        KerasTensor emb = new io.cornu.engine.layers.core.Embedding(10, 3).apply(ids);
        Functional m = new Functional(ids, new Dense(2).apply(emb), "tokens");
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 2), m.outputs().get(0).shape());
        Tensor out = m.apply(Tensor.ofInts(new int[][] {{1, 2, 3}, {4, 5, 0}}));
        assertArrayEquals(new int[] {2, 3, 2}, out.dims());
        var config = io.cornu.engine.saving.ModelConfig.toJson(m);
        assertTrue(config.contains("\"dtype\": \"int32\""), config);
        Functional copy = (Functional) io.cornu.engine.saving.ModelConfig.fromJson(config);
        assertEquals(io.cornu.engine.tensor.DType.INT32, copy.inputs().get(0).dtype());
    }

    @Test
    void masksSurviveModelOutputsAndMergeAsAnAnd() {
        KerasTensor a = Input.of(Shape.of(Shape.NONE), "a", io.cornu.engine.tensor.DType.INT32);
        KerasTensor b = Input.of(Shape.of(Shape.NONE), "b", io.cornu.engine.tensor.DType.INT32);
        KerasTensor ea = new io.cornu.engine.layers.core.Embedding(10, 2, true).apply(a);
        KerasTensor eb = new io.cornu.engine.layers.core.Embedding(10, 2, true).apply(b);
        Functional m = new Functional(List.of(a, b), List.of(new Add().apply(List.of(ea, eb))), "masked");
        Tensor out = m.applyEager(List.of(Tensor.ofInts(new int[][] {{1, 2, 0}}), Tensor.ofInts(new int[][] {{3, 0, 4}})), false).get(0);
        assertArrayEquals(new float[] {1, 0, 0}, out.kerasMask().toFloatArray(), "kept where both inputs are real");
    }
}
