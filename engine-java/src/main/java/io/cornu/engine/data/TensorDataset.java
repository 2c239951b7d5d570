package io.cornu.engine.data;

import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.Batch;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** In-memory tensors served as batches; see {@link Dataset#of}. Each pass reshuffles when asked. */
public final class TensorDataset implements Dataset {
    private final List<Tensor> x;
    private final List<Tensor> y;
    private final Tensor sampleWeight;
    private final int batchSize;
    private final boolean shuffle;
    private final SplittableRandom random;
    private final int n;

    TensorDataset(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize, boolean shuffle) {
        if (x.isEmpty()) throw new IllegalArgumentException("Dataset: at least one input array is required");
        if (batchSize <= 0) throw new IllegalArgumentException("Dataset: batch_size must be positive. Received: batch_size=" + batchSize);
        this.n = x.get(0).rank() == 0 ? 0 : x.get(0).dim(0);
        List<Tensor> all = new ArrayList<>(x);
        all.addAll(y);
        if (sampleWeight != null) all.add(sampleWeight);
        for (Tensor t : all) {
            if (t.rank() == 0 || t.dim(0) != n) {
                List<String> shapes = all.stream().map(a -> a.shape().toString()).toList();
                throw new IllegalArgumentException("Data cardinality is ambiguous: all arrays must have the same number of samples (first dimension). Received shapes: " + shapes);
            }
        }
        this.x = List.copyOf(x);
        this.y = List.copyOf(y);
        this.sampleWeight = sampleWeight;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = RandomSeed.next();
    }

    /** The number of samples. */
    public int samples() {
        return n;
    }

    @Override
    public int cardinality() {
        return (n + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (shuffle) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from < n;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int to = Math.min(n, from + batchSize);
                Batch b = new Batch(gather(x, order, from, to, shuffle), gather(y, order, from, to, shuffle),
                        sampleWeight == null ? null : gather(List.of(sampleWeight), order, from, to, shuffle).get(0));
                from = to;
                return b;
            }
        };
    }

    private static List<Tensor> gather(List<Tensor> ts, int[] order, int from, int to, boolean shuffled) {
        List<Tensor> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) out.add(shuffled ? gatherRows(t, order, from, to) : t.sliceRows(from, to));
        return out;
    }

    /** Rows {@code order[from..to)} of {@code t} copied into a new contiguous batch (any dtype). */
    static Tensor gatherRows(Tensor t, int[] order, int from, int to) {
        Tensor src = t.contiguous();
        int[] dims = src.dims();
        int row = dims[0] == 0 ? 0 : src.size() / dims[0];
        dims[0] = to - from;
        int off = src.offset();
        switch (src.dtype()) {
            case FLOAT32 -> {
                float[] s = src.buffer(), o = new float[dims[0] * row];
                for (int i = from; i < to; i++) System.arraycopy(s, off + order[i] * row, o, (i - from) * row, row);
                return Tensor.wrap(o, dims);
            }
            case INT32 -> {
                int[] s = src.intBuffer(), o = new int[dims[0] * row];
                for (int i = from; i < to; i++) System.arraycopy(s, off + order[i] * row, o, (i - from) * row, row);
                return Tensor.wrap(o, dims);
            }
            default -> {
                long[] s = src.longBuffer(), o = new long[dims[0] * row];
                for (int i = from; i < to; i++) System.arraycopy(s, off + order[i] * row, o, (i - from) * row, row);
                return Tensor.wrap(o, dims);
            }
        }
    }
}
