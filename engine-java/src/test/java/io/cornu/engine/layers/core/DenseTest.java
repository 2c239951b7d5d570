package io.cornu.engine.layers.core;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase.Fixture;
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

class DenseTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    @Test
    void buildsKerasWeightsLazily() {
        Dense d = new Dense(32, "relu");
        assertEquals("dense", d.name());
        assertEquals("dense_1", new Dense(4).name());
        assertEquals(0, d.weights().size());
        Tensor y = d.apply(Tensor.ones(5, 64));
        assertArrayEquals(new int[] {5, 32}, y.dims());
        assertEquals(List.of("dense/kernel", "dense/bias"), d.weights().stream().map(v -> v.name()).toList());
        assertEquals(Shape.of(64, 32), d.kernel().shape());
        assertEquals(64 * 32 + 32, d.countParams());
    }

    @Test
    void computesActivationOfAffineMap() {
        Dense d = new Dense(2, Activation.RELU, null);
        d.apply(Tensor.zeros(1, 3));
        d.kernel().assign(Tensor.of(new float[][] {{1, -1}, {2, 0}, {0, 3}}));
        d.bias().assign(Tensor.of(new float[] {0.5f, -10}));
        Tensor y = d.apply(Tensor.of(new float[][] {{1, 1, 1}}));
        assertArrayEquals(new float[] {3.5f, 0f}, y.toFloatArray()); // relu(3.5), relu(2 - 10)
    }

    @Test
    void gradientsReachKernelAndBias() {
        Dense d = new Dense(3);
        Tensor x = random(1, 4, 5);
        d.apply(x);
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            g = tape.gradient(Ops.sum(d.apply(x)), List.of(d.kernel(), d.bias()));
        }
        // d/dW sum(xW + b) = x^T 1, d/db = batch size
        float[] colSums = Ops.sum(x, 0).toFloatArray();
        float[] gk = g.get(0).toFloatArray();
        for (int i = 0; i < 5; i++) for (int j = 0; j < 3; j++) assertEquals(colSums[i], gk[i * 3 + j], 1e-5);
        assertArrayEquals(new float[] {4, 4, 4}, g.get(1).toFloatArray());
    }

    @Test
    void higherRankInputsUseTheLastAxis() {
        Dense d = new Dense(4);
        KerasTensor out = d.apply(Input.of(2, 32));
        assertEquals(Shape.of(Shape.NONE, 2, 4), out.shape());
        assertArrayEquals(new int[] {3, 2, 4}, d.apply(Tensor.ones(3, 2, 32)).dims());
    }

    @Test
    void incompatibleInputsGetKerasMessage() {
        Dense d = new Dense(4, Activation.LINEAR, "dense_layer");
        d.apply(Input.of(32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.apply(Input.of(16)));
        assertEquals("Input 0 of layer \"dense_layer\" is incompatible with the layer: expected axis -1 of input shape "
                + "to have value 32, but received input with shape (None, 16)", e.getMessage());
        d.apply(Input.of(2, 32)); // (None, 2, 32) is accepted
    }

    @Test
    void invalidArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(-3));
        assertTrue(e.getMessage().endsWith("Received: units=-3"), e.getMessage());
    }

    @Test
    void symbolicCallsKeepOneNodePerCall() {
        Dense d = new Dense(8);
        KerasTensor a = Input.of(16), b = Input.of(16);
        KerasTensor ya = d.apply(a), yb = d.apply(b);
        assertEquals(2, d.inboundNodes().size());
        assertSame(a, d.getInputAt(0));
        assertSame(yb, d.getOutputAt(1));
        assertEquals(1, yb.history().nodeIndex());
        IllegalStateException e = assertThrows(IllegalStateException.class, d::output);
        assertTrue(e.getMessage().contains("multiple inbound nodes"), e.getMessage());
        assertEquals(16 * 8 + 8, d.countParams(), "weights are shared, not duplicated");
        assertSame(ya.history().layer(), yb.history().layer());
    }

    @Test
    void configHasKerasKeys() {
        var c = new Dense(10, "softmax").getConfig();
        assertEquals(10, c.get("units"));
        assertEquals("softmax", c.get("activation"));
        assertEquals(true, c.get("use_bias"));
        assertEquals(java.util.Map.of("class_name", "GlorotUniform", "config", java.util.Collections.singletonMap("seed", null)), c.get("kernel_initializer"), "Keras' nested form");
    }

    /** Output and gradients (input, kernel, bias) against PyTorch's, fixtures from scripts/fixtures/gen_core_layers.py. */
    @Test
    void pytorchParity() {
        Fixture f = Fixture.load("core/dense_relu.json");
        Dense d = new Dense(5, "relu");
        d.apply(f.tensor("inputs", "x"));
        d.setWeights(List.of(f.tensor("weights", "kernel"), f.tensor("weights", "bias")));
        f.checkForwardAndGradients(xs -> d.apply(xs.get(0)), List.of("x"), Fixture.weights("kernel", d.kernel(), "bias", d.bias()));

        Fixture r = Fixture.load("core/dense_rank3.json");
        Dense d3 = new Dense(5);
        d3.apply(r.tensor("inputs", "x"));
        d3.setWeights(List.of(r.tensor("weights", "kernel"), r.tensor("weights", "bias")));
        r.checkForwardAndGradients(xs -> d3.apply(xs.get(0)), List.of("x"), Fixture.weights("kernel", d3.kernel(), "bias", d3.bias()));
    }
}
