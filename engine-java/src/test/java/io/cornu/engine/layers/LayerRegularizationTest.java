package io.cornu.engine.layers;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.constraints.Constraints;
import io.cornu.engine.constraints.MaxNorm;
import io.cornu.engine.constraints.NonNeg;
import io.cornu.engine.constraints.UnitNorm;
import io.cornu.engine.initializers.Ones;
import io.cornu.engine.layers.activation.PReLU;
import io.cornu.engine.layers.conv.Conv1D;
import io.cornu.engine.layers.conv.Conv2D;
import io.cornu.engine.layers.conv.Conv2DTranspose;
import io.cornu.engine.layers.conv.DepthwiseConv2D;
import io.cornu.engine.layers.conv.SeparableConv2D;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.layers.normalization.BatchNormalization;
import io.cornu.engine.layers.normalization.LayerNormalization;
import io.cornu.engine.layers.reshaping.Flatten;
import io.cornu.engine.layers.rnn.Bidirectional;
import io.cornu.engine.layers.rnn.GRU;
import io.cornu.engine.layers.rnn.LSTM;
import io.cornu.engine.layers.rnn.SimpleRNN;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.L1;
import io.cornu.engine.regularizers.L1L2;
import io.cornu.engine.regularizers.L2;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.regularizers.Regularizers;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.saving.ModelConfig;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weight and activity regularizers and weight constraints as the layers take them: Keras' {@code layer.losses}. */
class LayerRegularizationTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static double total(List<Tensor> losses) {
        double s = 0;
        for (Tensor t : losses) s += t.item();
        return s;
    }

    @Test
    void kerasDocstringExample() {
        // keras.regularizers: Dense(5, kernel_initializer='ones', kernel_regularizer=L1(0.01), activity_regularizer=L2(0.01))
        // on ones((5, 5)) * 2: the kernel term 0.25, the activity term 0.01 * 25 * 10^2 / batch 5 = 5.0, sum 5.25
        Dense layer = new Dense(5, null, true, new Ones(), null, null).kernelRegularizer(new L1(0.01)).activityRegularizer(new L2(0.01));
        layer.apply(Tensor.full(2f, 5, 5));
        assertEquals(2, layer.losses().size());
        assertEquals(5.25, total(layer.losses()), 1e-5);
    }

    @Test
    void activityLossesAreTheLatestOutermostCallsAndScaleWithTheBatch() {
        Dense d = new Dense(3).activityRegularizer(new L2(0.5));
        Tensor x = random(1, 4, 2);
        Tensor y = d.apply(x);
        double expected = 0;
        for (float v : y.toFloatArray()) expected += 0.5 * v * v;
        assertEquals(expected / 4, total(d.losses()), 1e-6);
        d.apply(x);
        assertEquals(1, d.losses().size(), "a new call replaces the last call's activity loss");
        // the same rows twice: twice the sum of squares, twice the batch: the same penalty
        d.apply(Ops.concatenate(List.of(x, x), 0));
        assertEquals(expected / 4, total(d.losses()), 1e-6);
        d.apply(Tensor.zeros(0, 2));
        assertEquals(0, total(d.losses()), "an empty batch adds 0, as Keras' divide_no_nan");
    }

    @Test
    void modelsCollectTheirLayersLossesOncePerCall() {
        KerasTensor in = Input.of(3);
        Dense shared = new Dense(3).activityRegularizer(new L1(0.1));
        shared.kernelRegularizer(new L2(0.2));
        KerasTensor h = shared.apply(shared.apply(in));           // called twice: two activity losses, one kernel penalty
        Functional inner = new Functional(in, new Dense(2).kernelRegularizer(new L1(0.3)).apply(h), "inner");
        KerasTensor outerIn = Input.of(3);
        Functional model = new Functional(outerIn, inner.apply(outerIn), "outer");
        Tensor x = random(2, 5, 3);
        model.apply(x);
        assertEquals(4, model.losses().size());
        model.apply(x);
        assertEquals(4, model.losses().size(), "the outermost call clears the inner layers' call losses");
        assertEquals(model.losses().size(), model.regularizationLosses().size());

        // by hand: both activity terms from the shared layer's own outputs, the two weight penalties
        Tensor h1 = shared.apply(x), h2 = shared.apply(h1);
        double expected = 0.1 * sumAbs(h1) / 5 + 0.1 * sumAbs(h2) / 5 + 0.2 * sumSquares(shared.kernel())
                + 0.3 * sumAbs(((Dense) inner.layers().get(inner.layers().size() - 1)).kernel());
        model.apply(x);
        assertEquals(expected, total(model.losses()), 1e-5);
    }

    private static double sumAbs(Tensor t) {
        double s = 0;
        for (float v : t.toFloatArray()) s += Math.abs(v);
        return s;
    }

    private static double sumSquares(Tensor t) {
        double s = 0;
        for (float v : t.toFloatArray()) s += (double) v * v;
        return s;
    }

    @Test
    void frozenWeightsAreNotPenalized() {
        Dense d = new Dense(2).kernelRegularizer(new L2(1)).biasRegularizer(new L1(1));
        d.apply(Tensor.ones(1, 3));
        d.bias().assign(Tensor.of(new float[] {0.5f, -0.25f}));
        assertEquals(sumSquares(d.kernel()) + 0.75, total(d.losses()), 1e-5);
        d.setTrainable(false);
        assertTrue(d.losses().isEmpty(), "Keras regularizes trainable weights only");
        d.setTrainable(true);
        assertEquals(2, d.losses().size());
    }

    @Test
    void addLossFromCall() {
        Layer layer = new Layer(null) {
            @Override
            protected Tensor call(Tensor inputs, boolean training) {
                addLoss(Ops.mul(Ops.sum(inputs), 0.5f));
                return inputs;
            }

            @Override
            public io.cornu.engine.tensor.Shape computeOutputShape(io.cornu.engine.tensor.Shape s) {
                return s;
            }
        };
        layer.apply(Tensor.ones(2, 3));
        assertEquals(3.0, total(layer.losses()), 1e-6);
    }

    @Test
    void penaltyGradientsMatchFiniteDifferences() {
        // d(sum(losses))/d(kernel) through the kernel's L1L2 penalty and the activity penalty on the output
        Dense d = new Dense(3, null, true, null, null, null).kernelRegularizer(new L1L2(0.05, 0.2)).activityRegularizer(new L2(0.3));
        Tensor x = random(4, 6, 2);
        d.apply(x);
        Variable kernel = d.kernel();
        kernel.assign(Tensor.of(new float[][] {{0.5f, -0.7f, 0.3f}, {-0.4f, 0.9f, 0.6f}}));  // away from L1's kink at 0
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            d.apply(x);
            g = tape.gradient(sumOf(d.losses()), List.of(kernel)).get(0);
        }
        float[] w = kernel.buffer();
        float[] ga = g.toFloatArray();
        double h = 1e-2;
        for (int i = 0; i < w.length; i++) {
            float old = w[i];
            w[i] = (float) (old + h);
            d.apply(x);
            double plus = total(d.losses());
            w[i] = (float) (old - h);
            d.apply(x);
            double minus = total(d.losses());
            w[i] = old;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, ga[i], 1e-2 * (1 + Math.abs(numeric)), "d/dkernel[" + i + "]");
        }
    }

    private static Tensor sumOf(List<Tensor> losses) {
        Tensor s = losses.get(0);
        for (int i = 1; i < losses.size(); i++) s = Ops.add(s, losses.get(i));
        return s;
    }

    /** A layer, an input, and for each of its weight arguments the variable it applies to. */
    private record Case(Supplier<Layer> factory, Tensor input, Map<String, String> weightOfArgument) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case(() -> new Dense(3), random(1, 2, 4), Map.of("kernel", "kernel", "bias", "bias")),
                new Case(() -> new Embedding(10, 3), Tensor.ofInts(new int[][] {{1, 2}, {3, 9}}), Map.of("embeddings", "embeddings")),
                new Case(() -> new Conv1D(2, 3), random(1, 2, 5, 3), Map.of("kernel", "kernel", "bias", "bias")),
                new Case(() -> new Conv2D(2, 3), random(1, 1, 5, 5, 2), Map.of("kernel", "kernel", "bias", "bias")),
                new Case(() -> new SeparableConv2D(2, 3), random(1, 1, 5, 5, 2),
                        Map.of("depthwise", "depthwise_kernel", "pointwise", "pointwise_kernel", "bias", "bias")),
                new Case(() -> new DepthwiseConv2D(3), random(1, 1, 5, 5, 2), Map.of("depthwise", "kernel", "bias", "bias")),
                new Case(() -> new Conv2DTranspose(2, 3), random(1, 1, 4, 4, 2), Map.of("kernel", "kernel", "bias", "bias")),
                new Case(() -> new SimpleRNN(3), random(1, 2, 4, 2),
                        Map.of("kernel", "simple_rnn_cell/kernel", "recurrent", "simple_rnn_cell/recurrent_kernel", "bias", "simple_rnn_cell/bias")),
                new Case(() -> new LSTM(3), random(1, 2, 4, 2),
                        Map.of("kernel", "lstm_cell/kernel", "recurrent", "lstm_cell/recurrent_kernel", "bias", "lstm_cell/bias")),
                new Case(() -> new GRU(3), random(1, 2, 4, 2),
                        Map.of("kernel", "gru_cell/kernel", "recurrent", "gru_cell/recurrent_kernel", "bias", "gru_cell/bias")),
                new Case(BatchNormalization::new, random(1, 3, 4), Map.of("beta", "beta", "gamma", "gamma")),
                new Case(LayerNormalization::new, random(1, 3, 4), Map.of("beta", "beta", "gamma", "gamma")),
                new Case(PReLU::new, random(1, 3, 4), Map.of("alpha", "alpha")));
    }

    @Test
    void everyLayerPlumbsItsWeightArguments() {
        for (Case c : cases()) {
            Layer layer = c.factory().get();
            Map<String, Regularizer> regs = new HashMap<>();
            Map<String, Constraint> cons = new HashMap<>();
            double factor = 0.001;
            for (String arg : c.weightOfArgument().keySet()) {
                regs.put(arg, new L2(factor));
                cons.put(arg, new MaxNorm(1 + factor, 0));
                layer.regularizer(arg, regs.get(arg));
                layer.constraint(arg, cons.get(arg));
                factor *= 2;
            }
            layer.activityRegularizer(new L1(0.5));
            String what = layer.className();

            // the config holds Keras' serialized form, and a JSON round trip gives them back
            Map<String, Object> config = layer.getConfig();
            for (String arg : c.weightOfArgument().keySet()) {
                assertEquals(Regularizers.serialize(regs.get(arg)), config.get(arg + "_regularizer"), what);
                assertEquals(Constraints.serialize(cons.get(arg)), config.get(arg + "_constraint"), what);
            }
            assertEquals(Map.of("class_name", "L1", "config", Map.of("l1", 0.5)), config.get("activity_regularizer"), what);
            Layer copy = ModelConfig.fromJson(ModelConfig.toJson(layer));
            assertEquals(config, copy.getConfig(), what);
            assertEquals(config, LayerRegistry.cloneLayer(layer).getConfig(), what);

            // the built weights carry them; the penalties join the layer's losses with the activity term
            for (Layer l : List.of(layer, copy)) {
                l.apply(c.input(), true);
                Map<String, Variable> byName = new HashMap<>();
                for (Variable v : l.weights()) byName.put(v.name().substring(l.name().length() + 1), v);
                double penalties = 0;
                for (Map.Entry<String, String> e : c.weightOfArgument().entrySet()) {
                    Variable v = byName.get(e.getValue());
                    assertNotNull(v, what + " has no weight " + e.getValue());
                    assertEquals(Regularizers.serialize(regs.get(e.getKey())), Regularizers.serialize(v.regularizer()), what + " " + e.getKey());
                    assertEquals(Constraints.serialize(cons.get(e.getKey())), Constraints.serialize(v.constraint()), what + " " + e.getKey());
                    penalties += ((L2) regs.get(e.getKey())).l2() * sumSquares(v);
                }
                List<Tensor> losses = l.losses();
                assertEquals(1 + c.weightOfArgument().size(), losses.size(), what);
                assertEquals(penalties, total(losses.subList(1, losses.size())), 1e-6 * (1 + penalties), what);
            }
        }
    }

    @Test
    void recurrentWrappersCarryTheRegularizersOfTheirLayers() {
        Bidirectional bi = new Bidirectional(new LSTM(2).kernelRegularizer(new L2(0.1)).recurrentRegularizer(new L1(0.2)));
        bi.apply(random(3, 2, 4, 3));
        assertEquals(4, bi.losses().size(), "kernel and recurrent penalties of both directions");
        double expected = 0;
        for (LSTM l : List.of((LSTM) bi.forwardLayer(), (LSTM) bi.backwardLayer())) {
            expected += 0.1 * sumSquares(l.kernel()) + 0.2 * sumAbs(l.recurrentKernel());
        }
        assertEquals(expected, total(bi.losses()), 1e-5);
        Bidirectional copy = (Bidirectional) ModelConfig.fromJson(ModelConfig.toJson(bi));
        copy.apply(random(3, 2, 4, 3));
        assertEquals(4, copy.losses().size());
    }

    @Test
    void layersWithoutKerasArgumentsRefuseThem() {
        Dense d = new Dense(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.regularizer("recurrent", new L2(0.1)));
        assertEquals("Layer \"dense\" (Dense) has no argument `recurrent_regularizer`. Its weight arguments: kernel_regularizer, bias_regularizer",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Flatten().constraint("kernel", new NonNeg()));
        assertEquals("Layer \"flatten\" (Flatten) has no argument `kernel_constraint`. Its weight arguments: none", e.getMessage());
        // a config naming one for a layer without it is refused too, never dropped
        Map<String, Object> c = new Flatten("f").getConfig();
        c.put("kernel_regularizer", Map.of("class_name", "L2", "config", Map.of("l2", 0.1)));
        assertThrows(IllegalArgumentException.class, () -> LayerRegistry.fromConfig("Flatten", c));
        // and so is an unknown regularizer class
        Map<String, Object> dense = new Dense(2).getConfig();
        dense.put("kernel_regularizer", Map.of("class_name", "Evil", "config", Map.of()));
        e = assertThrows(IllegalArgumentException.class, () -> LayerRegistry.fromConfig("Dense", dense));
        assertTrue(e.getMessage().startsWith("Unknown regularizer: 'Evil'"), e.getMessage());
    }

    @Test
    void weightArgumentsAreSetBeforeBuilding() {
        Dense d = new Dense(2);
        d.apply(Tensor.ones(1, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.kernelRegularizer(new L2(0.1)));
        assertEquals("Layer \"dense\": `kernel_regularizer` must be set before the layer is built", e.getMessage());
        assertThrows(IllegalStateException.class, () -> d.biasConstraint(new NonNeg()));
        d.activityRegularizer(new L2(0.1));   // Keras: a settable property at any time
        d.apply(Tensor.ones(1, 3));
        assertEquals(1, d.losses().size());
    }

    @Test
    void configsByNameAndKerasNulls() {
        Map<String, Object> c = new Dense(2).getConfig();
        assertTrue(c.containsKey("kernel_regularizer") && c.get("kernel_regularizer") == null, "Keras writes None for no regularizer");
        assertTrue(c.containsKey("bias_constraint") && c.get("bias_constraint") == null);
        assertFalse(c.containsKey("activity_regularizer"), "Keras' base layer writes activity_regularizer only when set");
        c.put("kernel_regularizer", "l2");
        c.put("kernel_constraint", "unit_norm");
        Dense d = (Dense) LayerRegistry.fromConfig("Dense", c);
        assertEquals(0.01, ((L2) d.regularizer("kernel")).l2());
        assertTrue(d.constraint("kernel") instanceof UnitNorm);
        assertNull(d.regularizer("bias"));
        assertSame(null, d.activityRegularizer());
        List<String> order = new ArrayList<>(new Dense(2).kernelRegularizer(new L2(0.1)).getConfig().keySet());
        assertTrue(order.indexOf("kernel_regularizer") < order.indexOf("bias_regularizer")
                && order.indexOf("bias_regularizer") < order.indexOf("kernel_constraint"), order.toString());
    }

    @Test
    void sequentialModelsRoundTripTheirRegularizers() {
        Sequential model = new Sequential(List.of(new Dense(4, "relu").kernelRegularizer(new L2(0.002)).inputShape(3),
                new Dense(1).kernelConstraint(new MaxNorm(2, 0))));
        Sequential copy = (Sequential) ModelConfig.fromJson(ModelConfig.toJson(model));
        assertEquals(ModelConfig.toJson(model).replaceAll("\"name\": \"[a-z_0-9]+\"", ""),
                ModelConfig.toJson(copy).replaceAll("\"name\": \"[a-z_0-9]+\"", ""));
        Dense first = (Dense) copy.layers().get(0);
        assertEquals(0.002, ((L2) first.regularizer("kernel")).l2());
        assertTrue(ModelConfig.toJson(model).contains("\"kernel_regularizer\": {\n"));
    }
}
