package io.cornu.engine.callbacks;

import java.util.function.IntFunction;

/**
 * Where {@code fit}, {@code evaluate} and {@code predict} show their progress. By default Keras'
 * terminal {@link ProgbarLogger}; a notebook integration installs a factory that renders a
 * live-updating output instead. The engine itself knows nothing of notebooks.
 *
 * <p>The progress callback learns which loop it shows from its hooks, as Keras' does:
 * {@code onTrainBegin} for {@code fit} (whose validation passes then call the test hooks, to be
 * ignored until {@code onTrainEnd}), {@code onTestBegin} for {@code evaluate}, {@code onPredictBegin}
 * for {@code predict}.
 */
public final class ProgressDisplay {
    /** Keras' terminal output: a live bar for verbose 1 (on a console), one line per epoch (or pass) for verbose 2. */
    private static final IntFunction<Callback> TERMINAL = verbose -> verbose == 2 ? new ProgbarLogger(System.out, false) : new ProgbarLogger();
    private static volatile IntFunction<Callback> factory = TERMINAL;

    private ProgressDisplay() {
    }

    /** Replaces the progress factory; it receives the run's verbose level (1 or 2). */
    public static void setFactory(IntFunction<Callback> newFactory) {
        factory = newFactory == null ? TERMINAL : newFactory;
    }

    /** Restores the terminal progress bar. */
    public static void reset() {
        factory = TERMINAL;
    }

    /** The progress callback for a run with this verbose level; null when {@code verbose == 0}. */
    public static Callback create(int verbose) {
        return verbose == 0 ? null : factory.apply(verbose);
    }
}
