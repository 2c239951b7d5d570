package io.cornu.engine.training;

import io.cornu.engine.losses.Loss;
import io.cornu.engine.metrics.Mean;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss of a compiled model: one {@link Loss} per output (or none), weighted and summed, plus
 * the model's regularization losses: {@code total = sum_i w_i * loss_i + sum(regularization)}.
 * Tracks the running total as {@code loss} and each output's loss as {@code <output>_loss} when the
 * model has several outputs, as Keras' compiled loss does.
 *
 * <p>Each loss is applied with its own {@link Loss#reduction()}, as in Keras. A loss that does not reduce
 * to a scalar ({@code reduction="none"}) is handled as Keras does with the TensorFlow backend: the
 * gradient is that of the sum of its values (a tape seeded with ones), while the logged loss is their
 * mean.
 */
public final class CompiledLoss {
    private final List<String> outputNames;
    private final List<Loss> losses;
    private final double[] weights;
    private final List<Mean> perOutput = new ArrayList<>();
    private final Mean total = new Mean("loss");

    CompiledLoss(List<String> outputNames, Object lossSpec, Object weightSpec) {
        this.outputNames = List.copyOf(outputNames);
        this.losses = resolveLosses(outputNames, lossSpec);
        this.weights = resolveWeights(outputNames, weightSpec);
        for (String name : outputNames) perOutput.add(new Mean(name + "_loss"));
    }

    /** The loss of each output, null where an output has none. */
    public List<Loss> losses() {
        return java.util.Collections.unmodifiableList(losses);
    }

    /** The weight of each output's loss. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The total loss of a batch, a scalar to differentiate; updates the per-output trackers (an unreduced
     * loss counts as the sum of its values here and as their mean in the trackers).
     *
     * @param regularization the model's other losses ({@code model.losses()}), each summed and added unweighted
     */
    public Tensor compute(List<Tensor> yTrue, List<Tensor> yPred, Tensor sampleWeight, List<Tensor> regularization) {
        if (yTrue.size() != losses.size()) {
            throw new IllegalArgumentException("The model has " + losses.size() + " output(s) " + outputNames + " but " + yTrue.size()
                    + " target array(s) were given");
        }
        Tensor total = null;
        double loggedTotal = 0;   // differs from total only when a loss keeps its values unreduced
        boolean unreduced = false;
        int batch = yPred.get(0).rank() > 0 ? yPred.get(0).dim(0) : 1;
        for (int i = 0; i < losses.size(); i++) {
            Loss l = losses.get(i);
            if (l == null) continue;
            Tensor value = l.apply(yTrue.get(i), yPred.get(i), sampleWeight);
            double logged = value.rank() == 0 ? value.item() : meanOf(value);
            if (value.rank() > 0) {
                value = Ops.sum(value);   // unreduced values: the gradient of their sum
                unreduced = true;
            }
            perOutput.get(i).update(logged, batch);
            Tensor weighted = weights[i] == 1.0 ? value : Ops.mul(value, (float) weights[i]);
            total = total == null ? weighted : Ops.add(total, weighted);
            loggedTotal += weights[i] * logged;
        }
        if (total == null) throw new IllegalStateException("No loss to compute: every output's loss is null");
        for (Tensor r : regularization) {
            Tensor summed = r.rank() == 0 ? r : Ops.sum(r);
            total = Ops.add(total, summed);
            if (unreduced) loggedTotal += summed.item();
        }
        this.total.update(unreduced ? loggedTotal : total.item(), batch);
        return total;
    }

    private static double meanOf(Tensor values) {
        if (values.size() == 0) return 0;
        double sum = 0;
        for (float v : values.toFloatArray()) sum += v;
        return sum / values.size();
    }

    /** The running mean of the total loss, logged as {@code loss}. */
    public Mean lossTracker() {
        return total;
    }

    /** The total and per-output losses so far: {@code loss}, then {@code <output>_loss} when there are several outputs. */
    public Map<String, Double> results() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", total.result());
        if (losses.size() > 1) {
            for (int i = 0; i < losses.size(); i++) if (losses.get(i) != null) logs.put(perOutput.get(i).name(), perOutput.get(i).result());
        }
        return logs;
    }

    public void reset() {
        total.resetState();
        for (Mean m : perOutput) m.resetState();
    }

    private static List<Loss> resolveLosses(List<String> names, Object spec) {
        List<Loss> out = new ArrayList<>();
        if (spec == null) throw new IllegalArgumentException("compile: a loss is required. Received: loss=null");
        if (spec instanceof List<?> list) {
            if (list.size() != names.size()) {
                throw new IllegalArgumentException("compile: when passing a list as loss, it should have one entry per model output. The model has "
                        + names.size() + " outputs " + names + ", but you passed loss=" + list);
            }
            for (Object o : list) out.add(toLoss(o));
        } else if (spec instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!names.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("compile: unknown entry in loss dictionary: '" + key + "'. Only expected the following keys: " + names);
                }
            }
            for (String n : names) out.add(toLoss(map.get(n)));
        } else {
            Loss l = toLoss(spec);
            for (int i = 0; i < names.size(); i++) out.add(l);
        }
        return out;
    }

    private static Loss toLoss(Object o) {
        if (o == null) return null;
        if (o instanceof Loss l) return l;
        if (o instanceof String s) return Loss.get(s);
        throw new IllegalArgumentException("compile: could not interpret loss: " + o + " (expected a name or a Loss)");
    }

    private static double[] resolveWeights(List<String> names, Object spec) {
        double[] w = new double[names.size()];
        java.util.Arrays.fill(w, 1.0);
        if (spec == null) return w;
        if (spec instanceof List<?> list) {
            if (list.size() != names.size()) {
                throw new IllegalArgumentException("compile: when passing a list as loss_weights, it should have one entry per model output. The model has "
                        + names.size() + " outputs, but you passed loss_weights=" + list);
            }
            for (int i = 0; i < w.length; i++) w[i] = ((Number) list.get(i)).doubleValue();
        } else if (spec instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!names.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("compile: unknown entry in loss_weights dictionary: '" + key + "'. Only expected the following keys: " + names);
                }
            }
            for (int i = 0; i < w.length; i++) {
                Object v = map.get(names.get(i));
                if (v != null) w[i] = ((Number) v).doubleValue();
            }
        } else {
            throw new IllegalArgumentException("compile: loss_weights must be a list or a map. Received: loss_weights=" + spec);
        }
        return w;
    }
}
