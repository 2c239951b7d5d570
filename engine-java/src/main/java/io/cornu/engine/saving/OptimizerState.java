package io.cornu.engine.saving;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer's state in a model file, as Keras keeps {@code optimizer.variables} beside the weights:
 * {@code optimizer.json} describes it ({@code {"class_name", "name", "iterations", "variables": [...]}},
 * each slot naming the model weight it belongs to by index and name, and its slot) and
 * {@code optimizer.bin} holds the values in that order, in the format of the weights. Restoring checks
 * everything against the optimizer and the model before it changes anything.
 */
final class OptimizerState {
    private OptimizerState() {
    }

    /** What {@link #describe} writes: the description and the variables whose values go with it, in order. */
    record Saved(Map<String, Object> description, List<Variable> variables) {
    }

    /** The state of {@code optimizer} for a model whose weights are {@code weights}; slots of other variables are left out. */
    static Saved describe(Optimizer optimizer, List<Variable> weights) {
        Map<Variable, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < weights.size(); i++) index.put(weights.get(i), i);
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Variable> values = new ArrayList<>();
        for (Variable own : ownVariables(optimizer)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", own.name());
            entries.add(e);
            values.add(own);
        }
        for (Variable w : optimizer.trackedVariables()) {
            Integer i = index.get(w);
            if (i == null) continue;   // not a weight of this model: it cannot be restored into it
            for (String slot : optimizer.slots()) {
                Map<String, Object> e = new LinkedHashMap<>();
                Variable s = optimizer.slot(w, slot);
                e.put("name", s.name());
                e.put("weight", i);
                e.put("weight_name", w.name());
                e.put("slot", slot);
                entries.add(e);
                values.add(s);
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("class_name", optimizer.getClass().getSimpleName());
        d.put("name", optimizer.name());
        d.put("iterations", optimizer.iterations());
        d.put("variables", entries);
        return new Saved(d, values);
    }

    /**
     * Restores a described state into {@code optimizer} for a model with {@code weights}: builds the slots of
     * the saved weights, assigns every saved value and the iteration count. Everything is checked first; on
     * any mismatch nothing changes.
     *
     * @param values the saved (name, shape, values) in the description's order
     */
    static void restore(Optimizer optimizer, List<Variable> weights, Map<String, Object> description,
                        List<ModelFile.Saved> values, String where) throws IOException {
        String cls = string(description, "class_name", where);
        String name = string(description, "name", where);
        if (!cls.equals(optimizer.getClass().getSimpleName()) || !name.equals(optimizer.name())) {
            throw new IOException(where + ": the saved optimizer state is of " + cls + " \"" + name + "\", the optimizer is "
                    + optimizer.getClass().getSimpleName() + " \"" + optimizer.name() + "\"");
        }
        long iterations = number(description.get("iterations"), "iterations", where).longValue();
        if (iterations < 0) throw new IOException(where + ": corrupt optimizer state: iterations=" + iterations);
        if (!(description.get("variables") instanceof List<?> entries)) throw new IOException(where + ": corrupt optimizer state: no variables list");
        if (entries.size() != values.size()) {
            throw new IOException(where + ": corrupt optimizer state: " + entries.size() + " variables described but " + values.size() + " saved");
        }

        List<Variable> own = ownVariables(optimizer);
        List<String> slots = optimizer.slots();
        List<Variable> targets = new ArrayList<>();   // each entry's own variable, or the model weight whose slot it is
        List<String> slotNames = new ArrayList<>();
        Map<Variable, Set<String>> seen = new IdentityHashMap<>();
        List<Variable> order = new ArrayList<>();
        int ownCount = 0;
        for (int k = 0; k < entries.size(); k++) {
            if (!(entries.get(k) instanceof Map<?, ?> e)) throw new IOException(where + ": corrupt optimizer state: variable " + k + " is " + entries.get(k));
            ModelFile.Saved v = values.get(k);
            Object slotName = e.get("slot");
            if (slotName == null) {   // an optimizer-level variable, e.g. Nadam's u_product
                Variable target = ownCount < own.size() ? own.get(ownCount) : null;
                ownCount++;
                if (target == null || !target.name().equals(v.name()) || !Arrays.equals(target.dims(), v.shape())) {
                    throw new IOException(where + ": the saved optimizer variable " + v.name() + " " + Shape.of(v.shape())
                            + " does not match the optimizer's " + (target == null ? "variables " + names(own) : target.name() + " " + target.shape()));
                }
                targets.add(target);
                slotNames.add(null);
                continue;
            }
            int i = number(e.get("weight"), "weight", where).intValue();
            if (i < 0 || i >= weights.size()) {
                throw new IOException(where + ": the saved optimizer slot " + v.name() + " belongs to weight " + i + " but the model has "
                        + weights.size() + " weights");
            }
            Variable w = weights.get(i);
            if (!w.name().equals(e.get("weight_name"))) {
                throw new IOException(where + ": the saved optimizer slot " + v.name() + " belongs to weight " + i + " \"" + e.get("weight_name")
                        + "\" but the model's weight " + i + " is \"" + w.name() + "\"");
            }
            if (!slots.contains(String.valueOf(slotName))) {
                throw new IOException(where + ": the saved optimizer slot " + v.name() + " is a \"" + slotName + "\" slot; " + optimizer.name()
                        + " has slots " + slots);
            }
            if (!Arrays.equals(w.dims(), v.shape())) {
                throw new IOException(where + ": the saved optimizer slot " + v.name() + " has shape " + Shape.of(v.shape()) + " but the weight "
                        + w.name() + " has shape " + w.shape());
            }
            if (!seen.computeIfAbsent(w, x -> new LinkedHashSet<>()).add(String.valueOf(slotName))) {
                throw new IOException(where + ": corrupt optimizer state: slot \"" + slotName + "\" of " + w.name() + " is saved twice");
            }
            if (seen.get(w).size() == 1) order.add(w);
            targets.add(w);
            slotNames.add(String.valueOf(slotName));
        }
        if (ownCount != own.size()) {
            throw new IOException(where + ": the saved optimizer state has " + ownCount + " optimizer variables, " + optimizer.name() + " has "
                    + own.size() + " " + names(own));
        }
        for (Variable w : order) {
            if (seen.get(w).size() != slots.size()) {
                throw new IOException(where + ": the saved optimizer state has slots " + seen.get(w) + " for " + w.name() + ", " + optimizer.name()
                        + " needs " + slots);
            }
        }

        // everything matches: build the slots and assign
        optimizer.build(order);
        for (int k = 0; k < targets.size(); k++) {
            ModelFile.Saved v = values.get(k);
            Tensor value = Tensor.wrap(v.values(), v.shape());
            if (slotNames.get(k) == null) targets.get(k).assign(value);
            else optimizer.slot(targets.get(k), slotNames.get(k)).assign(value);
        }
        optimizer.setIterations(iterations);
    }

    /** The optimizer's own variables (not slots of a model variable), in {@link Optimizer#variables()} order. */
    private static List<Variable> ownVariables(Optimizer optimizer) {
        Set<Variable> slots = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable w : optimizer.trackedVariables()) for (String s : optimizer.slots()) slots.add(optimizer.slot(w, s));
        List<Variable> own = new ArrayList<>();
        for (Variable v : optimizer.variables()) if (!slots.contains(v)) own.add(v);
        return own;
    }

    private static List<String> names(List<Variable> vars) {
        return vars.stream().map(Variable::name).toList();
    }

    private static String string(Map<String, Object> d, String key, String where) throws IOException {
        Object v = d.get(key);
        if (!(v instanceof String s)) throw new IOException(where + ": corrupt optimizer state: " + key + "=" + v);
        return s;
    }

    private static Number number(Object v, String key, String where) throws IOException {
        if (!(v instanceof Number n)) throw new IOException(where + ": corrupt optimizer state: " + key + "=" + v);
        return n;
    }
}
