package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the initial value of a weight of a given shape, as Keras' {@code keras.initializers.Initializer}.
 * Layers take one as an object ({@code new HeNormal(1L)}) or by Keras name ({@code "he_normal"}, through
 * {@link Initializers#get}), and save it in their configs as Keras' nested form
 * {@code {"class_name": ..., "config": {...}}} ({@link Initializers#serialize}).
 *
 * <p>A custom initializer implements {@link #create}, and, to be saved and loaded, {@link #name()},
 * {@link #getConfig()} and a factory registered with {@link Initializers#register}:
 *
 * <pre>{@code
 * record Scaled(double scale) implements Initializer {
 *     public Tensor create(int[] shape, SplittableRandom random) { return Ops.mul(Tensor.ones(shape), (float) scale); }
 *     public String name() { return "Scaled"; }
 *     public Map<String, Object> getConfig() { return new LinkedHashMap<>(Map.of("scale", scale)); }
 * }
 * Initializers.register("Scaled", c -> new Scaled(((Number) c.get("scale")).doubleValue()));
 * }</pre>
 */
@FunctionalInterface
public interface Initializer {
    /**
     * A new tensor of {@code shape}.
     *
     * @param random the generator of this weight, drawn from {@link RandomSeed} by the layer; an
     *               initializer with its own seed draws from that seed instead
     */
    Tensor create(int[] shape, SplittableRandom random);

    /** Keras' {@code initializer(shape)}: a new tensor of {@code shape}, from the initializer's seed or else from {@link RandomSeed}. */
    default Tensor create(int... shape) {
        return create(shape, RandomSeed.next());
    }

    /** Keras' class name of this initializer: the {@code class_name} of its config. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Keras' {@code get_config()}: the constructor arguments, by Keras' names. */
    default Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    /** The initializer Keras calls {@code name} ({@code "he_normal"}, {@code "HeNormal"}), with Keras' defaults; see {@link Initializers#get}. */
    static Initializer get(String name) {
        return Initializers.get(name);
    }
}
