package io.cornu.engine.layers.activation;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.constraints.Constraint;
import io.cornu.engine.initializers.Initializer;
import io.cornu.engine.initializers.Initializers;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.InputSpec;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.regularizers.Regularizer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parametric rectified linear unit, as Keras' {@code PReLU}: {@code f(x) = x >= 0 ? x : alpha * x}
 * with a learned {@code alpha} per input position, computed as {@code relu(x) - alpha * relu(-x)}.
 *
 * <p>{@code alpha} has the shape of one sample, {@code input_shape[1:]}, except along
 * {@code sharedAxes} (1-based like Keras, the batch being axis 0) where it has size 1 and is
 * shared: for feature maps {@code (batch, h, w, c)}, {@code sharedAxes = {1, 2}} learns one alpha
 * per channel.
 *
 * <p>Input shape: any, dimensions known except along shared axes. Output shape: the input's.
 */
public class PReLU extends Layer {
    private final Initializer alphaInitializer;
    private final int[] sharedAxes;
    private Variable alpha;

    /**
     * @param alphaInitializer null for Keras' {@code "Zeros"}
     * @param sharedAxes       axes (1-based) sharing one alpha, or null
     * @param name             the layer's name, or null
     */
    public PReLU(Initializer alphaInitializer, int[] sharedAxes, String name) {
        super(name);
        if (sharedAxes != null) {
            for (int a : sharedAxes) {
                if (a < 1) {
                    throw new IllegalArgumentException("Invalid value for argument `shared_axes`: axes count from 1 (axis 0 is the batch). "
                            + "Received: shared_axes=" + Arrays.toString(sharedAxes));
                }
            }
        }
        this.alphaInitializer = alphaInitializer == null ? new Zeros() : alphaInitializer;
        this.sharedAxes = sharedAxes == null ? null : sharedAxes.clone();
    }

    public PReLU(int... sharedAxes) {
        this(null, sharedAxes.length == 0 ? null : sharedAxes, null);
    }

    /** The learned slopes; null before the layer is built. */
    public Variable alpha() {
        return alpha;
    }

    /** Keras' {@code alpha_regularizer}: a penalty on the slopes {@code alpha} added to the loss; null for none. Before building. */
    public PReLU alphaRegularizer(Regularizer regularizer) {
        regularizer("alpha", regularizer);
        return this;
    }

    /** Keras' {@code alpha_constraint}: applied to the slopes {@code alpha} after each optimizer update; null for none. Before building. */
    public PReLU alphaConstraint(Constraint constraint) {
        constraint("alpha", constraint);
        return this;
    }

    @Override
    public PReLU activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    protected List<String> weightArguments() {
        return List.of("alpha");
    }

    private boolean shared(int axis) {
        if (sharedAxes == null) return false;
        for (int a : sharedAxes) if (a == axis) return true;
        return false;
    }

    @Override
    protected void build(Shape inputShape) {
        int rank = inputShape.rank();
        if (sharedAxes != null) {
            for (int a : sharedAxes) {
                if (a >= rank) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\": shared axis " + a + " is out of bounds for input shape "
                            + inputShape + ". Received: shared_axes=" + Arrays.toString(sharedAxes));
                }
            }
        }
        int[] paramShape = new int[rank - 1];
        Map<Integer, Integer> axes = new LinkedHashMap<>();
        for (int i = 1; i < rank; i++) {
            if (shared(i)) {
                paramShape[i - 1] = 1;
            } else {
                if (!inputShape.isKnown(i)) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\" (PReLU): the dimension at axis " + i
                            + " of the input must be defined to create `alpha`, or listed in `shared_axes`. Full input shape received: " + inputShape);
                }
                paramShape[i - 1] = inputShape.get(i);
                axes.put(i, inputShape.get(i));
            }
        }
        alpha = addWeight("alpha", paramShape, alphaInitializer, true, regularizer("alpha"), constraint("alpha"));
        inputSpec = new InputSpec(rank, axes);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor pos = Ops.relu(inputs);
        Tensor neg = Ops.mul(Ops.neg(alpha), Ops.relu(Ops.neg(inputs)));
        return Ops.add(pos, neg);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    public static PReLU fromConfig(Map<String, Object> c) {
        return new PReLU(ConfigValues.getInitializer(c, "alpha_initializer", null), ConfigValues.getInts(c, "shared_axes"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha_initializer", Initializers.serialize(alphaInitializer));
        c.put("shared_axes", ConfigValues.list(sharedAxes));
        return c;
    }
}
