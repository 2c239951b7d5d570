package io.cornu.engine.optimizers;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.optimizers.schedules.LearningRateSchedule;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base of optimizers, Keras' {@code BaseOptimizer}. {@link #applyGradients} does the bookkeeping:
 * it matches gradients to variables, creates each variable's slots on first sight, evaluates the
 * learning rate (a float or a {@link LearningRateSchedule} at {@link #iterations()}), clips the
 * gradients ({@code clipnorm}, {@code clipvalue} or {@code globalClipnorm}), applies decoupled weight
 * decay, then calls {@link #updateStep} once per variable, projects each updated variable that has a
 * {@link Variable#constraint() constraint}, and counts the iteration.
 *
 * <p>A subclass names its slots in {@link #slotNames()} and writes the update of one variable:
 * <pre>{@code
 * class SignSGD extends Optimizer {
 *     SignSGD(float lr) { super("SignSGD", lr); }
 *     protected void updateStep(Variable v, float[] g, float[][] slots, float lr) {
 *         float[] w = v.buffer();
 *         for (int i = 0; i < w.length; i++) w[i] -= lr * Math.signum(g[i]);
 *     }
 * }
 * }</pre>
 * Options shared by every optimizer go through a {@link Builder}: {@code Adam.builder().clipnorm(1f).build()}.
 */
public abstract class Optimizer {
    private final String name;
    private float learningRate;
    private LearningRateSchedule schedule;
    private final Float weightDecay;
    private final Float clipnorm;
    private final Float clipvalue;
    private final Float globalClipnorm;
    private long iterations;

    private final Map<Variable, State> states = new IdentityHashMap<>();
    private final List<Variable> ownVariables = new ArrayList<>();
    private final List<Variable> slotVariables = new ArrayList<>();
    /** The model variables that have slots, in the order they got them. */
    private final List<Variable> tracked = new ArrayList<>();
    private Set<Variable> excludedFromDecay = Set.of();
    private Pattern excludedFromDecayNames;

    /** A variable's slots, and a reusable buffer for its clipped (or re-based) gradient. */
    private static final class State {
        final Variable[] slots;
        final float[][] buffers;
        float[] clipped;

        State(Variable[] slots) {
            this.slots = slots;
            this.buffers = new float[slots.length][];
            for (int i = 0; i < slots.length; i++) buffers[i] = slots[i].buffer();
        }
    }

    /** A subclass with a fixed learning rate and no clipping or weight decay. */
    protected Optimizer(String name, float learningRate) {
        this(name, checkLearningRate(learningRate), null, null, null, null, null);
    }

    /** A subclass with a learning rate schedule and no clipping or weight decay. */
    protected Optimizer(String name, LearningRateSchedule learningRate) {
        this(name, 0f, requireSchedule(learningRate), null, null, null, null);
    }

    /** A subclass configured by a {@link Builder}; {@code defaultName} is used unless the builder names it. */
    protected Optimizer(String defaultName, Builder<?> options) {
        this(options.name != null ? options.name : defaultName,
                options.schedule != null ? 0f : checkLearningRate(options.learningRate), options.schedule,
                options.weightDecay, options.clipnorm, options.clipvalue, options.globalClipnorm);
    }

    private Optimizer(String name, float learningRate, LearningRateSchedule schedule, Float weightDecay,
                      Float clipnorm, Float clipvalue, Float globalClipnorm) {
        int clips = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0);
        if (clips > 1) {
            throw new IllegalArgumentException("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm="
                    + str(clipnorm) + ", clipvalue=" + str(clipvalue) + ", global_clipnorm=" + str(globalClipnorm));
        }
        checkPositive("clipnorm", clipnorm);
        checkPositive("clipvalue", clipvalue);
        checkPositive("global_clipnorm", globalClipnorm);
        if (weightDecay != null && !(weightDecay >= 0 && weightDecay < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Argument `weight_decay` must be a float >= 0. Received: weight_decay=" + weightDecay);
        }
        this.name = name;
        this.learningRate = learningRate;
        this.schedule = schedule;
        this.weightDecay = weightDecay;
        this.clipnorm = clipnorm;
        this.clipvalue = clipvalue;
        this.globalClipnorm = globalClipnorm;
    }

    private static String str(Float f) {
        return f == null ? "None" : f.toString();
    }

    private static void checkPositive(String argument, Float value) {
        if (value != null && !(value > 0 && value < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Argument `" + argument + "` must be a float > 0. Received: " + argument + "=" + value);
        }
    }

    private static float checkLearningRate(float lr) {
        if (!(lr >= 0 && lr < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Argument `learning_rate` should be a float >= 0, or an instance of LearningRateSchedule, "
                    + "or a callable (that takes in the current iteration value and returns the corresponding learning rate value). "
                    + "Received instead: learning_rate=" + lr);
        }
        return lr;
    }

    private static LearningRateSchedule requireSchedule(LearningRateSchedule s) {
        if (s == null) checkLearningRate(Float.NaN);
        return s;
    }

    /** Keras' check of a decay rate such as {@code rho} or {@code beta_1}: a float in [0, 1). */
    protected static float checkUnitInterval(String argument, float value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("Argument `" + argument + "` must be a float in [0, 1). Received: " + argument + "=" + value);
        }
        return value;
    }

    /** Keras' check of a non-negative float such as {@code epsilon}. */
    protected static float checkNonNegative(String argument, float value) {
        if (!(value >= 0 && value < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Argument `" + argument + "` must be a float >= 0. Received: " + argument + "=" + value);
        }
        return value;
    }

    // ---- configuration -------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    /** The learning rate of the next update: the float, or the schedule at {@link #iterations()}. */
    public float learningRate() {
        return schedule != null ? schedule.learningRate(iterations) : learningRate;
    }

    /** The schedule given as learning rate, or null for a float learning rate. */
    public LearningRateSchedule learningRateSchedule() {
        return schedule;
    }

    /**
     * Sets a float learning rate (as callbacks such as ReduceLROnPlateau do). An optimizer built with a
     * schedule refuses, as Keras does.
     */
    public void setLearningRate(float learningRate) {
        if (schedule != null) {
            throw new IllegalStateException("This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` "
                    + "constructor argument, hence its learning rate is not settable. If you need the learning rate to be settable, "
                    + "you should instantiate the optimizer with a float `learning_rate` argument.");
        }
        this.learningRate = checkLearningRate(learningRate);
    }

    /** Replaces the learning rate by a schedule, evaluated at {@link #iterations()} from now on. */
    public void setLearningRate(LearningRateSchedule schedule) {
        this.schedule = requireSchedule(schedule);
    }

    /** The weight decay, or null without. */
    public Float weightDecay() {
        return weightDecay;
    }

    public Float clipnorm() {
        return clipnorm;
    }

    public Float clipvalue() {
        return clipvalue;
    }

    public Float globalClipnorm() {
        return globalClipnorm;
    }

    /**
     * Exempts variables from weight decay: those in {@code vars}, and those whose name contains one of
     * {@code names} (e.g. {@code "bias"}). Must be called before the first update.
     */
    public void excludeFromWeightDecay(Collection<Variable> vars, Collection<String> names) {
        if (!states.isEmpty()) {
            throw new IllegalStateException("`excludeFromWeightDecay()` can only be configured before the optimizer is built.");
        }
        Set<Variable> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (vars != null) s.addAll(vars);
        excludedFromDecay = s;
        excludedFromDecayNames = names == null || names.isEmpty() ? null
                : Pattern.compile(String.join("|", names.stream().map(Pattern::quote).toList()));
    }

    /** Keras' {@code get_config}: the constructor arguments; subclasses add theirs. */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        if (schedule != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("class_name", schedule.getClass().getSimpleName());
            s.put("config", schedule.getConfig());
            c.put("learning_rate", s);
        } else {
            c.put("learning_rate", learningRate);
        }
        c.put("weight_decay", weightDecay);
        c.put("clipnorm", clipnorm);
        c.put("global_clipnorm", globalClipnorm);
        c.put("clipvalue", clipvalue);
        return c;
    }

    // ---- state ---------------------------------------------------------------------------------------

    /** Number of updates so far (Keras' {@code optimizer.iterations}); 0 during the first update. */
    public long iterations() {
        return iterations;
    }

    /**
     * Sets the number of updates done, as Keras' {@code optimizer.iterations.assign(n)}: the step of bias
     * corrections and schedules continues from there. Used when restoring a saved optimizer.
     */
    public void setIterations(long iterations) {
        if (iterations < 0) throw new IllegalArgumentException(name + ": iterations must be >= 0. Received: iterations=" + iterations);
        this.iterations = iterations;
    }

    /**
     * Creates the slots of every variable in {@code vars} that has none yet, in order, as Keras'
     * {@code optimizer.build(var_list)}; otherwise they are created at each variable's first update.
     */
    public void build(List<Variable> vars) {
        for (Variable v : vars) state(v);
    }

    /** The model variables this optimizer has slots for, in the order it made them (see {@link #build}). */
    public List<Variable> trackedVariables() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(tracked));
    }

    /**
     * The optimizer's variables, Keras' {@code optimizer.variables}: its own (e.g. Nadam's {@code u_product}),
     * then every slot in creation order, named {@code <optimizer>/<variable>_<slot>}, e.g.
     * {@code "Adam/dense_kernel_momentum"}. They are the live state: reading them shows the current values.
     */
    public List<Variable> variables() {
        List<Variable> all = new ArrayList<>(ownVariables);
        all.addAll(slotVariables);
        return all;
    }

    /** The names of the slots each variable gets, e.g. {@code ["momentum", "velocity"]} for Adam. */
    public List<String> slots() {
        return List.of(slotNames());
    }

    /**
     * The slot {@code slot} of {@code variable} (e.g. {@code slot(kernel, "momentum")}), or null before the
     * variable's first update.
     */
    public Variable slot(Variable variable, String slot) {
        String[] names = slotNames();
        int k = List.of(names).indexOf(slot);
        if (k < 0) {
            throw new IllegalArgumentException(name + " has no slot \"" + slot + "\". Its slots: " + List.of(names));
        }
        State s = states.get(variable);
        return s == null ? null : s.slots[k];
    }

    /** Adds an optimizer-level variable (not per model variable), listed first in {@link #variables()}. */
    protected Variable addVariable(String variableName, Tensor initialValue) {
        Variable v = new Variable(name + "/" + variableName, initialValue, false);
        ownVariables.add(v);
        return v;
    }

    private State state(Variable v) {
        State s = states.get(v);
        if (s == null) {
            String[] names = slotNames();
            Variable[] slots = new Variable[names.length];
            for (int k = 0; k < names.length; k++) {
                float init = slotInitialValue(names[k]);
                Tensor value = init == 0f ? Tensor.zeros(v.dims()) : Tensor.full(init, v.dims());
                slots[k] = new Variable(name + "/" + v.name().replace('/', '_') + "_" + names[k], value, false);
                slotVariables.add(slots[k]);
            }
            s = new State(slots);
            states.put(v, s);
            tracked.add(v);
        }
        return s;
    }

    // ---- the update ----------------------------------------------------------------------------------

    /**
     * Applies one update: {@code grads.get(i)} to {@code vars.get(i)}. Variables with a null gradient are
     * left alone; an empty list is a no-op; all null is an error, as in Keras.
     */
    public void applyGradients(List<Tensor> grads, List<Variable> vars) {
        if (grads.size() != vars.size()) {
            throw new IllegalArgumentException(name + ".applyGradients: " + grads.size() + " gradients for " + vars.size() + " variables");
        }
        if (vars.isEmpty()) return;
        int n = 0;
        Variable[] vs = new Variable[vars.size()];
        Tensor[] gs = new Tensor[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            Tensor g = grads.get(i);
            if (g == null) continue;
            Variable v = vars.get(i);
            if (!g.shape().equals(v.shape())) {
                throw new IllegalArgumentException(name + ": gradient of shape " + g.shape() + " for variable " + v.name() + " of shape " + v.shape());
            }
            vs[n] = v;
            gs[n++] = g.contiguous();
        }
        if (n == 0) throw new IllegalArgumentException("No gradients provided for any variable.");

        float[][] gBuf = new float[n][];
        int[] gOff = new int[n];
        State[] st = new State[n];
        for (int i = 0; i < n; i++) {
            st[i] = state(vs[i]);
            gBuf[i] = gs[i].buffer();
            gOff[i] = gs[i].offset();
        }
        clipGradients(n, vs, st, gBuf, gOff);
        // Updates index the gradient from 0 like the variable and its slots: with one index for every
        // array, the JIT can vectorise the update loops (an offset would leave aliasing it cannot rule out).
        for (int i = 0; i < n; i++) {
            if (gOff[i] != 0) scaleInto(st[i], vs[i].size(), gBuf, gOff, i, 1f, true);
        }

        float lr = learningRate();
        if (weightDecay != null && weightDecay > 0) {
            float decay = weightDecay * lr;
            for (int i = 0; i < n; i++) {
                if (!usesWeightDecay(vs[i])) continue;
                float[] w = vs[i].buffer();
                for (int j = 0; j < w.length; j++) w[j] -= w[j] * decay;
            }
        }
        prepareStep(lr);
        for (int i = 0; i < n; i++) updateStep(vs[i], gBuf[i], st[i].buffers, lr);
        applyConstraints(vs, n);
        iterations++;
    }

    /** As Keras, after the update: each updated variable with a constraint becomes the constraint of its new value. */
    private static void applyConstraints(Variable[] vs, int n) {
        for (int i = 0; i < n; i++) {
            Constraint c = vs[i].constraint();
            if (c != null) vs[i].assign(c.apply(Ops.stopGradient(vs[i])));
        }
    }

    private boolean usesWeightDecay(Variable v) {
        if (excludedFromDecay.contains(v)) return false;
        return excludedFromDecayNames == null || !excludedFromDecayNames.matcher(v.name()).find();
    }

    /** Replaces each gradient by its clipped copy (in a per-variable buffer) when clipping is on. */
    private void clipGradients(int n, Variable[] vs, State[] st, float[][] gBuf, int[] gOff) {
        if (clipnorm != null) {
            float c = clipnorm;
            for (int i = 0; i < n; i++) {
                double norm = Math.sqrt(sumOfSquares(gBuf[i], gOff[i], vs[i].size()));
                // Keras: g * clipnorm / max(norm, clipnorm); a NaN norm propagates (Math.max keeps NaN)
                scaleInto(st[i], vs[i].size(), gBuf, gOff, i, (float) (c / Math.max(norm, c)), false);
            }
        } else if (globalClipnorm != null) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += sumOfSquares(gBuf[i], gOff[i], vs[i].size());
            double norm = Math.sqrt(sum);
            float c = globalClipnorm;
            // Keras: clip_norm * min(1 / norm, 1 / clip_norm), NaN when the norm is not finite
            double scale = c * Math.min(1.0 / norm, 1.0 / c) + (norm - norm);
            for (int i = 0; i < n; i++) scaleInto(st[i], vs[i].size(), gBuf, gOff, i, (float) scale, false);
        } else if (clipvalue != null) {
            float c = clipvalue;
            for (int i = 0; i < n; i++) {
                int size = vs[i].size();
                float[] out = clippedBuffer(st[i], size);
                float[] g = gBuf[i];
                int off = gOff[i];
                for (int j = 0; j < size; j++) {
                    float x = g[off + j];
                    out[j] = x < -c ? -c : x > c ? c : x;
                }
                gBuf[i] = out;
                gOff[i] = 0;
            }
        }
    }

    private static double sumOfSquares(float[] g, int off, int size) {
        double s = 0;
        for (int j = 0; j < size; j++) {
            double x = g[off + j];
            s += x * x;
        }
        return s;
    }

    /** Writes {@code scale * g} into the variable's scratch buffer (skipped for a scale of 1 unless forced). */
    private static void scaleInto(State s, int size, float[][] gBuf, int[] gOff, int i, float scale, boolean force) {
        if (scale == 1f && !force) return;
        float[] out = clippedBuffer(s, size);
        float[] g = gBuf[i];
        int off = gOff[i];
        for (int j = 0; j < size; j++) out[j] = g[off + j] * scale;
        gBuf[i] = out;
        gOff[i] = 0;
    }

    private static float[] clippedBuffer(State s, int size) {
        if (s.clipped == null) s.clipped = new float[size];
        return s.clipped;
    }

    /** The slots every variable gets, created by the base on the variable's first update. */
    protected String[] slotNames() {
        return new String[0];
    }

    /** The initial value of slot {@code slot} (0 unless overridden, e.g. Adagrad's accumulator). */
    protected float slotInitialValue(String slot) {
        return 0f;
    }

    /**
     * Called once per {@link #applyGradients}, after clipping and weight decay and before the
     * per-variable updates, with {@link #iterations()} still the count before this update.
     */
    protected void prepareStep(float learningRate) {
    }

    /**
     * Updates one variable in place: its values are {@code variable.buffer()} (contiguous, offset 0),
     * its (clipped) gradient {@code grad[0 .. variable.size())}, its slots {@code slots[k]} (same length)
     * in the order of {@link #slotNames()}. The 1-based step is {@code iterations() + 1}. Write plain loops
     * over {@code i} indexing every array with {@code i}: the JIT vectorises them.
     */
    protected abstract void updateStep(Variable variable, float[] grad, float[][] slots, float learningRate);

    // ---- lookup --------------------------------------------------------------------------------------

    /** The optimizer Keras calls {@code name} (case-insensitive), with Keras' defaults. */
    public static Optimizer get(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new SGD();
            case "rmsprop" -> new RMSprop();
            case "adam" -> new Adam();
            case "adamw" -> new AdamW();
            case "adagrad" -> new Adagrad();
            case "adadelta" -> new Adadelta();
            case "adamax" -> new Adamax();
            case "nadam" -> new Nadam();
            default -> throw new IllegalArgumentException("Could not interpret optimizer identifier: " + name
                    + ". Known: sgd, rmsprop, adam, adamw, adagrad, adadelta, adamax, nadam");
        };
    }

    private static final Map<String, Class<? extends Optimizer>> BUILTIN = Map.of(
            "SGD", SGD.class, "RMSprop", RMSprop.class, "Adam", Adam.class, "AdamW", AdamW.class,
            "Adagrad", Adagrad.class, "Adadelta", Adadelta.class, "Adamax", Adamax.class, "Nadam", Nadam.class);

    /** Keras' class name of a built-in optimizer ({@code "Adam"}), or null for a custom one. */
    public String className() {
        String n = getClass().getSimpleName();
        return BUILTIN.get(n) == getClass() ? n : null;
    }

    /**
     * The built-in optimizer of class {@code className} (e.g. {@code "Adam"}) from its {@link #getConfig()},
     * as Keras' {@code optimizers.deserialize}; a learning rate given as {@code {"class_name", "config"}} is a
     * built-in schedule ({@link LearningRateSchedule#fromConfig}). Only built-in optimizers are made.
     */
    public static Optimizer fromConfig(String className, Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        String cls = className == null ? "null" : className;
        try {
            return switch (cls) {
                case "SGD" -> SGD.fromConfig(c);
                case "RMSprop" -> RMSprop.fromConfig(c);
                case "Adam" -> Adam.fromConfig(c);
                case "AdamW" -> AdamW.fromConfig(c);
                case "Adagrad" -> Adagrad.fromConfig(c);
                case "Adadelta" -> Adadelta.fromConfig(c);
                case "Adamax" -> Adamax.fromConfig(c);
                case "Nadam" -> Nadam.fromConfig(c);
                default -> throw new IllegalArgumentException("Unknown optimizer class: " + className + ". Known: "
                        + new java.util.TreeSet<>(BUILTIN.keySet()));
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("Invalid config for optimizer " + className + ": " + config, e);
        }
    }

    /**
     * Reads Keras' base optimizer arguments ({@code name}, {@code learning_rate}, {@code weight_decay},
     * {@code clipnorm}, {@code global_clipnorm}, {@code clipvalue}) of {@code config} into {@code b}, after
     * checking that the config has no other keys than those and {@code ownKeys}.
     */
    protected static void readBaseConfig(String className, Builder<?> b, Map<String, Object> config, String... ownKeys) {
        Set<String> allowed = new java.util.TreeSet<>(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue"));
        allowed.addAll(List.of(ownKeys));
        for (String k : config.keySet()) {
            if (!allowed.contains(k)) throw new IllegalArgumentException(className + ": unrecognized config key '" + k + "'. Expected some of " + allowed);
        }
        if (config.get("name") != null) b.name = config.get("name").toString();
        Object lr = config.get("learning_rate");
        if (lr instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schedule = (Map<String, Object>) m;
            @SuppressWarnings("unchecked")
            Map<String, Object> scheduleConfig = (Map<String, Object>) schedule.get("config");
            b.learningRate(LearningRateSchedule.fromConfig((String) schedule.get("class_name"), scheduleConfig));
        } else if (lr != null) {
            b.learningRate(((Number) lr).floatValue());
        }
        if (config.containsKey("weight_decay")) b.weightDecay = floatOrNull(config.get("weight_decay"));
        b.clipnorm = floatOrNull(config.get("clipnorm"));
        b.globalClipnorm = floatOrNull(config.get("global_clipnorm"));
        b.clipvalue = floatOrNull(config.get("clipvalue"));
    }

    private static Float floatOrNull(Object v) {
        return v == null ? null : ((Number) v).floatValue();
    }

    /** A float of a config, or {@code defaultValue} when absent. */
    protected static float configFloat(Map<String, Object> config, String key, float defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : ((Number) v).floatValue();
    }

    /** A boolean of a config, or {@code defaultValue} when absent. */
    protected static boolean configBoolean(Map<String, Object> config, String key, boolean defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : (Boolean) v;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + getConfig();
    }

    // ---- builder -------------------------------------------------------------------------------------

    /**
     * The options every optimizer takes (Keras' base optimizer arguments); each optimizer's builder adds its
     * own hyperparameters and {@code build()}.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        float learningRate;
        LearningRateSchedule schedule;
        Float weightDecay;
        Float clipnorm;
        Float clipvalue;
        Float globalClipnorm;
        String name;

        protected Builder(float defaultLearningRate) {
            this.learningRate = defaultLearningRate;
        }

        protected abstract B self();

        /** A fixed learning rate. */
        public B learningRate(float learningRate) {
            this.learningRate = learningRate;
            this.schedule = null;
            return self();
        }

        /** A learning rate schedule, evaluated at the optimizer's iterations. */
        public B learningRate(LearningRateSchedule schedule) {
            this.schedule = requireSchedule(schedule);
            return self();
        }

        /** Decoupled weight decay: {@code w -= w * weightDecay * lr} before each update. */
        public B weightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return self();
        }

        /** Clips each gradient to an L2 norm of at most {@code clipnorm}. */
        public B clipnorm(float clipnorm) {
            this.clipnorm = clipnorm;
            return self();
        }

        /** Clips each gradient element to {@code [-clipvalue, clipvalue]}. */
        public B clipvalue(float clipvalue) {
            this.clipvalue = clipvalue;
            return self();
        }

        /** Scales all gradients together so that their global L2 norm is at most {@code globalClipnorm}. */
        public B globalClipnorm(float globalClipnorm) {
            this.globalClipnorm = globalClipnorm;
            return self();
        }

        /** The optimizer's name (defaults to its class name). */
        public B name(String name) {
            this.name = name;
            return self();
        }
    }
}
