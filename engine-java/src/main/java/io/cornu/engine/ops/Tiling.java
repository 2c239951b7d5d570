package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * Repetition: {@code tile} (the whole tensor repeated along each axis) and {@code repeat} (each
 * element repeated along one axis). Reached through {@link Ops}.
 *
 * <p>Both are one {@link StridedCopy} from a stride-0 view of the input onto the output seen with
 * an extra axis per repetition: {@code tile} writes {@code x} read as {@code (r0, d0, r1, d1, ...)}
 * and {@code repeat} writes it read as {@code (..., d, r, ...)}. Their gradients reshape the output
 * gradient the same way and sum over the repetition axes.
 */
final class Tiling {
    private Tiling() {
    }

    /**
     * {@code x} repeated {@code reps[i]} times along axis {@code i}, as NumPy's {@code tile}: when
     * {@code reps} is longer than the rank, {@code x} gains leading axes of size 1; when shorter,
     * {@code reps} gains leading 1s.
     */
    static Tensor tile(Tensor x, int[] reps) {
        for (int rp : reps) {
            if (rp < 0) throw new IllegalArgumentException("tile: repetitions must be non-negative. Received: repeats=" + Arrays.toString(reps)
                    + " for a tensor of shape " + x.shape());
        }
        int r = Math.max(x.rank(), reps.length);
        Tensor src = x;
        while (src.rank() < r) src = src.expandDims(0);
        int[] xd = src.dims();
        int[] rp = new int[r];
        Arrays.fill(rp, 1);
        System.arraycopy(reps, 0, rp, r - reps.length, reps.length);
        int[] inter = new int[2 * r], outDims = new int[r];
        for (int i = 0; i < r; i++) {
            inter[2 * i] = rp[i];
            inter[2 * i + 1] = xd[i];
            long n = (long) rp[i] * xd[i];
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tile: result too large along axis " + i);
            outDims[i] = (int) n;
        }
        for (int i = 0; i < r; i++) src = src.expandDims(2 * i);
        Tensor out = Tensor.zeros(x.dtype(), outDims);
        StridedCopy.copyInto(src.broadcastTo(inter), out.reshape(inter));
        if (Shaping.recordable(x)) {
            int[] in = x.dims();
            int[] repAxes = new int[r];
            for (int i = 0; i < r; i++) repAxes[i] = 2 * i;
            GradientTape.record(out, "tile", new Tensor[] {x}, (g, needed) -> new Tensor[] {
                    Ops.sum(g.reshape(inter), repAxes, false).reshape(in)});
        }
        return out;
    }

    /** Each element of {@code x} repeated {@code repeats} times along {@code axis}. */
    static Tensor repeat(Tensor x, int repeats, int axis) {
        int a = Joining.checkAxis("repeat", x, axis);
        if (repeats < 0) throw new IllegalArgumentException("repeat: repeats must be non-negative. Received: repeats=" + repeats);
        int[] dims = x.dims();
        int[] expanded = new int[dims.length + 1];
        System.arraycopy(dims, 0, expanded, 0, a + 1);
        expanded[a + 1] = repeats;
        System.arraycopy(dims, a + 1, expanded, a + 2, dims.length - a - 1);
        int[] outDims = dims.clone();
        long n = (long) dims[a] * repeats;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("repeat: result too large along axis " + axis);
        outDims[a] = (int) n;
        Tensor out = Tensor.zeros(x.dtype(), outDims);
        StridedCopy.copyInto(x.expandDims(a + 1).broadcastTo(expanded), out.reshape(expanded));
        if (Shaping.recordable(x)) {
            GradientTape.record(out, "repeat", new Tensor[] {x}, (g, needed) -> new Tensor[] {
                    Ops.sum(g.reshape(expanded), new int[] {a + 1}, false)});
        }
        return out;
    }

    /**
     * Element {@code i} of {@code x} along {@code axis} repeated {@code repeats[i]} times (a single
     * count applies to every element). A gather, so its gradient sums the copies.
     */
    static Tensor repeat(Tensor x, int[] repeats, int axis) {
        int a = Joining.checkAxis("repeat", x, axis);
        int d = x.dim(a);
        if (repeats.length == 1) return repeat(x, repeats[0], axis);
        if (repeats.length != d) {
            throw new IllegalArgumentException("repeat: expected one count per element along axis " + axis + " (" + d
                    + ") of shape " + x.shape() + ". Received: repeats=" + Arrays.toString(repeats));
        }
        long total = 0;
        for (int rp : repeats) {
            if (rp < 0) throw new IllegalArgumentException("repeat: repeats must be non-negative. Received: repeats=" + Arrays.toString(repeats));
            total += rp;
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("repeat: result too large along axis " + axis);
        int[] idx = new int[(int) total];
        for (int i = 0, p = 0; i < d; i++) for (int j = 0; j < repeats[i]; j++) idx[p++] = i;
        return Indexing.take(x, Tensor.wrap(idx, idx.length), a);
    }

    /** {@code x} flattened, then each element repeated: Keras' {@code repeat} without an axis. */
    static Tensor repeat(Tensor x, int repeats) {
        return repeat(Shaping.reshape(x, new int[] {-1}), repeats, 0);
    }
}
