package io.cornu.engine.layers.merging;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The dot product of two samples' tensors, as Keras' {@code Dot}: for each sample, the sum of
 * products over axis {@code axes[0]} of the first input and {@code axes[1]} of the second (Keras'
 * {@code batch_dot}). Two {@code (batch, n)} inputs give {@code (batch, 1)}; with
 * {@code normalize}, both are L2-normalized along their axes first, so the output is the cosine
 * similarity.
 *
 * <p>Output shape: the first input's shape without its axis, then the second's without the batch
 * and its axis ({@code (batch, 1)} when nothing remains).
 *
 * <pre>{@code new Dot(new int[] {1, 1}, true, null).apply(List.of(a, b))}</pre>
 */
public class Dot extends Layer {
    private final int[] axes;
    private final boolean singleAxis;
    private final boolean normalize;

    /**
     * @param axes      {@code {axisOfFirst, axisOfSecond}}, or one axis for both (negative counts from the end)
     * @param normalize whether to L2-normalize both inputs along the axes first
     * @param name      the layer's name, or null
     */
    public Dot(int[] axes, boolean normalize, String name) {
        super(name);
        if (axes == null || (axes.length != 1 && axes.length != 2)) {
            throw new IllegalArgumentException("Invalid format for argument `axes`: it should contain two elements. Received: axes="
                    + (axes == null ? "None" : Arrays.toString(axes)));
        }
        this.singleAxis = axes.length == 1;
        this.axes = singleAxis ? new int[] {axes[0], axes[0]} : axes.clone();
        this.normalize = normalize;
    }

    public Dot(int axes) {
        this(new int[] {axes}, false, null);
    }

    public Dot(int axes, boolean normalize) {
        this(new int[] {axes}, normalize, null);
    }

    public int[] axes() {
        return axes.clone();
    }

    public boolean normalize() {
        return normalize;
    }

    /** The axes for inputs of these ranks, negative ones resolved, as Keras' {@code Dot}. */
    private int[] resolve(int rank1, int rank2) {
        int a0 = axes[0] < 0 ? Math.floorMod(axes[0], rank1) : axes[0];
        int a1 = axes[1] < 0 ? Math.floorMod(axes[1], rank2) : axes[1];
        return new int[] {a0, a1};
    }

    @Override
    protected void build(Shape inputShape) {
        checkTwo(List.of(inputShape));
    }

    @Override
    protected void build(List<Shape> shapes) {
        validate(shapes);
    }

    private void checkTwo(List<Shape> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException("A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=" + shapes);
        }
    }

    private int[] validate(List<Shape> shapes) {
        checkTwo(shapes);
        Shape s1 = shapes.get(0), s2 = shapes.get(1);
        if (s1.rank() < 2 || s2.rank() < 2) {
            throw new IllegalArgumentException("Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes " + s1 + " and " + s2 + ".");
        }
        int[] a = resolve(s1.rank(), s2.rank());
        if (a[0] >= s1.rank() || a[1] >= s2.rank()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Dot): axes " + Arrays.toString(axes) + " are out of bounds for inputs of shapes "
                    + s1 + " and " + s2);
        }
        if (a[0] == 0 || a[1] == 0) {
            throw new IllegalArgumentException("Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension "
                    + "to your inputs using keras.ops.expand_dims(x, 0)");
        }
        int d1 = s1.get(a[0]), d2 = s2.get(a[1]);
        if (d1 != Shape.NONE && d2 != Shape.NONE && d1 != d2) {
            throw new IllegalArgumentException("Incompatible input shapes: axis values " + d1 + " (at axis " + a[0] + ") != " + d2
                    + " (at axis " + a[1] + "). Full input shapes: " + s1 + ", " + s2);
        }
        return a;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        int[] a = validate(List.of(inputs.get(0).shape(), inputs.get(1).shape()));
        Tensor x = inputs.get(0), y = inputs.get(1);
        if (normalize) {
            x = l2Normalize(x, a[0]);
            y = l2Normalize(y, a[1]);
        }
        return List.of(batchDot(x, y, a[0], a[1]));
    }

    /** {@code x * rsqrt(max(sum(x^2, axis), 1e-14))}, Keras' {@code normalize} with its epsilon 1e-7. */
    private static Tensor l2Normalize(Tensor x, int axis) {
        Tensor squareSum = Ops.sum(Ops.square(x), new int[] {axis}, true);
        return Ops.mul(x, Ops.rsqrt(Ops.maximum(squareSum, Tensor.scalar(1e-14f))));
    }

    /**
     * Keras' {@code batch_dot} as one batched matmul: {@code x} with its axis moved last and the
     * other non-batch axes flattened, {@code (b, M, K)}, times {@code y} with its axis moved to 1,
     * {@code (b, K, N)}; the result {@code (b, M, N)} reshaped to the remaining axes.
     */
    private static Tensor batchDot(Tensor x, Tensor y, int a0, int a1) {
        int[] xd = x.dims(), yd = y.dims();
        int b = xd[0];
        List<Integer> outDims = new ArrayList<>();
        outDims.add(b);
        int[] xPerm = new int[xd.length];
        int p = 0, m = 1;
        xPerm[p++] = 0;
        for (int i = 1; i < xd.length; i++) {
            if (i == a0) continue;
            xPerm[p++] = i;
            m *= xd[i];
            outDims.add(xd[i]);
        }
        xPerm[p] = a0;
        int[] yPerm = new int[yd.length];
        int q = 0, n = 1;
        yPerm[q++] = 0;
        yPerm[q++] = a1;
        for (int i = 1; i < yd.length; i++) {
            if (i == a1) continue;
            yPerm[q++] = i;
            n *= yd[i];
            outDims.add(yd[i]);
        }
        Tensor xm = Ops.reshape(Ops.transpose(x, xPerm), b, m, xd[a0]);
        Tensor ym = Ops.reshape(Ops.transpose(y, yPerm), b, yd[a1], n);
        Tensor r = Ops.matmul(xm, ym);
        if (outDims.size() == 1) outDims.add(1);
        return Ops.reshape(r, outDims.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** As Keras, the output has no mask. */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return Collections.singletonList(null);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> shapes) {
        int[] a = validate(shapes);
        List<Integer> out = new ArrayList<>();
        int[] d1 = shapes.get(0).dims(), d2 = shapes.get(1).dims();
        for (int i = 0; i < d1.length; i++) if (i != a[0]) out.add(d1[i]);
        for (int i = 1; i < d2.length; i++) if (i != a[1]) out.add(d2[i]);
        if (out.size() == 1) out.add(1);
        return List.of(Shape.of(out.stream().mapToInt(Integer::intValue).toArray()));
    }

    public static Dot fromConfig(Map<String, Object> c) {
        int[] axes = ConfigValues.getInts(c, "axes");
        return new Dot(axes == null ? new int[] {-1} : axes, ConfigValues.getBoolean(c, "normalize", false), ConfigValues.name(c));
    }

    /** {@code axes} an int when one axis was given for both inputs, else a list of two, as in Keras. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axes", singleAxis ? (Object) axes[0] : ConfigValues.list(axes));
        c.put("normalize", normalize);
        return c;
    }
}
