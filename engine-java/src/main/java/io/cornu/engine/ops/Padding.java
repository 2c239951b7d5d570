package io.cornu.engine.ops;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;

/**
 * Padding, as Keras' {@code ops.pad(x, pad_width, mode, constant_values)}. Reached through
 * {@link Ops}.
 *
 * <p>{@code "constant"} copies {@code x} into the interior of a filled output (one
 * {@link StridedCopy}); its gradient is the interior of the output gradient, a view. The other
 * modes ({@code "reflect"}, {@code "symmetric"}, {@code "edge"}) read each padded axis through an
 * index array, i.e. they are {@code take}s, whose gradient adds border copies back onto their
 * sources.
 */
final class Padding {
    private Padding() {
    }

    /**
     * {@code x} with {@code padWidth[i] = {before, after}} elements added on axis {@code i}; a single
     * pair applies to every axis.
     */
    static Tensor pad(Tensor x, int[][] padWidth, String mode, float constantValue) {
        int r = x.rank();
        int[][] pw = widths(x, padWidth);
        String m = mode == null ? "constant" : mode.toLowerCase(Locale.ROOT);
        switch (m) {
            case "constant":
                return constant(x, pw, constantValue);
            case "reflect":
            case "symmetric":
            case "edge":
                Tensor out = x;
                for (int a = 0; a < r; a++) {
                    if (pw[a][0] == 0 && pw[a][1] == 0) continue;
                    out = Indexing.take(out, Tensor.wrap(indices(m, x, a, pw[a]), x.dim(a) + pw[a][0] + pw[a][1]), a);
                }
                return out == x ? Shaping.reshape(x, x.dims()) : out;
            default:
                throw new IllegalArgumentException("pad: unknown mode \"" + mode
                        + "\". Expected one of \"constant\", \"reflect\", \"symmetric\", \"edge\"");
        }
    }

    private static int[][] widths(Tensor x, int[][] padWidth) {
        int r = x.rank();
        if (padWidth == null || (padWidth.length != r && padWidth.length != 1)) {
            throw new IllegalArgumentException("pad: expected pad_width with one [before, after] pair per axis (" + r
                    + ") or a single pair, for a tensor of shape " + x.shape() + ". Received: pad_width=" + Arrays.deepToString(padWidth));
        }
        int[][] pw = new int[r][];
        for (int a = 0; a < r; a++) {
            int[] p = padWidth[padWidth.length == 1 ? 0 : a];
            if (p == null || p.length != 2 || p[0] < 0 || p[1] < 0) {
                throw new IllegalArgumentException("pad: each pad_width entry must be a pair of non-negative sizes [before, after]. Received: pad_width="
                        + Arrays.deepToString(padWidth) + " for a tensor of shape " + x.shape());
            }
            pw[a] = p.clone();
        }
        return pw;
    }

    private static Tensor constant(Tensor x, int[][] pw, float value) {
        int[] dims = x.dims(), outDims = new int[dims.length], start = new int[dims.length];
        for (int a = 0; a < dims.length; a++) {
            long n = (long) dims[a] + pw[a][0] + pw[a][1];
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("pad: result too large along axis " + a);
            outDims[a] = (int) n;
            start[a] = pw[a][0];
        }
        Tensor out = StridedCopy.full(x.dtype(), value, outDims);
        Tensor interior = out;
        for (int a = 0; a < dims.length; a++) interior = interior.slice(a, start[a], start[a] + dims[a]);
        StridedCopy.copyInto(x, interior);
        if (Shaping.recordable(x)) {
            GradientTape.record(out, "pad", new Tensor[] {x}, (g, needed) -> {
                Tensor gi = g;
                for (int a = 0; a < dims.length; a++) gi = gi.slice(a, start[a], start[a] + dims[a]);
                return new Tensor[] {gi};
            });
        }
        return out;
    }

    /** Source index of each position of the padded axis {@code a}. */
    private static int[] indices(String mode, Tensor x, int a, int[] p) {
        int d = x.dim(a);
        int limit = mode.equals("reflect") ? d - 1 : d;
        if (mode.equals("edge") ? d == 0 : Math.max(p[0], p[1]) > limit) {
            throw new IllegalArgumentException("pad: " + mode + " padding of " + Arrays.toString(p) + " on axis " + a
                    + " of size " + d + " (shape " + x.shape() + ") needs " + (mode.equals("edge") ? "a non-empty axis"
                    : "pads of at most " + limit));
        }
        int[] idx = new int[d + p[0] + p[1]];
        for (int i = 0; i < idx.length; i++) {
            int j = i - p[0];
            if (j < 0) {
                j = switch (mode) {
                    case "reflect" -> -j;
                    case "symmetric" -> -j - 1;
                    default -> 0;
                };
            } else if (j >= d) {
                int over = j - d; // 0 for the first position after the end
                j = switch (mode) {
                    case "reflect" -> d - 2 - over;
                    case "symmetric" -> d - 1 - over;
                    default -> d - 1;
                };
            }
            idx[i] = j;
        }
        return idx;
    }
}
