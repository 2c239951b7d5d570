package io.cornu.engine.training;

import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Metric;
import io.cornu.engine.metrics.Metrics;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a compiled model, per output. Logged as the metric's name for a single output and
 * as {@code <output>_<metric>} for several, as Keras does.
 */
public final class CompiledMetrics {
    private final List<List<Metric>> perOutput = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    private final boolean weighted;

    /**
     * @param weighted whether sample weights apply: Keras weighs only {@code weighted_metrics}, not
     *                 {@code metrics}
     */
    CompiledMetrics(List<String> outputNames, Object spec, List<Loss> losses, boolean weighted) {
        this.weighted = weighted;
        boolean multi = outputNames.size() > 1;
        for (int i = 0; i < outputNames.size(); i++) {
            perOutput.add(new ArrayList<>());
            prefixes.add(multi ? outputNames.get(i) + "_" : "");
        }
        if (spec instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                int i = outputNames.indexOf(String.valueOf(key));
                if (i < 0) throw new IllegalArgumentException("compile: unknown entry in metrics dictionary: '" + key + "'. Only expected the following keys: " + outputNames);
                for (Object m : asList(map.get(key))) perOutput.get(i).add(toMetric(m, losses.get(i)));
            }
        } else if (spec instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(o -> o instanceof List<?> || o == null)) {
            if (list.size() != outputNames.size()) {
                throw new IllegalArgumentException("compile: a list of metric lists needs one list per output (" + outputNames.size() + "). Received: " + list);
            }
            for (int i = 0; i < list.size(); i++) for (Object m : asList(list.get(i))) perOutput.get(i).add(toMetric(m, losses.get(i)));
        } else if (spec instanceof List<?> list) {
            // a flat list applies to every output (with a fresh metric object each)
            for (int i = 0; i < outputNames.size(); i++) {
                for (Object m : list) {
                    if (m instanceof Metric metric && outputNames.size() > 1) {
                        throw new IllegalArgumentException("compile: a Metric instance (" + metric.name() + ") cannot be shared by "
                                + outputNames.size() + " outputs; pass metrics per output (a map or a list of lists)");
                    }
                    perOutput.get(i).add(toMetric(m, losses.get(i)));
                }
            }
        } else if (spec != null) {
            throw new IllegalArgumentException("compile: metrics must be a list or a map. Received: metrics=" + spec);
        }
    }

    private static List<?> asList(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? l : List.of(o);
    }

    private static Metric toMetric(Object o, Loss loss) {
        if (o instanceof Metric m) return m;
        if (o instanceof String s) return Metrics.get(s, loss);
        throw new IllegalArgumentException("compile: could not interpret metric: " + o + " (expected a name or a Metric)");
    }

    /** Updates every metric with a batch; the sample weights count only for weighted metrics. */
    public void update(List<Tensor> yTrue, List<Tensor> yPred, Tensor sampleWeight) {
        Tensor w = weighted ? sampleWeight : null;
        for (int i = 0; i < perOutput.size(); i++) {
            for (Metric m : perOutput.get(i)) m.updateState(yTrue.get(i), yPred.get(i), w);
        }
    }

    /** The metrics' current values by logged name. */
    public Map<String, Double> results() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < perOutput.size(); i++) {
            for (Metric m : perOutput.get(i)) out.put(prefixes.get(i) + m.name(), m.result());
        }
        return out;
    }

    /** Every metric object, output by output. */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>();
        perOutput.forEach(all::addAll);
        return all;
    }

    public void reset() {
        for (List<Metric> ms : perOutput) for (Metric m : ms) m.resetState();
    }
}
