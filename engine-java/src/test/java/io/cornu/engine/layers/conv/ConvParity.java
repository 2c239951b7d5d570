package io.cornu.engine.layers.conv;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase.Fixture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PyTorch parity for the convolution and pooling layers, from the fixtures written by
 * {@code scripts/fixtures/gen_conv_layers.py} under {@code fixtures/conv/}: the layer is built on
 * the fixture's input, must list exactly the fixture's (Keras-named) weights in the same order,
 * gets their values, and its output and the gradients for the input and every weight must match
 * PyTorch's within {@link Fixture#RELATIVE_TOLERANCE}.
 */
public final class ConvParity {
    private ConvParity() {
    }

    /** Checks {@code layer} against {@code fixtures/conv/<name>.json}; returns the largest relative error. */
    public static double check(String name, Layer layer) {
        return check(name, layer, xs -> layer.apply(xs.get(0)));
    }

    /** As {@link #check(String, Layer)}, with the forward pass given (e.g. to attach a mask). */
    public static double check(String name, Layer layer, Function<List<Tensor>, Tensor> forward) {
        Fixture f = Fixture.load("conv/" + name + ".json");
        Tensor x = f.tensor("inputs", "x");
        layer.apply(x);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        List<String> fixtureWeights = f.names("weights");
        List<Variable> vs = layer.weights();
        assertEquals(fixtureWeights, vs.stream().map(v -> v.name().substring(layer.name().length() + 1)).toList(),
                "Keras weight names and order of " + layer.className());
        for (int i = 0; i < vs.size(); i++) {
            vs.get(i).assign(f.tensor("weights", fixtureWeights.get(i)));
            weights.put(fixtureWeights.get(i), vs.get(i));
        }
        return f.checkForwardAndGradients(forward, List.of("x"), weights);
    }
}
