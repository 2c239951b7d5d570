package io.cornu.engine.tensor;

import io.cornu.engine.autodiff.GradNode;

import java.util.Arrays;

/**
 * An N-dimensional float32 array: a shared {@code float[]} buffer read through a shape, strides and
 * an offset, so reshapes of contiguous tensors and transposes are views that copy nothing.
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

    final float[] data;
    final int[] shape;
    final int[] strides;
    final int offset;

    /** How this tensor was computed, when a gradient tape recorded it; otherwise null. */
    private GradNode gradNode;

    protected Tensor(float[] data, int[] shape, int[] strides, int offset) {
        this.data = data;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ---- creation -------------------------------------------------------------------------

    /** A tensor over {@code data} (not copied) with the given row-major shape. */
    public static Tensor wrap(float[] data, int... shape) {
        long n = checkShape(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("Tensor: data of length " + data.length
                    + " does not fit shape " + Shape.of(shape) + " (" + n + " elements)");
        }
        return new Tensor(data, shape.clone(), contiguousStrides(shape), 0);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[(int) checkShape(shape)], shape.clone(), contiguousStrides(shape), 0);
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
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    public DType dtype() {
        return DType.FLOAT32;
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

    // ---- raw access for ops and kernels ---------------------------------------------------

    /** The backing buffer. Only meaningful together with {@link #offset()} and the strides. */
    public float[] buffer() {
        return data;
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
        return wrap(toFloatArray(), shape);
    }

    /** The elements in row-major order, as a new array. */
    public float[] toFloatArray() {
        int n = size();
        float[] out = new float[n];
        if (isContiguous()) {
            System.arraycopy(data, offset, out, 0, n);
            return out;
        }
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int p = offset;
            for (int a = 0; a < shape.length; a++) p += idx[a] * strides[a];
            out[i] = data[p];
            for (int a = shape.length - 1; a >= 0; a--) {
                if (++idx[a] < shape[a]) break;
                idx[a] = 0;
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

    public float get(int... index) {
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
        return data[p];
    }

    /** The single value of a tensor with one element. */
    public float item() {
        if (size() != 1) throw new IllegalStateException("item: tensor of shape " + shape() + " has " + size() + " elements, not 1");
        return data[offset];
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
        return new Tensor(src.data, s, contiguousStrides(s), src.offset);
    }

    /** The transpose of a rank-2 tensor, as a view. */
    public Tensor transpose() {
        if (shape.length != 2) throw new IllegalArgumentException("transpose: expected rank 2, got shape " + shape());
        return new Tensor(data, new int[] {shape[1], shape[0]}, new int[] {strides[1], strides[0]}, offset);
    }

    /** Rows {@code [from, to)} along axis 0, as a view. */
    public Tensor sliceRows(int from, int to) {
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("sliceRows: [" + from + ", " + to + ") out of range for shape " + shape());
        }
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(data, s, strides.clone(), offset + from * strides[0]);
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

    // ---- text -------------------------------------------------------------------------------------

    /** NumPy-like text, eliding the middle of large tensors: {@code tensor([[1, 2], [3, 4]], shape=(2, 2))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        float[] flat = toFloatArray();
        boolean elide = flat.length > PRINT_LIMIT;
        appendAxis(sb, flat, 0, 0, elide, 7);
        return sb.append(", shape=").append(shape()).append(", dtype=").append(dtype()).append(')').toString();
    }

    private void appendAxis(StringBuilder sb, float[] flat, int axis, int base, boolean elide, int indent) {
        if (shape.length == 0) {
            sb.append(format(flat[0]));
            return;
        }
        int n = shape[axis];
        int step = 1;
        for (int a = axis + 1; a < shape.length; a++) step *= shape[a];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * PRINT_EDGE && i == PRINT_EDGE) {
                sb.append("...");
                i = n - PRINT_EDGE - 1;
                sb.append(axis == shape.length - 1 ? ", " : ",\n" + " ".repeat(indent + axis + 1));
                continue;
            }
            if (axis == shape.length - 1) {
                sb.append(format(flat[base + i]));
            } else {
                appendAxis(sb, flat, axis + 1, base + i * step, elide, indent);
            }
            if (i < n - 1) sb.append(axis == shape.length - 1 ? ", " : ",\n" + " ".repeat(indent + axis + 1));
        }
        sb.append(']');
    }

    private static String format(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) return Integer.toString((int) v) + ".";
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
