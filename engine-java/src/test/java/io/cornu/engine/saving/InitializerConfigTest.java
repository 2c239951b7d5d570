package io.cornu.engine.saving;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.initializers.Constant;
import io.cornu.engine.initializers.GlorotNormal;
import io.cornu.engine.initializers.GlorotUniform;
import io.cornu.engine.initializers.HeNormal;
import io.cornu.engine.initializers.HeUniform;
import io.cornu.engine.initializers.Identity;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.LecunNormal;
import io.cornu.engine.initializers.LecunUniform;
import io.cornu.engine.initializers.Ones;
import io.cornu.engine.initializers.Orthogonal;
import io.cornu.engine.initializers.RandomNormal;
import io.cornu.engine.initializers.RandomUniform;
import io.cornu.engine.initializers.TruncatedNormal;
import io.cornu.engine.initializers.VarianceScaling;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.Layer;
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
import io.cornu.engine.layers.rnn.Bidirectional;
import io.cornu.engine.layers.rnn.GRU;
import io.cornu.engine.layers.rnn.LSTM;
import io.cornu.engine.layers.rnn.SimpleRNN;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.utils.Names;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layers save their initializers in Keras' nested form, and load both that and the names older Cornu configs hold. */
class InitializerConfigTest {

    @BeforeEach
    void reset() {
        Names.reset();
        RandomSeed.set(17);
    }

    @Test
    void denseWithSeededRandomNormalReloadsTheSameConfigAndWeights(@TempDir Path dir) throws IOException {
        Sequential m = new Sequential("m");
        m.add(new InputLayer(8));
        m.add(new Dense(4, Activation.LINEAR, true, new RandomNormal(0.0, 0.01, 3L), null, "dense"));
        Dense dense = (Dense) m.layers().get(0);

        Map<String, Object> rn = new LinkedHashMap<>();
        rn.put("mean", 0.0);
        rn.put("stddev", 0.01);
        rn.put("seed", 3L);
        assertEquals(Map.of("class_name", "RandomNormal", "config", rn), dense.getConfig().get("kernel_initializer"));
        String json = ModelConfig.toJson(m);
        assertTrue(json.contains("\"kernel_initializer\": {\n"), json);

        // a model rebuilt from its config alone (fresh weights) starts from the same kernel: same seed, same values
        Sequential copy = (Sequential) ModelConfig.fromJson(json);
        Dense copied = (Dense) copy.layers().get(0);
        assertEquals(dense.getConfig(), copied.getConfig());
        assertArrayEquals(dense.kernel().toFloatArray(), copied.kernel().toFloatArray());
        assertArrayEquals(new RandomNormal(0.0, 0.01, 3L).create(8, 4).toFloatArray(), dense.kernel().toFloatArray(),
                "the kernel is the seeded initializer's draw");

        // and so does a saved model file's config
        Path file = dir.resolve("m.cornu");
        ModelFile.save(m, file);
        Dense loaded = (Dense) ((Sequential) ModelFile.load(file)).layers().get(0);
        assertEquals(dense.getConfig(), loaded.getConfig());
        assertArrayEquals(dense.kernel().toFloatArray(), loaded.kernel().toFloatArray());
    }

    /** One layer of each kind with initializer arguments, all seeded, with its input shape. */
    static List<Map.Entry<Layer, Shape>> seededLayers() {
        return List.of(
                Map.entry(new Dense(6, Activation.RELU, true, new HeNormal(1L), new Constant(0.1), null), Shape.of(5)),
                Map.entry(new Embedding(20, 4, new RandomUniform(-0.1, 0.1, 2L), false, null), Shape.of(3)),
                Map.entry(new Conv1D(4, 3, 1, "valid", 1, 1, null, true, new LecunUniform(3L), new RandomNormal(0, 0.01, 4L), null),
                        Shape.of(9, 2)),
                Map.entry(new Conv2D(4, new int[] {3}, null, "same", null, 1, null, true,
                        new VarianceScaling(2.0, "fan_out", "untruncated_normal", 5L), new Ones(), null), Shape.of(6, 6, 3)),
                Map.entry(new SeparableConv2D(4, new int[] {3}, null, "valid", null, 2, null, true,
                        new GlorotNormal(6L), new Orthogonal(1.5, 7L), new Constant(-0.2), null), Shape.of(6, 6, 3)),
                Map.entry(new DepthwiseConv2D(new int[] {3}, null, "valid", 2, null, null, true, new TruncatedNormal(0, 0.3, 8L),
                        new Zeros(), null), Shape.of(6, 6, 3)),
                Map.entry(new Conv2DTranspose(3, new int[] {2}, new int[] {2}, "valid", null, null, null, true, new HeUniform(9L),
                        new Constant(0.5), null), Shape.of(4, 4, 2)),
                Map.entry(new LSTM(5).kernelInitializer(new LecunNormal(10L)).recurrentInitializer(new Orthogonal(0.9, 11L))
                        .biasInitializer(new Constant(0.3)), Shape.of(7, 3)),
                Map.entry(new GRU(5).kernelInitializer(new GlorotUniform(12L)).recurrentInitializer(new Identity(0.5)), Shape.of(7, 3)),
                Map.entry(new SimpleRNN(5).kernelInitializer(new HeUniform(13L)).recurrentInitializer(new RandomNormal(0, 0.1, 13L)),
                        Shape.of(7, 3)),
                Map.entry(new Bidirectional(new LSTM(3).kernelInitializer(new HeNormal(14L)).recurrentInitializer(new Orthogonal(1.0, 14L)),
                        "concat", null, null), Shape.of(7, 3)),
                Map.entry(new BatchNormalization(-1, 0.99f, 1e-3f, true, true, new Constant(0.1), new RandomUniform(0.9, 1.1, 15L),
                        new Constant(0.2), new Constant(2.0), null), Shape.of(6)),
                Map.entry(new LayerNormalization(new int[] {-1}, 1e-3f, true, true, false, new Constant(0.1),
                        new RandomNormal(1, 0.1, 16L), null), Shape.of(6)),
                Map.entry(new PReLU(new Constant(0.25), null, null), Shape.of(4)));
    }

    @Test
    void everyLayerWithInitializersReloadsTheSameConfigAndInitialWeights() {
        for (Map.Entry<Layer, Shape> e : seededLayers()) {
            Layer layer = e.getKey();
            Sequential m = new Sequential((String) null);
            m.add(new InputLayer(e.getValue(), null));
            m.add(layer);
            String json = ModelConfig.toJson(m);
            Sequential copy = (Sequential) ModelConfig.fromJson(json);
            Layer reloaded = copy.layers().get(0);
            assertEquals(layer.getConfig(), reloaded.getConfig(), layer.className());
            assertEquals(json, ModelConfig.toJson(copy), layer.className());
            List<Variable> a = layer.weights(), b = reloaded.weights();
            assertEquals(a.size(), b.size(), layer.className());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), layer.className() + " " + a.get(i).name());
            }
        }
    }

    @Test
    void configuredInitializersShapeTheWeights() {
        Dense d = new Dense(3, Activation.LINEAR, true, new Identity(2.0), new Constant(0.1), null);
        d.apply(io.cornu.engine.layers.Input.of(3));
        assertArrayEquals(new float[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, d.kernel().toFloatArray());
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, d.bias().toFloatArray());
        Dense byName = Dense.fromConfig(Map.of("units", 3, "kernel_initializer", "identity", "bias_initializer", "ones"));
        byName.apply(io.cornu.engine.layers.Input.of(3));
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, byName.kernel().toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, byName.bias().toFloatArray());
    }

    /**
     * A model config as Cornu wrote it before initializers had configs: each initializer by class name
     * only ({@code fixtures/saving/string-initializers.json}, written by the engine at commit 3473db2).
     */
    @Test
    void olderConfigsWithInitializerNamesStillLoad() throws IOException {
        String json;
        try (var in = getClass().getResourceAsStream("/fixtures/saving/string-initializers.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"kernel_initializer\": \"GlorotUniform\""), "the fixture holds names: " + json);
        Sequential m = (Sequential) ModelConfig.fromJson(json);
        Map<String, Class<? extends Initializer>> expected = Map.ofEntries(
                Map.entry("kernel_initializer", GlorotUniform.class), Map.entry("bias_initializer", Zeros.class),
                Map.entry("depthwise_initializer", GlorotUniform.class), Map.entry("pointwise_initializer", GlorotUniform.class),
                Map.entry("embeddings_initializer", RandomUniform.class), Map.entry("recurrent_initializer", Orthogonal.class),
                Map.entry("gamma_initializer", Ones.class), Map.entry("beta_initializer", Zeros.class),
                Map.entry("alpha_initializer", Zeros.class), Map.entry("moving_mean_initializer", Zeros.class),
                Map.entry("moving_variance_initializer", Ones.class));
        int seen = 0;
        for (Layer layer : m.layers()) {
            for (Map.Entry<String, Object> entry : layer.getConfig().entrySet()) {
                if (!entry.getKey().endsWith("_initializer")) continue;
                Map<?, ?> nested = assertInstanceOf(Map.class, entry.getValue(), "saved again in the nested form");
                assertEquals(expected.get(entry.getKey()).getSimpleName(), nested.get("class_name"), layer.name() + " " + entry.getKey());
                seen++;
            }
        }
        assertTrue(seen >= 12, "the fixture covers the layers with initializers: " + seen);
        assertFalse(ModelConfig.toJson(m).contains("\"kernel_initializer\": \"GlorotUniform\""));
    }

    @Test
    void unknownInitializerNamesInAConfigFailWithKerasError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.fromConfig("Dense", Map.of("units", 3, "kernel_initializer", "he_normall")));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: he_normall."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.fromConfig("LSTM", Map.of("units", 3, "recurrent_initializer", Map.of("class_name", "Nope", "config", Map.of()))));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: {"), e.getMessage());
    }

    @Test
    void readsKerasWrittenLayerConfigs() {
        // a Dense config as Keras 3 writes it (module and registered_name beside class_name and config)
        Map<String, Object> kernel = new LinkedHashMap<>();
        kernel.put("module", "keras.initializers");
        kernel.put("class_name", "VarianceScaling");
        kernel.put("config", Map.of("scale", 2.0, "mode", "fan_in", "distribution", "truncated_normal", "seed", 7.0));
        kernel.put("registered_name", null);
        Dense d = (Dense) LayerRegistry.fromConfig("Dense", Map.of("units", 4, "kernel_initializer", kernel));
        d.apply(io.cornu.engine.layers.Input.of(6));
        assertArrayEquals(new HeNormal(7L).create(6, 4).toFloatArray(), d.kernel().toFloatArray(), "VarianceScaling(2, fan_in) is He normal");
    }
}
