package io.cornu.engine.initializers;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializersTest {

    /** Keras 3's names: each class name, its snake case, and the aliases of {@code keras.initializers.ALL_OBJECTS_DICT}. */
    @Test
    void everyKerasNameAndAlias() {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        names.put("Constant", Constant.class);
        names.put("constant", Constant.class);
        names.put("Identity", Identity.class);
        names.put("identity", Identity.class);
        names.put("IdentityInitializer", Identity.class);
        names.put("Ones", Ones.class);
        names.put("ones", Ones.class);
        names.put("one", Ones.class);
        names.put("Zeros", Zeros.class);
        names.put("zeros", Zeros.class);
        names.put("zero", Zeros.class);
        names.put("GlorotNormal", GlorotNormal.class);
        names.put("glorot_normal", GlorotNormal.class);
        names.put("GlorotUniform", GlorotUniform.class);
        names.put("glorot_uniform", GlorotUniform.class);
        names.put("HeNormal", HeNormal.class);
        names.put("he_normal", HeNormal.class);
        names.put("HeUniform", HeUniform.class);
        names.put("he_uniform", HeUniform.class);
        names.put("LecunNormal", LecunNormal.class);
        names.put("lecun_normal", LecunNormal.class);
        names.put("LecunUniform", LecunUniform.class);
        names.put("lecun_uniform", LecunUniform.class);
        names.put("Orthogonal", Orthogonal.class);
        names.put("orthogonal", Orthogonal.class);
        names.put("OrthogonalInitializer", Orthogonal.class);
        names.put("RandomNormal", RandomNormal.class);
        names.put("random_normal", RandomNormal.class);
        names.put("normal", RandomNormal.class);
        names.put("RandomUniform", RandomUniform.class);
        names.put("random_uniform", RandomUniform.class);
        names.put("uniform", RandomUniform.class);
        names.put("TruncatedNormal", TruncatedNormal.class);
        names.put("truncated_normal", TruncatedNormal.class);
        names.put("VarianceScaling", VarianceScaling.class);
        names.put("variance_scaling", VarianceScaling.class);
        names.forEach((name, cls) -> assertEquals(cls, Initializers.get(name).getClass(), name));
        assertTrue(Initializers.knownNames().containsAll(names.keySet()));
    }

    @Test
    void namesGiveKerasDefaults() {
        assertEquals(Map.of("mean", 0.0, "stddev", 0.05), RandomNormalTest.withoutSeed(Initializers.get("normal").getConfig()));
        assertEquals(Map.of("mean", 0.0, "stddev", 0.05), RandomNormalTest.withoutSeed(Initializers.get("truncated_normal").getConfig()));
        assertEquals(Map.of("minval", -0.05, "maxval", 0.05), RandomNormalTest.withoutSeed(Initializers.get("uniform").getConfig()));
        assertEquals(Map.of("scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal"),
                RandomNormalTest.withoutSeed(Initializers.get("variance_scaling").getConfig()));
        assertEquals(Map.of("gain", 1.0), RandomNormalTest.withoutSeed(Initializers.get("orthogonal").getConfig()));
        assertEquals(Map.of("gain", 1.0), Initializers.get("identity").getConfig());
        assertEquals(Map.of("value", 0.0), Initializers.get("constant").getConfig());
        assertEquals(Map.of(), Initializers.get("zeros").getConfig());
        VarianceScaling he = (VarianceScaling) Initializers.get("he_normal");
        assertEquals(2.0, he.scale());
        assertEquals("fan_in", he.mode());
        assertEquals("truncated_normal", he.distribution());
    }

    @Test
    void serializesToKerasNestedForm() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mean", 0.0);
        config.put("stddev", 0.01);
        config.put("seed", null);
        assertEquals(Map.of("class_name", "RandomNormal", "config", config), Initializers.serialize(new RandomNormal(0.0, 0.01)));
        Map<String, Object> vs = new LinkedHashMap<>();
        vs.put("scale", 2.0);
        vs.put("mode", "fan_in");
        vs.put("distribution", "truncated_normal");
        vs.put("seed", 5L);
        assertEquals(Map.of("class_name", "VarianceScaling", "config", vs),
                Initializers.serialize(new VarianceScaling(2.0, "fan_in", "truncated_normal", 5L)));
        Map<String, Object> seedOnly = new LinkedHashMap<>();
        seedOnly.put("seed", null);
        assertEquals(Map.of("class_name", "HeNormal", "config", seedOnly), Initializers.serialize(new HeNormal()));
        assertEquals(Map.of("class_name", "Zeros", "config", Map.of()), Initializers.serialize(new Zeros()));
        assertEquals(Map.of("class_name", "Constant", "config", Map.of("value", 0.1)), Initializers.serialize(new Constant(0.1)));
    }

    static List<Initializer> everyKind() {
        return List.of(new Constant(0.1), new Identity(2.0), new Ones(), new Zeros(),
                new GlorotNormal(1L), new GlorotUniform(), new HeNormal(2L), new HeUniform(3L), new LecunNormal(), new LecunUniform(4L),
                new Orthogonal(1.5, 5L), new RandomNormal(0.5, 0.01, 6L), new RandomUniform(-1, 2, 7L), new TruncatedNormal(0, 0.2),
                new VarianceScaling(0.5, "fan_avg", "untruncated_normal", 8L),
                new LecunNormal(9L, new int[] {0}, new int[] {1, -1}));
    }

    @Test
    void configsRoundTripDirectlyAndThroughJson() {
        Gson gson = new GsonBuilder().serializeNulls().create(); // as ModelConfig writes configs
        for (Initializer init : everyKind()) {
            Map<String, Object> serialized = Initializers.serialize(init);
            Initializer copy = Initializers.get(serialized);
            assertEquals(init.getClass(), copy.getClass());
            assertEquals(serialized, Initializers.serialize(copy), "round trip of " + init);
            // through JSON, as a saved model's config travels: numbers come back as doubles
            Map<String, Object> parsed = gson.fromJson(gson.toJson(serialized), new TypeToken<Map<String, Object>>() { }.getType());
            Initializer fromJson = Initializers.get(parsed);
            assertEquals(serialized, Initializers.serialize(fromJson), "JSON round trip of " + init);
            int[] shape = init instanceof LecunNormal ? new int[] {4, 3, 5} : new int[] {6, 4};
            if (init instanceof RandomInitializer r && r.seed() != null) {
                assertArrayEquals(init.create(shape).toFloatArray(), fromJson.create(shape).toFloatArray(), "the same seed, the same values: " + init);
            }
        }
    }

    @Test
    void readsConfigsAsKeras3WritesThem() {
        // keras.initializers.serialize(keras.initializers.HeNormal(seed=3)) in Keras 3, and a VarianceScaling from a .keras file
        Map<String, Object> heNormal = Map.of("module", "keras.initializers", "class_name", "HeNormal",
                "config", new LinkedHashMap<>(java.util.Collections.singletonMap("seed", 3)), "registered_name", "HeNormal");
        Initializer he = Initializers.get(heNormal);
        assertInstanceOf(HeNormal.class, he);
        assertEquals(3L, ((HeNormal) he).seed());
        Map<String, Object> vsConfig = new LinkedHashMap<>();
        vsConfig.put("seed", null);
        vsConfig.put("scale", 2.0);
        vsConfig.put("mode", "fan_out");
        vsConfig.put("distribution", "uniform");
        vsConfig.put("input_axes", null);
        vsConfig.put("output_axes", null);
        Map<String, Object> vs = new LinkedHashMap<>();
        vs.put("module", "keras.initializers");
        vs.put("class_name", "VarianceScaling");
        vs.put("config", vsConfig);
        vs.put("registered_name", null);
        VarianceScaling v = (VarianceScaling) Initializers.get(vs);
        assertEquals(2.0, v.scale());
        assertEquals("fan_out", v.mode());
        assertEquals("uniform", v.distribution());
        assertNull(v.seed());
        assertInstanceOf(Ones.class, Initializers.get(Map.of("class_name", "Ones", "config", Map.of())), "keras.initializers.get docstring example");
        assertInstanceOf(Ones.class, Initializers.get(Map.of("class_name", "Ones")), "a config may be left out");
    }

    @Test
    void unknownIdentifiersGiveKerasError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("he_normall"));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: he_normall. Known: "), e.getMessage());
        assertTrue(e.getMessage().contains("he_normal"), "lists the known names: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.get(Map.of("class_name", "Gaussian", "config", Map.of())));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: {"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.get(Map.of("config", Map.of())));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: {config={}}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.get(42));
        assertTrue(e.getMessage().startsWith("Could not interpret initializer identifier: 42."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializers.get("HE_NORMAL"), "names are case-sensitive, as Keras");
    }

    @Test
    void badConfigsNameTheInitializerAndTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.get(Map.of("class_name", "RandomNormal", "config", Map.of("stdev", 0.1))));
        assertTrue(e.getMessage().startsWith("RandomNormal: unexpected config key 'stdev'. Expected keys: mean, stddev, seed."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.get(Map.of("class_name", "HeNormal", "config", Map.of("seed", 1.5))));
        assertTrue(e.getMessage().startsWith("HeNormal: `seed` argument should be an integer"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Received: seed=1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.get(Map.of("class_name", "Zeros", "config", Map.of("value", 1.0))));
        assertTrue(e.getMessage().startsWith("Zeros: unexpected config key 'value'. Expected no keys."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.get(Map.of("class_name", "VarianceScaling", "config", Map.of("mode", "fan_sideways"))));
        assertTrue(e.getMessage().startsWith("Invalid `mode` argument: fan_sideways."), e.getMessage());
    }

    @Test
    void objectsPassThroughAndNullMeansNone() {
        Initializer init = new HeUniform(1L);
        assertSame(init, Initializers.get(init));
        assertNull(Initializers.get((Object) null));
    }

    /** A custom initializer, as a user writes one. */
    record Scaled(double scale) implements Initializer {
        @Override
        public Tensor create(int[] shape, SplittableRandom random) {
            Tensor t = Tensor.ones(shape);
            float[] d = t.buffer();
            for (int i = 0; i < d.length; i++) d[i] *= (float) scale;
            return t;
        }

        @Override
        public String name() {
            return "Scaled";
        }

        @Override
        public Map<String, Object> getConfig() {
            return new LinkedHashMap<>(Map.of("scale", scale));
        }
    }

    @Test
    void customInitializersRegisterAFactory() {
        assertThrows(IllegalArgumentException.class, () -> Initializers.get("Scaled"), "unknown until registered");
        Initializers.register("Scaled", c -> new Scaled(((Number) c.getOrDefault("scale", 1.0)).doubleValue()));
        assertArrayEquals(new float[] {1f, 1f}, Initializers.get("Scaled").create(2).toFloatArray());
        Map<String, Object> serialized = Initializers.serialize(new Scaled(3.0));
        assertEquals(Map.of("class_name", "Scaled", "config", Map.of("scale", 3.0)), serialized);
        assertArrayEquals(new float[] {3f, 3f}, Initializers.get(serialized).create(2).toFloatArray());
    }
}
