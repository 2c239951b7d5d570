package io.cornu.engine.saving;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.merging.Add;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelConfigTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    @Test
    void sequentialRoundTripsThroughJson() {
        Sequential m = new Sequential("mlp");
        m.add(new InputLayer(8));
        m.add(new Dense(4, "relu"));
        m.add(new Dense(2, "softmax"));
        String json = ModelConfig.toJson(m);
        assertTrue(json.contains("\"class_name\": \"Sequential\""), json);
        assertTrue(json.contains("\"batch_input_shape\": [\n"), json);
        Model copy = (Model) ModelConfig.fromJson(json);
        assertEquals(m.summaryText(), copy.summaryText());
        assertEquals(json, ModelConfig.toJson(copy), "to_json(from_json(j)) == j");
    }

    @Test
    void functionalWithSharedAndNestedLayersRoundTrips() {
        KerasTensor in = Input.of(6);
        Functional block = new Functional(in, new Dense(5, "relu").apply(in), "block");
        KerasTensor a = Input.of(6), b = Input.of(6);
        Dense shared = new Dense(5, Activation.LINEAR, "shared");
        KerasTensor sum = new Add().apply(List.of(shared.apply(block.apply(a)), shared.apply(block.apply(b))));
        Functional m = new Functional(List.of(a, b), List.of(new Dense(1).apply(sum)), "pair");
        String json = ModelConfig.toJson(m);
        assertTrue(json.contains("\"inbound_nodes\""), json);
        Functional copy = (Functional) ModelConfig.fromJson(json);
        assertEquals(m.summaryText(), copy.summaryText());
        assertEquals(m.countParams(), copy.countParams());
        copy.setWeights(m.getWeights());
        Tensor x = random(1, 3, 6), z = random(2, 3, 6);
        assertArrayEquals(m.applyEager(List.of(x, z), false).get(0).toFloatArray(), copy.applyEager(List.of(x, z), false).get(0).toFloatArray(), 1e-6f);
    }

    @Test
    void unknownClassesAreNeverInstantiated() {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"x\", \"layers\": ["
                + "{\"class_name\": \"java.lang.ProcessBuilder\", \"config\": {\"name\": \"evil\"}}]}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.fromJson(json));
        assertTrue(e.getMessage().startsWith("Unknown layer: 'java.lang.ProcessBuilder'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.fromJson("{not json"));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.fromJson("{\"config\": {}}"));
    }
}
