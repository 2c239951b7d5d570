package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.RandomSeed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An initializer drawing random values, as Keras' {@code RandomInitializer}. With a {@code seed}, every
 * call draws from {@code new SplittableRandom(seed)}: the same seed gives the same values, call after
 * call and layer after layer (Keras: "an initializer seeded with an integer will produce the same random
 * values across multiple calls"). Without one, values come from the generator the layer draws from
 * {@link RandomSeed}, so {@code RandomSeed.set(seed)} makes a whole model reproducible.
 */
public abstract class RandomInitializer implements Initializer {
    private final Long seed;

    protected RandomInitializer(Long seed) {
        this.seed = seed;
    }

    /** The seed, or null. */
    public Long seed() {
        return seed;
    }

    @Override
    public final Tensor create(int[] shape, SplittableRandom random) {
        SplittableRandom r = seed != null ? new SplittableRandom(seed) : random != null ? random : RandomSeed.next();
        return sample(shape, r);
    }

    /** The values of a tensor of {@code shape}, drawn from {@code random}. */
    protected abstract Tensor sample(int[] shape, SplittableRandom random);

    /** {@code {"seed": seed}}; subclasses add their arguments. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", seed);
        return c;
    }

    @Override
    public String toString() {
        return name() + getConfig();
    }

    /** A standard normal draw redrawn until within two standard deviations, as Keras' {@code truncated_normal}. */
    static double truncatedGaussian(SplittableRandom random) {
        double z;
        do {
            z = Tensor.gaussian(random);
        } while (Math.abs(z) > 2);
        return z;
    }
}
