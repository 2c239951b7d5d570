package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Differentiable shape changes: reshape, transpose, squeeze, expand_dims, broadcast_to, slice and
 * cast. All but cast return views that copy nothing (reshape copies a non-contiguous input); the
 * gradient of a view is the output gradient read back through the inverse view, except for
 * broadcast_to and slice, whose gradients sum over the repeats and scatter into zeros.
 * Reached through {@link Ops}.
 *
 * <p>A view of a {@link Variable} would change when the variable is assigned, so views are taken
 * of a snapshot of a variable's value: results stay values, as everywhere else.
 */
final class Shaping {
    private Shaping() {
    }

    /** What a view may safely share: the tensor itself, or a snapshot of a variable. */
    static Tensor viewable(Tensor x) {
        return x instanceof Variable v ? v.value() : x;
    }

    static boolean recordable(Tensor x) {
        return GradientTape.isRecording() && x.dtype() == DType.FLOAT32;
    }

    static Tensor reshape(Tensor x, int[] shape) {
        int[] in = x.dims();
        // the same shape: a new view object (never x itself, whose tape history must stay), no copy
        Tensor out = Arrays.equals(in, shape) ? viewable(x).permute(identity(in.length)) : viewable(x).reshape(shape);
        if (recordable(x)) {
            GradientTape.record(out, "reshape", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.reshape(in)});
        }
        return out;
    }

    static int[] identity(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) p[i] = i;
        return p;
    }

    /** Reversed axes (the matrix transpose for rank 2). */
    static Tensor transpose(Tensor x) {
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return transpose(x, perm);
    }

    /** Output axis {@code i} is input axis {@code perm[i]}; an empty {@code perm} reverses the axes. */
    static Tensor transpose(Tensor x, int[] perm) {
        if (perm.length == 0 && x.rank() > 0) return transpose(x);
        Tensor out = viewable(x).permute(perm);
        if (recordable(x)) {
            int[] inverse = new int[perm.length];
            for (int i = 0; i < perm.length; i++) inverse[perm[i] < 0 ? perm[i] + perm.length : perm[i]] = i;
            GradientTape.record(out, "transpose", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.permute(inverse)});
        }
        return out;
    }

    /** Without the given size-1 axes, or without every size-1 axis when none are given. */
    static Tensor squeeze(Tensor x, int[] axes) {
        Tensor out = viewable(x).squeeze(axes);
        if (recordable(x)) {
            int[] in = x.dims();
            GradientTape.record(out, "squeeze", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.reshape(in)});
        }
        return out;
    }

    /** A size-1 axis inserted at {@code axis} (negative counts from the end of the result). */
    static Tensor expandDims(Tensor x, int axis) {
        Tensor out = viewable(x).expandDims(axis);
        if (recordable(x)) {
            int[] in = x.dims();
            GradientTape.record(out, "expand_dims", new Tensor[] {x}, (g, needed) -> new Tensor[] {g.reshape(in)});
        }
        return out;
    }

    /** {@code x} repeated along size-1 and new leading axes; the tape sums the gradient back. */
    static Tensor broadcastTo(Tensor x, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("broadcast_to: negative dimension in target shape. Received: shape=" + Arrays.toString(shape));
            }
        }
        Tensor out = viewable(x).broadcastTo(shape);
        if (recordable(x)) {
            // the output gradient has the broadcast shape; GradientTape sums it down to x's shape
            GradientTape.record(out, "broadcast_to", new Tensor[] {x}, (g, needed) -> new Tensor[] {g});
        }
        return out;
    }

    /**
     * The block of {@code size} elements from {@code start} on every axis, as Keras' {@code ops.slice}
     * (a size of -1 takes everything from {@code start} to the end, as {@code tf.slice}).
     */
    static Tensor slice(Tensor x, int[] start, int[] size) {
        int[] dims = x.dims();
        if (start.length != dims.length || size.length != dims.length) {
            throw new IllegalArgumentException("slice: expected start and size of length " + dims.length + " for a tensor of shape "
                    + x.shape() + ". Received: start=" + Arrays.toString(start) + ", size=" + Arrays.toString(size));
        }
        int[] sz = size.clone();
        Tensor out = viewable(x);
        for (int a = 0; a < dims.length; a++) {
            if (sz[a] == -1) sz[a] = dims[a] - start[a];
            if (start[a] < 0 || sz[a] < 0 || (long) start[a] + sz[a] > dims[a]) {
                throw new IllegalArgumentException("slice: start " + Arrays.toString(start) + " and size " + Arrays.toString(size)
                        + " are out of range for shape " + x.shape() + " on axis " + a);
            }
            out = out.slice(a, start[a], start[a] + sz[a]);
        }
        if (recordable(x)) {
            int[] from = start.clone();
            GradientTape.record(out, "slice", new Tensor[] {x}, (g, needed) -> new Tensor[] {scatterIntoZeros(g, dims, from)});
        }
        return out;
    }

    /** Indices {@code [from, to)} along one axis (the pieces of split). */
    static Tensor sliceAxis(Tensor x, int axis, int from, int to) {
        int a = axis < 0 ? axis + x.rank() : axis;
        int[] start = new int[x.rank()];
        int[] size = x.dims();
        start[a] = from;
        size[a] = to - from;
        return slice(x, start, size);
    }

    /** Zeros of shape {@code dims} with {@code g} written at {@code start}: the gradient of a slice. */
    static Tensor scatterIntoZeros(Tensor g, int[] dims, int[] start) {
        Tensor dx = Tensor.zeros(dims);
        Tensor region = dx;
        int[] gd = g.dims();
        for (int a = 0; a < dims.length; a++) region = region.slice(a, start[a], start[a] + gd[a]);
        StridedCopy.copyInto(g, region);
        return dx;
    }

    /**
     * {@code x} converted to {@code dtype}. The identity (and its gradient) for the same dtype;
     * casts involving integers are not differentiable and record nothing.
     */
    static Tensor cast(Tensor x, DType dtype) {
        if (dtype == null) throw new IllegalArgumentException("cast: dtype must not be null. Received: dtype=null");
        if (x.dtype() == dtype) return x;
        return x.cast(dtype);
    }
}
