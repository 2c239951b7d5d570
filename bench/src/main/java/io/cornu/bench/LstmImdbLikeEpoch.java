package io.cornu.bench;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.core.Embedding;
import io.cornu.engine.layers.rnn.LSTM;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.training.PredictOptions;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workload of shared/bench/reference/lstm_imdb_like.py on Cornu: {@code Embedding(10000, 32)
 * -> LSTM(32) -> Dense(1, sigmoid)} (328,353 parameters), binary crossentropy, RMSprop
 * (lr 0.001, rho 0.9, epsilon 1e-7), batch 128, shuffled, one epoch over 25,000 synthetic sequences
 * of length 500 generated with the README's SplitMix64 rule (seed 1); a held-out set of 5,000
 * (seed 2) gives a test accuracy and the inference time at batch 1024. Prints one JSON line.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar io.cornu.bench.LstmImdbLikeEpoch --threads 1</pre>
 */
public final class LstmImdbLikeEpoch {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;

    private LstmImdbLikeEpoch() {
    }

    /** SplitMix64 as a counter-based generator: {@code r(i) = mix64(seed + (i + 1) * golden)}. */
    static long r(long seed, long i) {
        long z = seed + (i + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * M1;
        z = (z ^ (z >>> 27)) * M2;
        return z ^ (z >>> 31);
    }

    /** Tokens {@code (n, length)} as int32 and labels {@code (n, 1)}, by the README's rule. */
    static Tensor[] makeData(long seed, int n, int length) {
        int vocab = 10000, plants = 10;
        int[] tokens = new int[n * length];
        for (int i = 0; i < n * length; i++) tokens[i] = (int) (1 + Long.remainderUnsigned(r(seed, i) >>> 33, vocab - 1));
        float[] labels = new float[n];
        long nl = (long) n * length;
        for (int s = 0; s < n; s++) {
            boolean planted = (r(seed, nl + s) >>> 63) == 1;
            for (int j = 0; j < plants; j++) {
                int pos = (int) Long.remainderUnsigned(r(seed, nl + n + (long) s * plants + j) >>> 33, length);
                tokens[s * length + pos] = planted ? 7 : 8;
            }
            int sevens = 0, eights = 0;
            for (int t = 0; t < length; t++) {
                int v = tokens[s * length + t];
                if (v == 7) sevens++;
                else if (v == 8) eights++;
            }
            labels[s] = sevens > eights ? 1f : 0f;
        }
        return new Tensor[] {Tensor.wrap(tokens, n, length), Tensor.wrap(labels, n, 1)};
    }

    public static void main(String[] args) {
        int threads = 1, epochs = 1, samples = 25000, testSamples = 5000, length = 500, batch = 128;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--test-samples" -> testSamples = Integer.parseInt(args[++i]);
                case "--length" -> length = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --threads N, --epochs N, --samples N, --test-samples N, --length N, --batch N)");
            }
        }
        if (r(0, 0) != 0xE220A8397B1DCDAFL) throw new IllegalStateException("SplitMix64 check failed");
        Parallelism.setThreads(threads);
        RandomSeed.set(1234);
        long t0 = System.nanoTime();
        Tensor[] train = makeData(1, samples, length);
        Tensor[] test = makeData(2, testSamples, length);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        double labelMean = 0;
        for (float v : train[1].toFloatArray()) labelMean += v;
        labelMean /= samples;

        Sequential model = new Sequential();
        model.add(new InputLayer(length));
        model.add(new Embedding(10000, 32));
        model.add(new LSTM(32));
        model.add(new Dense(1, "sigmoid"));
        model.compile("rmsprop", "binary_crossentropy", List.of("accuracy"));
        List<Double> seconds = new ArrayList<>();
        Callback timer = new Callback() {
            long start;

            @Override
            public void onEpochBegin(int epoch, Map<String, Double> logs) {
                start = System.nanoTime();
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                seconds.add((System.nanoTime() - start) / 1e9);
                System.err.printf(Locale.ROOT, "epoch %d: %.3f s %s%n", epoch + 1, seconds.get(seconds.size() - 1), logs);
            }
        };
        var history = model.fit(train[0], train[1], new FitOptions().epochs(epochs).batchSize(batch).verbose(0).callbacks(timer));
        model.predict(test[0].sliceRows(0, Math.min(1024, testSamples)), new PredictOptions().batchSize(1024).verbose(0)); // warm the inference path once
        long t1 = System.nanoTime();
        Tensor p = model.predict(test[0], new PredictOptions().batchSize(1024).verbose(0));
        double inferSeconds = (System.nanoTime() - t1) / 1e9;
        float[] pd = p.toFloatArray(), yd = test[1].toFloatArray();
        int correct = 0;
        for (int i = 0; i < pd.length; i++) if ((pd[i] > 0.5f ? 1f : 0f) == yd[i]) correct++;
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder epochsJson = new StringBuilder("[");
        for (int i = 0; i < seconds.size(); i++) epochsJson.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", seconds.get(i)));
        epochsJson.append(']');
        System.out.printf(Locale.ROOT, "{\"benchmark\": \"lstm_imdb_like\", \"impl\": \"cornu\", \"java\": \"%s\", \"kernels\": \"%s\", \"threads\": %d, "
                        + "\"params\": %d, \"samples\": %d, \"seq_len\": %d, \"batch\": %d, \"label_balance_train\": %.4f, \"data_gen_s\": %.3f, "
                        + "\"epoch_s\": %s, \"sec_per_epoch\": %.3f, \"train_samples_per_s\": %.1f, \"train_loss\": %s, \"train_acc\": %s, "
                        + "\"test_samples\": %d, \"test_acc\": %.4f, \"test_infer_b1024_s\": %.3f}%n",
                Runtime.version(), Kernels.get().name(), threads, model.countParams(), samples, length, batch, labelMean, genSeconds,
                epochsJson, median, samples / median, history.get("loss"), history.get("accuracy"),
                testSamples, correct / (double) testSamples, inferSeconds);
    }
}
