package io.cornu.engine.utils;

import java.util.SplittableRandom;

/**
 * The process-wide random source behind weight initialisation, shuffling and dropout.
 * {@link #set(long)} makes all of them reproducible, as Keras' {@code keras.utils.set_random_seed}.
 */
public final class RandomSeed {
    private static SplittableRandom root = new SplittableRandom();

    private RandomSeed() {
    }

    /** Seeds every later initialisation, shuffle and dropout mask. */
    public static synchronized void set(long seed) {
        root = new SplittableRandom(seed);
    }

    /** A new independent generator drawn from the global one. */
    public static synchronized SplittableRandom next() {
        return root.split();
    }
}
