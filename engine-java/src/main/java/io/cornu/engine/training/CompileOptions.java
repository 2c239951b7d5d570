package io.cornu.engine.training;

import io.cornu.engine.losses.Loss;
import io.cornu.engine.optimizers.Optimizer;

import java.util.List;
import java.util.Map;

/**
 * Keras' {@code compile} arguments in their general forms:
 * <ul>
 *   <li>optimizer: a name ({@code "rmsprop"}) or an {@link Optimizer};</li>
 *   <li>loss: a name, a {@link Loss}, a list (one per output, null for none) or a map by output name;</li>
 *   <li>lossWeights: a list (per output) or a map by output name;</li>
 *   <li>metrics: a list of names or {@link io.cornu.engine.metrics.Metric}s (for every output), a list
 *       of lists (per output), or a map by output name.</li>
 * </ul>
 * <pre>{@code
 * model.compile(new CompileOptions().optimizer("adam")
 *     .loss(Map.of("priority", "mse", "department", "categorical_crossentropy"))
 *     .lossWeights(Map.of("priority", 1.0, "department", 0.2)));
 * }</pre>
 */
public final class CompileOptions {
    Object optimizer = "rmsprop";
    Object loss;
    Object lossWeights;
    Object metrics = List.of();
    Object weightedMetrics = List.of();

    public CompileOptions optimizer(String name) {
        this.optimizer = name;
        return this;
    }

    public CompileOptions optimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        return this;
    }

    public CompileOptions loss(String name) {
        this.loss = name;
        return this;
    }

    public CompileOptions loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /** One loss per output (names or Loss objects; null for an output without loss). */
    public CompileOptions loss(List<?> perOutput) {
        this.loss = perOutput;
        return this;
    }

    /** Losses by output name. */
    public CompileOptions loss(Map<String, ?> byOutput) {
        this.loss = byOutput;
        return this;
    }

    public CompileOptions lossWeights(List<? extends Number> perOutput) {
        this.lossWeights = perOutput;
        return this;
    }

    public CompileOptions lossWeights(Map<String, ? extends Number> byOutput) {
        this.lossWeights = byOutput;
        return this;
    }

    /** Metrics for every output, or (a list of lists) per output. */
    public CompileOptions metrics(List<?> metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Metrics by output name. */
    public CompileOptions metrics(Map<String, ?> byOutput) {
        this.metrics = byOutput;
        return this;
    }

    /**
     * Metrics weighted by {@code sampleWeight}/{@code classWeight} (Keras' {@code weighted_metrics}); plain
     * metrics ignore the weights. Logged as {@code weighted_<name>} when a plain metric has that name.
     */
    public CompileOptions weightedMetrics(List<?> metrics) {
        this.weightedMetrics = metrics;
        return this;
    }

    public CompileOptions weightedMetrics(Map<String, ?> byOutput) {
        this.weightedMetrics = byOutput;
        return this;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The optimizer as given: a name or an {@link Optimizer}. */
    public Object getOptimizer() {
        return optimizer;
    }

    /** The loss(es) as given: a name, a {@link Loss}, a list or a map, or null. */
    public Object getLoss() {
        return loss;
    }

    /** The loss weights as given: a list, a map, or null. */
    public Object getLossWeights() {
        return lossWeights;
    }

    /** The metrics as given: a list (or list of lists) or a map. */
    public Object getMetrics() {
        return metrics;
    }

    /** The weighted metrics as given: a list (or list of lists) or a map. */
    public Object getWeightedMetrics() {
        return weightedMetrics;
    }

    /** A copy holding the same arguments (so that later changes to this object do not reach a compiled model). */
    CompileOptions copy() {
        CompileOptions c = new CompileOptions();
        c.optimizer = optimizer;
        c.loss = loss;
        c.lossWeights = lossWeights;
        c.metrics = metrics;
        c.weightedMetrics = weightedMetrics;
        return c;
    }
}
