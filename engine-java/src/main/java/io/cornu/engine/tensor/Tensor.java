package io.cornu.engine.tensor;

import io.cornu.engine.autodiff.GradNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An N-dimensional array read through a shape, strides and an offset over a shared buffer, so that
 * reshapes of contiguous tensors, transposes, permutations, slices, squeezes and broadcasts are views
 * that copy nothing. Computation is float32 ({@code float[]}); int32 and int64 tensors
 * ({@code int[]}, {@code long[]}) hold indices and labels.
 *
 * <p>Tensors are values: ops return new tensors and never write into their inputs. The one
 * exception is {@link io.cornu.engine.autodiff.Variable}, whose {@code assign} updates its buffer.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}});
 * x.shape();        // (2, 2)
 * x.get(1, 0);      // 3.0
 * x.transpose();    // a view: [[1, 3], [2, 4]]
 * }</pre>
 */
public class Tensor {
    private static final int PRINT_EDGE = 3;
    private static final int PRINT_LIMIT = 1000;

    private final DType dtype;
    /** float32 storage; null for integer tensors. */
    final float[] data;
    /** int32 storage; null otherwise. */
    final int[] ints;
    /** int64 storage; null otherwise. */
    final long[] longs;
    final int[] shape;
    final int[] strides;
    final int offset;

    /** How this tensor was computed, when a gradient tape recorded it; otherwise null. */
    private GradNode gradNode;
    /** Keras' {@code _keras_mask}: which timesteps are real (1) or padding (0), set by masking layers. */
    private Tensor kerasMask;

    protected Tensor(float[] data, int[] shape, int[] strides, int offset) {
        this(DType.FLOAT32, data, null, null, shape, strides, offset);
    }

    private Tensor(DType dtype, float[] data, int[] ints, long[] longs, int[] shape, int[] strides, int offset) {
        this.dtype = dtype;
        this.data = data;
        this.ints = ints;
        this.longs = longs;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A view of this tensor's buffer with another geometry. */
    private Tensor view(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(dtype, data, ints, longs, newShape, newStrides, newOffset);
    }

    // ---- creation -------------------------------------------------------------------------

    /** A float32 tensor over {@code data} (not copied) with the given row-major shape. */
    public static Tensor wrap(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(data, shape.clone(), contiguousStrides(shape), 0);
    }

    /** An int32 tensor over {@code data} (not copied). */
    public static Tensor wrap(int[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(DType.INT32, null, data, null, shape.clone(), contiguousStrides(shape), 0);
    }

    /** An int64 tensor over {@code data} (not copied). */
    public static Tensor wrap(long[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(DType.INT64, null, null, data, shape.clone(), contiguousStrides(shape), 0);
    }

    private static void checkLength(int length, int[] shape) {
        long n = checkShape(shape);
        if (n != length) {
            throw new IllegalArgumentException("Tensor: data of length " + length
                    + " does not fit shape " + Shape.of(shape) + " (" + n + " elements)");
        }
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[(int) checkShape(shape)], shape.clone(), contiguousStrides(shape), 0);
    }

    /** Zeros of any dtype. */
    public static Tensor zeros(DType dtype, int... shape) {
        int n = (int) checkShape(shape);
        return switch (dtype) {
            case FLOAT32 -> zeros(shape);
            case INT32 -> wrap(new int[n], shape);
            case INT64 -> wrap(new long[n], shape);
        };
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0], new int[0], 0);
    }

    /** {@code [start, start + step, ...)} below {@code stop}, as NumPy's {@code arange}. */
    public static Tensor arange(float start, float stop, float step) {
        if (step == 0 || !Float.isFinite(step)) throw new IllegalArgumentException("arange: step must be finite and non-zero. Received: step=" + step);
        int n = (int) Math.max(0, Math.ceil((stop - start) / (double) step));
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return wrap(d, n);
    }

    /** {@code [0, 1, ..., n)} as int32. */
    public static Tensor arangeInt(int n) {
        if (n < 0) throw new IllegalArgumentException("arange: expected n >= 0. Received: n=" + n);
        int[] d = new int[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return wrap(d, n);
    }

    /** The {@code n x n} identity. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) t.data[i * n + i] = 1f;
        return t;
    }

    /** Normal samples with the given mean and standard deviation; the same seed gives the same values. */
    public static Tensor randomNormal(long seed, float mean, float stddev, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = (float) (mean + stddev * gaussian(r));
        return t;
    }

    /** Uniform samples in {@code [min, max)}. */
    public static Tensor randomUniform(long seed, float min, float max, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = (float) (min + (max - min) * r.nextDouble());
        return t;
    }

    /**
     * Normal samples redrawn until within two standard deviations of the mean, as Keras'
     * {@code random.truncated_normal}.
     */
    public static Tensor truncatedNormal(long seed, float mean, float stddev, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            double z;
            do {
                z = gaussian(r);
            } while (Math.abs(z) > 2);
            t.data[i] = (float) (mean + stddev * z);
        }
        return t;
    }

    /** A standard normal draw (Marsaglia's polar method; deterministic for a given generator state). */
    public static double gaussian(SplittableRandom r) {
        double u, v, s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    public static Tensor of(float[] values) {
        return wrap(values.clone(), values.length);
    }

    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Tensor.of: ragged rows: row 0 has " + cols
                        + " values, row " + i + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return wrap(d, rows.length, cols);
    }

    public static Tensor of(float[][][] blocks) {
        int rows = blocks.length == 0 ? 0 : blocks[0].length;
        int cols = rows == 0 ? 0 : blocks[0][0].length;
        float[] d = new float[blocks.length * rows * cols];
        for (int i = 0; i < blocks.length; i++) {
            Tensor b = of(blocks[i]);
            if (b.dim(0) != rows || (rows > 0 && b.dim(1) != cols)) {
                throw new IllegalArgumentException("Tensor.of: ragged blocks: block 0 is " + rows + "x" + cols
                        + ", block " + i + " is " + b.shape());
            }
            System.arraycopy(b.data, 0, d, i * rows * cols, rows * cols);
        }
        return wrap(d, blocks.length, rows, cols);
    }

    /** An int32 vector. */
    public static Tensor ofInts(int... values) {
        return wrap(values.clone(), values.length);
    }

    /** An int32 matrix. */
    public static Tensor ofInts(int[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        int[] d = new int[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("Tensor.ofInts: ragged rows at row " + i);
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return wrap(d, rows.length, cols);
    }

    /** An int64 vector. */
    public static Tensor ofLongs(long... values) {
        return wrap(values.clone(), values.length);
    }

    static long checkShape(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("Tensor: negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Tensor: shape " + Arrays.toString(shape) + " has " + n + " elements, more than a Java array holds");
        }
        return n;
    }

    static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    // ---- shape ----------------------------------------------------------------------------

    public Shape shape() {
        return Shape.of(shape);
    }

    public int[] dims() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return shape[axis(axis, "dim")];
    }

    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    public DType dtype() {
        return dtype;
    }

    /** True when the elements lie in row-major order without gaps, starting at {@link #offset()}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    private int axis(int axis, String op) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a tensor of shape " + shape());
        }
        return a;
    }

    // ---- raw access for ops and kernels ---------------------------------------------------

    /** The float32 buffer. Only meaningful with {@link #offset()} and the strides. */
    public float[] buffer() {
        if (data == null) {
            throw new IllegalArgumentException("Expected a float32 tensor, got a tensor of dtype " + dtype + " and shape " + shape()
                    + ". Use Ops.cast(x, DType.FLOAT32) first.");
        }
        return data;
    }

    /** The int32 buffer. */
    public int[] intBuffer() {
        if (ints == null) throw new IllegalArgumentException("Expected an int32 tensor, got dtype " + dtype + " and shape " + shape());
        return ints;
    }

    /** The int64 buffer. */
    public long[] longBuffer() {
        if (longs == null) throw new IllegalArgumentException("Expected an int64 tensor, got dtype " + dtype + " and shape " + shape());
        return longs;
    }

    public int offset() {
        return offset;
    }

    public int[] strides() {
        return strides.clone();
    }

    /** This tensor if contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A contiguous copy that shares nothing with this tensor. */
    public Tensor copy() {
        return switch (dtype) {
            case FLOAT32 -> wrap(toFloatArray(), shape);
            case INT32 -> wrap(toIntArray(), shape);
            case INT64 -> wrap(toLongArray(), shape);
        };
    }

    /** Physical buffer positions of the elements in row-major order. */
    private int[] positions() {
        int n = size();
        int[] pos = new int[n];
        if (isContiguous()) {
            for (int i = 0; i < n; i++) pos[i] = offset + i;
            return pos;
        }
        int[] idx = new int[shape.length];
        int p = offset;
        for (int i = 0; i < n; i++) {
            pos[i] = p;
            for (int a = shape.length - 1; a >= 0; a--) {
                p += strides[a];
                if (++idx[a] < shape[a]) break;
                p -= strides[a] * shape[a];
                idx[a] = 0;
            }
        }
        return pos;
    }

    private double valueAt(int p) {
        return data != null ? data[p] : ints != null ? ints[p] : longs[p];
    }

    /** The elements in row-major order as float32 (integers converted), as a new array. */
    public float[] toFloatArray() {
        int n = size();
        float[] out = new float[n];
        if (data != null && isContiguous()) {
            System.arraycopy(data, offset, out, 0, n);
            return out;
        }
        int[] pos = positions();
        for (int i = 0; i < n; i++) out[i] = (float) valueAt(pos[i]);
        return out;
    }

    /** The elements as int32; float values must be whole numbers. */
    public int[] toIntArray() {
        int n = size();
        int[] out = new int[n];
        if (ints != null && isContiguous()) {
            System.arraycopy(ints, offset, out, 0, n);
            return out;
        }
        int[] pos = positions();
        for (int i = 0; i < n; i++) {
            double v = valueAt(pos[i]);
            if (v != Math.rint(v) || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("toIntArray: value " + v + " at index " + i + " is not an int32");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** The elements as int64; float values must be whole numbers. */
    public long[] toLongArray() {
        int n = size();
        long[] out = new long[n];
        int[] pos = positions();
        for (int i = 0; i < n; i++) {
            if (longs != null) {
                out[i] = longs[pos[i]];
            } else {
                double v = valueAt(pos[i]);
                if (v != Math.rint(v)) throw new IllegalArgumentException("toLongArray: value " + v + " at index " + i + " is not an integer");
                out[i] = (long) v;
            }
        }
        return out;
    }

    /** A rank-2 tensor as rows. */
    public float[][] toFloatMatrix() {
        if (shape.length != 2) throw new IllegalStateException("toFloatMatrix: expected rank 2, got shape " + shape());
        float[] flat = toFloatArray();
        float[][] rows = new float[shape[0]][];
        for (int i = 0; i < shape[0]; i++) rows[i] = Arrays.copyOfRange(flat, i * shape[1], (i + 1) * shape[1]);
        return rows;
    }

    /** The element at {@code index} (negative indices count from the end), as float. */
    public float get(int... index) {
        return (float) valueAt(position(index));
    }

    /** The element at {@code index} of an integer tensor, as long. */
    public long getLong(int... index) {
        int p = position(index);
        return longs != null ? longs[p] : ints != null ? ints[p] : (long) data[p];
    }

    private int position(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: index of rank " + index.length + " for tensor of shape " + shape());
        }
        int p = offset;
        for (int a = 0; a < index.length; a++) {
            int i = index[a] < 0 ? shape[a] + index[a] : index[a];
            if (i < 0 || i >= shape[a]) {
                throw new IndexOutOfBoundsException("get: index " + index[a] + " out of range for axis " + a + " of shape " + shape());
            }
            p += i * strides[a];
        }
        return p;
    }

    /** The single value of a tensor with one element. */
    public float item() {
        if (size() != 1) throw new IllegalStateException("item: tensor of shape " + shape() + " has " + size() + " elements, not 1");
        return (float) valueAt(offset);
    }

    /** This tensor converted to {@code target} (float to int truncates toward zero, as NumPy's astype). */
    public Tensor cast(DType target) {
        if (target == dtype) return this;
        int n = size();
        int[] pos = positions();
        return switch (target) {
            case FLOAT32 -> wrap(toFloatArray(), shape);
            case INT32 -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) out[i] = (int) valueAt(pos[i]);
                yield wrap(out, shape);
            }
            case INT64 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) out[i] = longs != null ? longs[pos[i]] : (long) valueAt(pos[i]);
                yield wrap(out, shape);
            }
        };
    }

    // ---- views ------------------------------------------------------------------------------

    /** The same elements with another shape; one dimension may be -1. A view when contiguous. */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one dimension can be -1. Received: shape=" + Arrays.toString(newShape));
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension. Received: shape=" + Arrays.toString(newShape));
            } else {
                known *= s[i];
            }
        }
        int n = size();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape tensor of shape " + shape() + " (" + n + " elements) into " + Arrays.toString(newShape));
            }
            s[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape tensor of shape " + shape() + " (" + n + " elements) into " + Shape.of(s) + " (" + known + " elements)");
        }
        Tensor src = contiguous();
        return src.view(s, contiguousStrides(s), src.offset);
    }

    /** The transpose of a rank-2 tensor (reversed axes in general), as a view. */
    public Tensor transpose() {
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return permute(perm);
    }

    /** Axes reordered: output axis {@code i} is input axis {@code perm[i]}, as a view. */
    public Tensor permute(int... perm) {
        if (perm.length != shape.length) {
            throw new IllegalArgumentException("transpose: axes " + Arrays.toString(perm) + " do not match a tensor of shape " + shape());
        }
        boolean[] seen = new boolean[perm.length];
        int[] s = new int[perm.length], st = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            int a = axis(perm[i], "transpose");
            if (seen[a]) throw new IllegalArgumentException("transpose: repeated axis in " + Arrays.toString(perm));
            seen[a] = true;
            s[i] = shape[a];
            st[i] = strides[a];
        }
        return view(s, st, offset);
    }

    /** Rows {@code [from, to)} along axis 0, as a view. */
    public Tensor sliceRows(int from, int to) {
        return slice(0, from, to);
    }

    /** Indices {@code [from, to)} along {@code axis}, as a view. */
    public Tensor slice(int axis, int from, int to) {
        int a = axis(axis, "slice");
        if (from < 0 || to > shape[a] || from > to) {
            throw new IndexOutOfBoundsException("slice: [" + from + ", " + to + ") out of range for axis " + axis + " of shape " + shape());
        }
        int[] s = shape.clone();
        s[a] = to - from;
        return view(s, strides.clone(), offset + from * strides[a]);
    }

    /** Without the size-1 axes given (all size-1 axes when none are given), as a view. */
    public Tensor squeeze(int... axes) {
        boolean[] drop = new boolean[shape.length];
        if (axes.length == 0) {
            for (int i = 0; i < shape.length; i++) drop[i] = shape[i] == 1;
        } else {
            for (int ax : axes) {
                int a = axis(ax, "squeeze");
                if (shape[a] != 1) {
                    throw new IllegalArgumentException("squeeze: cannot squeeze axis " + ax + " of size " + shape[a] + " in shape " + shape());
                }
                drop[a] = true;
            }
        }
        int k = 0;
        for (boolean d : drop) if (!d) k++;
        int[] s = new int[k], st = new int[k];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!drop[i]) {
                s[j] = shape[i];
                st[j++] = strides[i];
            }
        }
        return view(s, st, offset);
    }

    /** A size-1 axis inserted at {@code axis} (negative counts from the end of the result), as a view. */
    public Tensor expandDims(int axis) {
        int r = shape.length + 1;
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) throw new IllegalArgumentException("expand_dims: axis " + axis + " is out of bounds for a result of rank " + r);
        int[] s = new int[r], st = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            if (i == a) {
                s[i] = 1;
                st[i] = 0;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        return view(s, st, offset);
    }

    /** This tensor repeated along size-1 and new leading axes to {@code target}, as a view (stride 0). */
    public Tensor broadcastTo(int... target) {
        int lead = target.length - shape.length;
        if (lead < 0) throw new IllegalArgumentException("broadcast_to: cannot broadcast shape " + shape() + " to " + Shape.of(target));
        int[] st = new int[target.length];
        for (int i = 0; i < shape.length; i++) {
            int t = target[lead + i];
            if (shape[i] == t) st[lead + i] = strides[i];
            else if (shape[i] == 1) st[lead + i] = 0;
            else throw new IllegalArgumentException("broadcast_to: cannot broadcast shape " + shape() + " to " + Shape.of(target));
        }
        return view(target.clone(), st, offset);
    }

    // ---- autodiff hook -------------------------------------------------------------------------

    /** The recorded computation that produced this tensor, or null. */
    public GradNode gradNode() {
        return gradNode;
    }

    /** Used by {@link io.cornu.engine.autodiff.GradientTape}: attach the op that produced this tensor. */
    public void setGradNode(GradNode node) {
        this.gradNode = node;
    }

    // ---- masking ---------------------------------------------------------------------------------

    /**
     * The mask a layer attached to this tensor (Keras' {@code _keras_mask}), e.g. {@code (batch, time)}
     * with 1 for real timesteps and 0 for padding, as produced by {@code Embedding(maskZero=true)}; or null.
     */
    public Tensor kerasMask() {
        return kerasMask;
    }

    /** Attaches a mask; used by {@link io.cornu.engine.layers.Layer} after a layer computes its output mask. */
    public void setKerasMask(Tensor mask) {
        this.kerasMask = mask;
    }

    // ---- text -------------------------------------------------------------------------------------

    /**
     * NumPy-like text, eliding the middle of large tensors:
     * {@code tensor([[1., 2.], [3., 4.]], shape=(2, 2), dtype=float32)}. Reads only the printed elements.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        appendAxis(sb, 0, offset, size() > PRINT_LIMIT, 7);
        return sb.append(", shape=").append(shape()).append(", dtype=").append(dtype).append(')').toString();
    }

    private void appendAxis(StringBuilder sb, int axis, int base, boolean elide, int indent) {
        if (shape.length == 0) {
            sb.append(format(base));
            return;
        }
        int n = shape[axis];
        String separator = axis == shape.length - 1 ? ", " : "," + "\n".repeat(shape.length - 1 - axis) + " ".repeat(indent + axis + 1);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * PRINT_EDGE && i == PRINT_EDGE) {
                sb.append("...").append(separator);
                i = n - PRINT_EDGE - 1;
                continue;
            }
            int p = base + i * strides[axis];
            if (axis == shape.length - 1) sb.append(format(p));
            else appendAxis(sb, axis + 1, p, elide, indent);
            if (i < n - 1) sb.append(separator);
        }
        sb.append(']');
    }

    private String format(int p) {
        if (data == null) return Long.toString((long) valueAt(p));
        float v = data[p];
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) return (int) v + ".";
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
