package io.cornu.engine.layers.normalization;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Ones;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Normalizes each sample over its feature axes, as Keras' {@code LayerNormalization}
 * (Ba et al., 2016): {@code gamma * (x - mean) / sqrt(var + epsilon) + beta}, the mean and
 * (population) variance taken over {@code axes} of each sample separately, so training and
 * inference compute the same thing.
 *
 * <p>Weights: {@code gamma} then {@code beta}, of the input's shape along {@code axes}. With
 * {@code rmsScaling}, {@code center} and {@code scale} are ignored and the output is
 * {@code x * gamma / sqrt(var + epsilon)}, as Keras computes it.
 *
 * <p>Input shape: any, {@code axes} known. Output shape: the input's.
 */
public class LayerNormalization extends Layer {
    private final int[] axes;
    private final float epsilon;
    private final boolean center;
    private final boolean scale;
    private final boolean rmsScaling;
    private final Initializer betaInitializer;
    private final Initializer gammaInitializer;
    private Variable gamma;
    private Variable beta;
    private int[] resolvedAxes;
    private int[] broadcastShape;

    /**
     * @param axes    the axes to normalize over (negative count from the end), {@code {-1}} by default
     * @param epsilon added to the variance, 1e-3
     * @param name    the layer's name, or null
     */
    public LayerNormalization(int[] axes, float epsilon, boolean center, boolean scale, boolean rmsScaling,
                              Initializer betaInitializer, Initializer gammaInitializer, String name) {
        super(name);
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException("Expected an int or a list/tuple of ints for the argument 'axis', but received: None");
        }
        this.axes = axes.clone();
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
        this.rmsScaling = rmsScaling;
        this.betaInitializer = betaInitializer == null ? new Zeros() : betaInitializer;
        this.gammaInitializer = gammaInitializer == null ? new Ones() : gammaInitializer;
    }

    public LayerNormalization(int axis, float epsilon, boolean center, boolean scale, String name) {
        this(new int[] {axis}, epsilon, center, scale, false, null, null, name);
    }

    public LayerNormalization() {
        this(-1, 1e-3f, true, true, null);
    }

    public int[] axes() {
        return axes.clone();
    }

    public float epsilon() {
        return epsilon;
    }

    public Variable gamma() {
        return gamma;
    }

    public Variable beta() {
        return beta;
    }

    /** Keras' {@code beta_regularizer}: a penalty on the offset {@code beta} added to the loss; null for none. Before building. */
    public LayerNormalization betaRegularizer(Regularizer regularizer) {
        regularizer("beta", regularizer);
        return this;
    }

    /** Keras' {@code gamma_regularizer}: a penalty on the scale {@code gamma} added to the loss; null for none. Before building. */
    public LayerNormalization gammaRegularizer(Regularizer regularizer) {
        regularizer("gamma", regularizer);
        return this;
    }

    /** Keras' {@code beta_constraint}: applied to the offset {@code beta} after each optimizer update; null for none. Before building. */
    public LayerNormalization betaConstraint(Constraint constraint) {
        constraint("beta", constraint);
        return this;
    }

    /** Keras' {@code gamma_constraint}: applied to the scale {@code gamma} after each optimizer update; null for none. Before building. */
    public LayerNormalization gammaConstraint(Constraint constraint) {
        constraint("gamma", constraint);
        return this;
    }

    @Override
    public LayerNormalization activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("beta", "gamma");
    }

    @Override
    protected void build(Shape inputShape) {
        int rank = inputShape.rank();
        resolvedAxes = new int[axes.length];
        int[] shape = new int[axes.length];
        broadcastShape = new int[rank];
        Arrays.fill(broadcastShape, 1);
        for (int i = 0; i < axes.length; i++) {
            int a = ArgumentValidation.normalizeAxis(this, axes[i], rank, inputShape);
            if (!inputShape.isKnown(a)) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (LayerNormalization): the dimension at axis " + axes[i]
                        + " must be defined to create the weights. Full input shape received: " + inputShape);
            }
            resolvedAxes[i] = a;
            shape[i] = inputShape.get(a);
            broadcastShape[a] = shape[i];
        }
        if (scale || rmsScaling) gamma = addWeight("gamma", shape, gammaInitializer, true, regularizer("gamma"), constraint("gamma"));
        if (center && !rmsScaling) beta = addWeight("beta", shape, betaInitializer, true, regularizer("beta"), constraint("beta"));
    }

    /** The weight as a tensor broadcasting against the input; it is laid out in {@code axes} order. */
    private Tensor broadcast(Variable v) {
        int[] order = resolvedAxes.clone();
        boolean sorted = true;
        for (int i = 1; i < order.length; i++) sorted &= order[i] > order[i - 1];
        Tensor t = v;
        if (!sorted) {
            Integer[] perm = new Integer[order.length];
            for (int i = 0; i < perm.length; i++) perm[i] = i;
            Arrays.sort(perm, (p, q) -> Integer.compare(order[p], order[q]));
            t = Ops.transpose(t, Arrays.stream(perm).mapToInt(Integer::intValue).toArray());
        }
        return Ops.reshape(t, broadcastShape);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (rmsScaling) {
            Tensor variance = Ops.variance(inputs, resolvedAxes, true);
            return Ops.mul(Ops.mul(inputs, Ops.rsqrt(Ops.add(variance, epsilon))), broadcast(gamma));
        }
        Tensor mean = Ops.mean(inputs, resolvedAxes, true);
        Tensor variance = Ops.mean(Ops.square(Ops.sub(inputs, mean)), resolvedAxes, true);
        Tensor inv = Ops.rsqrt(Ops.add(variance, epsilon));
        if (scale) inv = Ops.mul(inv, broadcast(gamma));
        Tensor res = Ops.mul(Ops.neg(mean), inv);
        if (center) res = Ops.add(res, broadcast(beta));
        return Ops.add(Ops.mul(inputs, inv), res);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        for (int a : axes) {
            if (a >= inputShape.rank() || a < -inputShape.rank()) {
                throw new IllegalArgumentException("Axis " + a + " is out of bounds for input shape " + inputShape
                        + ". Ensure axis is within the range of input dimensions.");
            }
        }
        return inputShape;
    }

    public static LayerNormalization fromConfig(Map<String, Object> c) {
        int[] axes = ConfigValues.getInts(c, "axis");
        return new LayerNormalization(axes == null ? new int[] {-1} : axes, ConfigValues.getFloat(c, "epsilon", 1e-3f),
                ConfigValues.getBoolean(c, "center", true), ConfigValues.getBoolean(c, "scale", true),
                ConfigValues.getBoolean(c, "rms_scaling", false), ConfigValues.getInitializer(c, "beta_initializer", null),
                ConfigValues.getInitializer(c, "gamma_initializer", null), ConfigValues.name(c));
    }

    /** {@code axis} an int for one axis, a list for several. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axes.length == 1 ? (Object) axes[0] : ConfigValues.list(axes));
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("rms_scaling", rmsScaling);
        c.put("beta_initializer", Initializers.serialize(betaInitializer));
        c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
        return c;
    }
}
