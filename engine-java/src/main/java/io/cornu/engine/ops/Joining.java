package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joining and splitting along an axis: {@code concatenate}, {@code stack}, {@code split}.
 * Reached through {@link Ops}.
 *
 * <p>Concatenation copies each input with {@link StridedCopy}: for contiguous inputs that is one
 * {@link System#arraycopy} per input per index of the axes before {@code axis}. Its gradient is the
 * output gradient sliced back into pieces (views). The pieces of a split are views; each piece's
 * gradient is written into zeros of the input's shape.
 */
final class Joining {
    private Joining() {
    }

    /** The tensors joined along {@code axis}; all other dimensions must match. */
    static Tensor concatenate(List<Tensor> xs, int axis) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException("concatenate: expected at least one tensor. Received: an empty list");
        }
        Tensor first = xs.get(0);
        int rank = first.rank();
        DType dtype = first.dtype();
        if (rank == 0) {
            throw new IllegalArgumentException("concatenate: cannot concatenate scalars (shape ()). Use stack instead");
        }
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("concatenate: axis " + axis + " is out of bounds for inputs of rank " + rank
                    + " (shape " + first.shape() + ")");
        }
        int[] outDims = first.dims();
        outDims[a] = 0;
        for (Tensor x : xs) {
            if (x.rank() != rank) {
                throw new IllegalArgumentException("concatenate: all inputs must have the same rank. Received: shapes "
                        + first.shape() + " and " + x.shape());
            }
            if (x.dtype() != dtype) {
                throw new IllegalArgumentException("concatenate: all inputs must have the same dtype. Received: dtypes "
                        + dtype + " and " + x.dtype() + " (shapes " + first.shape() + " and " + x.shape() + ")");
            }
            for (int i = 0; i < rank; i++) {
                if (i != a && x.dim(i) != first.dim(i)) {
                    throw new IllegalArgumentException("concatenate: all input shapes must match except on axis " + a
                            + ". Received: shapes " + first.shape() + " and " + x.shape());
                }
            }
            if ((long) outDims[a] + x.dim(a) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("concatenate: the result is too large along axis " + axis);
            }
            outDims[a] += x.dim(a);
        }
        Tensor out = Tensor.zeros(dtype, outDims);
        int[] starts = new int[xs.size()];
        int at = 0;
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            starts[i] = at;
            StridedCopy.copyInto(x, out.slice(a, at, at + x.dim(a)));
            at += x.dim(a);
        }
        if (GradientTape.isRecording() && dtype == DType.FLOAT32) {
            Tensor[] inputs = xs.toArray(new Tensor[0]);
            GradientTape.record(out, "concatenate", inputs, (g, needed) -> {
                Tensor[] grads = new Tensor[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    if (needed[i]) grads[i] = g.slice(a, starts[i], starts[i] + inputs[i].dim(a));
                }
                return grads;
            });
        }
        return out;
    }

    /** The tensors, all of one shape, joined along a new axis {@code axis}. */
    static Tensor stack(List<Tensor> xs, int axis) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException("stack: expected at least one tensor. Received: an empty list");
        }
        Tensor first = xs.get(0);
        int r = first.rank() + 1;
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of bounds for a result of rank " + r
                    + " (inputs of shape " + first.shape() + ")");
        }
        List<Tensor> expanded = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            if (!Arrays.equals(x.dims(), first.dims())) {
                throw new IllegalArgumentException("stack: all input shapes must be equal. Received: shapes "
                        + first.shape() + " and " + x.shape());
            }
            expanded.add(Shaping.expandDims(x, a));
        }
        return concatenate(expanded, a);
    }

    /** {@code x} split along {@code axis} into {@code sections} equal pieces. */
    static List<Tensor> split(Tensor x, int sections, int axis) {
        int a = checkAxis("split", x, axis);
        int d = x.dim(a);
        if (sections <= 0) throw new IllegalArgumentException("split: expected sections > 0. Received: sections=" + sections);
        if (d % sections != 0) {
            throw new IllegalArgumentException("split: axis " + axis + " of size " + d + " (shape " + x.shape()
                    + ") does not split into " + sections + " equal sections");
        }
        int[] indices = new int[sections - 1];
        for (int i = 1; i < sections; i++) indices[i - 1] = i * (d / sections);
        return split(x, indices, axis);
    }

    /**
     * {@code x} split along {@code axis} before each of the increasing {@code indices}, as NumPy's
     * {@code split(x, [2, 5])}: pieces {@code [0, 2)}, {@code [2, 5)}, {@code [5, end)}.
     */
    static List<Tensor> split(Tensor x, int[] indices, int axis) {
        int a = checkAxis("split", x, axis);
        int d = x.dim(a);
        List<Tensor> out = new ArrayList<>(indices.length + 1);
        int from = 0;
        for (int i = 0; i <= indices.length; i++) {
            int to = i < indices.length ? indices[i] : d;
            if (to < from || to > d) {
                throw new IllegalArgumentException("split: indices must be increasing and within [0, " + d + "] for axis "
                        + axis + " of shape " + x.shape() + ". Received: indices=" + Arrays.toString(indices));
            }
            out.add(Shaping.sliceAxis(x, a, from, to));
            from = to;
        }
        return out;
    }

    static int checkAxis(String op, Tensor x, int axis) {
        int a = axis < 0 ? axis + x.rank() : axis;
        if (a < 0 || a >= x.rank()) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a tensor of shape " + x.shape());
        }
        return a;
    }
}
