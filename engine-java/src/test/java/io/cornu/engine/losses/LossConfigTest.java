package io.cornu.engine.losses;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in loss's Keras config ({@code name}, {@code reduction}, options) and its round trip through JSON. */
class LossConfigTest {
    private static final Gson GSON = new Gson();

    /** One instance of every built-in loss, each with options, a reduction and (mostly) a name other than the defaults. */
    private static List<Loss> everyLoss() {
        return List.of(
                new MeanSquaredError(Reduction.SUM, "my_mse"),
                new MeanAbsoluteError(Reduction.NONE, "my_mae"),
                new MeanAbsolutePercentageError(Reduction.MEAN),
                new MeanSquaredLogarithmicError(Reduction.MEAN_WITH_SAMPLE_WEIGHT),
                new Huber(0.5f, Reduction.SUM, "h"),
                new LogCosh(Reduction.SUM, null),
                new BinaryCrossentropy(true, 0.1f, Reduction.SUM, "bce"),
                new BinaryFocalCrossentropy(true, 0.3f, 1.5f, true, 0.05f, Reduction.MEAN, "focal"),
                new CategoricalCrossentropy(true, 0.2f, Reduction.SUM, null),
                new SparseCategoricalCrossentropy(true, Reduction.NONE, "scce"),
                new KLDivergence(Reduction.SUM, null),
                new Poisson(Reduction.SUM, null),
                new CosineSimilarity(0, Reduction.SUM, "cos"),
                new Hinge(Reduction.SUM),
                new SquaredHinge(Reduction.NONE),
                new CategoricalHinge(Reduction.MEAN_WITH_SAMPLE_WEIGHT));
    }

    /** The config as it comes back from JSON: numbers as doubles. */
    private static Map<String, Object> throughJson(Map<String, Object> config) {
        return GSON.fromJson(GSON.toJson(config), new TypeToken<Map<String, Object>>() { }.getType());
    }

    @Test
    void everyBuiltInLossRoundTripsItsConfig() {
        Tensor t = Tensor.of(new float[][] {{0, 1, 0}, {1, 0, 0}});
        Tensor p = Tensor.of(new float[][] {{0.2f, 0.7f, 0.1f}, {0.5f, 0.3f, 0.2f}});
        Tensor sparse = Tensor.ofInts(1, 0);
        for (Loss loss : everyLoss()) {
            String cls = loss.className();
            assertEquals(loss.getClass().getSimpleName(), cls);
            Loss back = Loss.fromConfig(cls, throughJson(loss.getConfig()));
            assertEquals(loss.getClass(), back.getClass());
            assertEquals(loss.getConfig(), back.getConfig(), cls);
            assertEquals(loss.name(), back.name());
            assertEquals(loss.reduction(), back.reduction());
            Tensor y = loss instanceof SparseCategoricalCrossentropy ? sparse : t;
            assertArrayEquals(loss.apply(y, p).toFloatArray(), back.apply(y, p).toFloatArray(), cls + " computes the same");
        }
    }

    @Test
    void configsHaveKerasKeysAndDefaultNames() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "huber_loss");
        expected.put("reduction", "sum_over_batch_size");
        expected.put("delta", 1f);
        assertEquals(expected, new Huber().getConfig());
        Map<String, Object> bce = new BinaryCrossentropy(true, 0.1f, Reduction.NONE, null).getConfig();
        assertEquals(List.of("name", "reduction", "from_logits", "label_smoothing"), List.copyOf(bce.keySet()));
        assertEquals("binary_crossentropy", bce.get("name"));
        assertEquals("none", bce.get("reduction"));
        // the constructors of before keep Keras' defaults
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, new CategoricalCrossentropy(true).reduction());
        assertEquals("categorical_crossentropy", new CategoricalCrossentropy(true).name());
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, Loss.get("mse").reduction());
        // a config without reduction is the default; reduction None (JSON null) is none
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, Loss.fromConfig("MeanSquaredError", Map.of()).reduction());
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("reduction", null);
        assertEquals(Reduction.NONE, Loss.fromConfig("MeanSquaredError", none).reduction());
    }

    @Test
    void onlyBuiltInClassesAndKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.fromConfig("java.io.File", Map.of()));
        assertTrue(e.getMessage().startsWith("Unknown loss class: java.io.File. Known: BinaryCrossentropy, "), e.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> Loss.fromConfig("Huber", Map.of("detla", 2.0)));
        assertEquals("Huber: unrecognized config key 'detla'. Expected some of [delta, name, reduction]", key.getMessage());
        IllegalArgumentException reduction = assertThrows(IllegalArgumentException.class,
                () -> Loss.fromConfig("MeanSquaredError", Map.of("reduction", "auto")));
        assertTrue(reduction.getMessage().startsWith("Invalid value for argument `reduction`."), reduction.getMessage());
    }
}
