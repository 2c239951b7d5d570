package io.cornu.engine.layers.normalization;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Ones;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.InputSpec;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Normalizes each feature (channel) over the batch, as Keras' {@code BatchNormalization}:
 * {@code gamma * (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <p><b>Training</b> ({@code training=true}): {@code mean} and {@code var} are the batch's
 * (population variance, over every axis but {@code axis}), and the non-trainable moving averages
 * are updated: {@code moving = moving * momentum + batch * (1 - momentum)}.
 * <b>Inference</b>: the moving mean and variance are used.
 *
 * <p>As in Keras, a frozen layer ({@code setTrainable(false)}) runs in inference mode even when
 * called with {@code training=true}: it neither uses batch statistics nor updates its moving ones,
 * which is what fine-tuning a pretrained model needs.
 *
 * <p>Weights, in Keras' order: {@code gamma} and {@code beta} (trainable, unless
 * {@code scale}/{@code center} is off), {@code moving_mean} and {@code moving_variance}
 * (non-trainable), all of shape {@code (input_shape[axis],)}. With a mask of the input's rank
 * minus 1 (e.g. from {@code Embedding(maskZero)}), the batch statistics ignore masked steps.
 *
 * <p>Input shape: any, {@code axis} known. Output shape: the input's.
 */
public class BatchNormalization extends Layer {
    private final int axis;
    private final float momentum;
    private final float epsilon;
    private final boolean center;
    private final boolean scale;
    private final Initializer betaInitializer;
    private final Initializer gammaInitializer;
    private final Initializer movingMeanInitializer;
    private final Initializer movingVarianceInitializer;
    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;
    private int[] reductionAxes;
    private int[] broadcastShape;

    /**
     * @param axis     the feature axis (negative counts from the end), -1 for channels last
     * @param momentum the moving averages' momentum, 0.99
     * @param epsilon  added to the variance, 1e-3
     * @param center   whether to add {@code beta}
     * @param scale    whether to multiply by {@code gamma}
     * @param name     the layer's name, or null
     */
    public BatchNormalization(int axis, float momentum, float epsilon, boolean center, boolean scale,
                              Initializer betaInitializer, Initializer gammaInitializer,
                              Initializer movingMeanInitializer, Initializer movingVarianceInitializer, String name) {
        super(name);
        if (!(epsilon > 0f)) throw new IllegalArgumentException("Argument `epsilon` must be positive. Received: epsilon=" + epsilon);
        if (!(momentum >= 0f && momentum <= 1f)) {
            throw new IllegalArgumentException("Argument `momentum` must be between 0 and 1. Received: momentum=" + momentum);
        }
        this.axis = axis;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
        this.betaInitializer = betaInitializer == null ? new Zeros() : betaInitializer;
        this.gammaInitializer = gammaInitializer == null ? new Ones() : gammaInitializer;
        this.movingMeanInitializer = movingMeanInitializer == null ? new Zeros() : movingMeanInitializer;
        this.movingVarianceInitializer = movingVarianceInitializer == null ? new Ones() : movingVarianceInitializer;
    }

    public BatchNormalization(int axis, float momentum, float epsilon, boolean center, boolean scale, String name) {
        this(axis, momentum, epsilon, center, scale, null, null, null, null, name);
    }

    public BatchNormalization() {
        this(-1, 0.99f, 1e-3f, true, true, null);
    }

    public int axis() {
        return axis;
    }

    public float momentum() {
        return momentum;
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
    public BatchNormalization betaRegularizer(Regularizer regularizer) {
        regularizer("beta", regularizer);
        return this;
    }

    /** Keras' {@code gamma_regularizer}: a penalty on the scale {@code gamma} added to the loss; null for none. Before building. */
    public BatchNormalization gammaRegularizer(Regularizer regularizer) {
        regularizer("gamma", regularizer);
        return this;
    }

    /** Keras' {@code beta_constraint}: applied to the offset {@code beta} after each optimizer update; null for none. Before building. */
    public BatchNormalization betaConstraint(Constraint constraint) {
        constraint("beta", constraint);
        return this;
    }

    /** Keras' {@code gamma_constraint}: applied to the scale {@code gamma} after each optimizer update; null for none. Before building. */
    public BatchNormalization gammaConstraint(Constraint constraint) {
        constraint("gamma", constraint);
        return this;
    }

    @Override
    public BatchNormalization activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("beta", "gamma");
    }

    public Variable movingMean() {
        return movingMean;
    }

    public Variable movingVariance() {
        return movingVariance;
    }

    @Override
    protected void build(Shape inputShape) {
        int rank = inputShape.rank();
        int a = ArgumentValidation.normalizeAxis(this, axis, rank, inputShape);
        if (!inputShape.isKnown(a)) {
            throw new IllegalArgumentException("Axis " + axis + " of input tensor should have a defined dimension but the layer received an input with shape "
                    + inputShape + ".");
        }
        int[] shape = {inputShape.get(a)};
        if (scale) gamma = addWeight("gamma", shape, gammaInitializer, true, regularizer("gamma"), constraint("gamma"));
        if (center) beta = addWeight("beta", shape, betaInitializer, true, regularizer("beta"), constraint("beta"));
        movingMean = addWeight("moving_mean", shape, movingMeanInitializer, false);
        movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer, false);
        inputSpec = new InputSpec(rank, Map.of(a, inputShape.get(a)));
        reductionAxes = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) if (i != a) reductionAxes[j++] = i;
        broadcastShape = new int[rank];
        java.util.Arrays.fill(broadcastShape, 1);
        broadcastShape[a] = shape[0];
    }

    /** Freezing freezes {@code gamma} and {@code beta}; unfreezing leaves the moving statistics non-trainable, as Keras. */
    @Override
    public void setTrainable(boolean trainable) {
        super.setTrainable(trainable);
        if (movingMean != null) movingMean.setTrainable(false);
        if (movingVariance != null) movingVariance.setTrainable(false);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return normalize(inputs, null, training);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        return List.of(normalize(inputs.get(0), masks.isEmpty() ? null : masks.get(0), training));
    }

    private Tensor normalize(Tensor x, Tensor mask, boolean training) {
        if (mask != null && mask.rank() != x.rank() - 1) {
            throw new IllegalArgumentException("The mask provided should be one dimension less than the inputs. Received: mask.shape="
                    + mask.shape() + ", inputs.shape=" + x.shape());
        }
        Tensor mean, variance;
        if (training && trainable()) {
            Tensor[] moments = mask == null ? moments(x) : maskedMoments(x, mask);
            mean = moments[0];
            variance = moments[1];
            Tensor m = Ops.reshape(Ops.stopGradient(mean), movingMean.dims());
            Tensor v = Ops.reshape(Ops.stopGradient(variance), movingVariance.dims());
            movingMean.assign(Ops.add(Ops.mul(movingMean, momentum), Ops.mul(m, 1f - momentum)));
            movingVariance.assign(Ops.add(Ops.mul(movingVariance, momentum), Ops.mul(v, 1f - momentum)));
        } else {
            mean = Ops.reshape(movingMean, broadcastShape);
            variance = Ops.reshape(movingVariance, broadcastShape);
        }
        // Keras' ops.batch_normalization: x * inv + (beta - mean * inv), inv = gamma / sqrt(var + eps)
        Tensor inv = Ops.rsqrt(Ops.add(variance, epsilon));
        if (scale) inv = Ops.mul(inv, Ops.reshape(gamma, broadcastShape));
        Tensor res = Ops.mul(Ops.neg(mean), inv);
        if (center) res = Ops.add(res, Ops.reshape(beta, broadcastShape));
        return Ops.add(Ops.mul(x, inv), res);
    }

    /** Batch mean and population variance over the reduction axes, kept as size-1 axes. */
    private Tensor[] moments(Tensor x) {
        Tensor mean = Ops.mean(x, reductionAxes, true);
        Tensor variance = Ops.mean(Ops.square(Ops.sub(x, mean)), reductionAxes, true);
        return new Tensor[] {mean, variance};
    }

    /** Keras' masked moments: the mask weights each step; its epsilon 1e-7 guards an all-masked batch. */
    private Tensor[] maskedMoments(Tensor x, Tensor mask) {
        Tensor w = Ops.expandDims(Ops.cast(mask, io.cornu.engine.tensor.DType.FLOAT32), -1);
        Tensor weighted = Ops.mul(w, x);
        Tensor weightSum = Ops.add(Ops.sum(Ops.broadcastTo(w, x.dims()), reductionAxes, true), 1e-7f);
        Tensor mean = Ops.div(Ops.sum(weighted, reductionAxes, true), weightSum);
        Tensor sq = Ops.square(Ops.sub(weighted, mean));
        Tensor variance = Ops.div(Ops.sum(Ops.mul(w, sq), reductionAxes, true), weightSum);
        return new Tensor[] {mean, variance};
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static BatchNormalization fromConfig(Map<String, Object> c) {
        return new BatchNormalization(ConfigValues.getInt(c, "axis", -1), ConfigValues.getFloat(c, "momentum", 0.99f),
                ConfigValues.getFloat(c, "epsilon", 1e-3f), ConfigValues.getBoolean(c, "center", true), ConfigValues.getBoolean(c, "scale", true),
                ConfigValues.getInitializer(c, "beta_initializer", null), ConfigValues.getInitializer(c, "gamma_initializer", null),
                ConfigValues.getInitializer(c, "moving_mean_initializer", null), ConfigValues.getInitializer(c, "moving_variance_initializer", null),
                ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("beta_initializer", Initializers.serialize(betaInitializer));
        c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
        c.put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer));
        c.put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer));
        c.put("synchronized", false);
        return c;
    }
}
