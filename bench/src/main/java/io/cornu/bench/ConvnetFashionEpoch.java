package io.cornu.bench;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.data.FashionMnist;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.conv.Conv2D;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.layers.pooling.MaxPooling2D;
import io.cornu.engine.layers.reshaping.Flatten;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.EvaluateOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.training.PredictOptions;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workload of shared/bench/reference/convnet_fashion.py on Cornu. Model "v2" (default):
 * {@code Conv2D(32, 3, relu) -> MaxPooling2D(2) -> Conv2D(64, 3, relu) -> MaxPooling2D(2) ->
 * Conv2D(128, 3, relu) -> Flatten -> Dense(10, softmax)} (104,202 parameters); "v1" has a third
 * Conv2D(64, 3) and Dense(64, relu) before the classifier (93,322). Fashion-MNIST 28x28x1 / 255,
 * categorical crossentropy, RMSprop (lr 0.001, rho 0.9, epsilon 1e-7), batch 64, shuffled, 2 epochs.
 * Prints one JSON line: the per-epoch seconds, epoch 2's seconds as {@code sec_per_epoch} (the
 * PyTorch script's measure: the median of epochs 2..), the test accuracy and the time to predict
 * the 10,000 test images at batch 1024, and as the PyTorch scripts do, {@code other_procs_cpu_cores_avg}:
 * the CPU other processes used meanwhile, in cores averaged over the run (well above 0: disturbed).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar io.cornu.bench.ConvnetFashionEpoch --threads 1</pre>
 */
public final class ConvnetFashionEpoch {
    private ConvnetFashionEpoch() {
    }

    static Sequential build(String variant) {
        Sequential m = new Sequential();
        m.add(new InputLayer(28, 28, 1));
        m.add(new Conv2D(32, 3, "relu"));
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(64, 3, "relu"));
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(variant.equals("v1") ? 64 : 128, 3, "relu"));
        m.add(new Flatten());
        if (variant.equals("v1")) m.add(new Dense(64, "relu"));
        m.add(new Dense(10, "softmax"));
        return m;
    }

    /** CPU seconds the whole machine has spent non-idle (from /proc/stat), or NaN: as the PyTorch scripts' common.py. */
    static double busyCpuSeconds() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long sum = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) sum += Long.parseLong(f[i]);
            return (sum - Long.parseLong(f[4]) - Long.parseLong(f[5])) / 100.0; // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** This process' CPU seconds. */
    static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    public static void main(String[] args) {
        double busy0 = busyCpuSeconds(), own0 = ownCpuSeconds();
        long wall0 = System.nanoTime();
        int threads = 1, epochs = 2, batch = 64;
        String variant = "v2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--model" -> variant = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --threads N, --epochs N, --batch N, --model v2|v1)");
            }
        }
        if (!variant.equals("v1") && !variant.equals("v2")) throw new IllegalArgumentException("--model v2 or v1. Received: " + variant);
        Parallelism.setThreads(threads);
        RandomSeed.set(1234);
        FashionMnist.Data d = FashionMnist.load();
        Tensor x = Ops.mul(d.xTrain().reshape(60000, 28, 28, 1), 1f / 255);
        Tensor y = Categorical.toCategorical(d.yTrain(), 10);
        Tensor xTest = Ops.mul(d.xTest().reshape(10000, 28, 28, 1), 1f / 255);
        Tensor yTest = Categorical.toCategorical(d.yTest(), 10);

        Sequential model = build(variant);
        model.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
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
        long runStart = System.nanoTime();
        var history = model.fit(x, y, new FitOptions().epochs(epochs).batchSize(batch).shuffle(true).verbose(0).callbacks(timer));
        long inferStart = System.nanoTime();
        Tensor probs = model.predict(xTest, new PredictOptions().batchSize(1024).verbose(0));
        double infer = (System.nanoTime() - inferStart) / 1e9;
        double acc = model.evaluate(xTest, yTest, new EvaluateOptions().batchSize(1024).verbose(0)).get("accuracy");
        double total = (System.nanoTime() - runStart) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9, own = ownCpuSeconds() - own0;
        double others = Math.max(0, busyCpuSeconds() - busy0 - own) / wall;

        List<Double> steady = new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()));
        steady.sort(null);
        int k = steady.size();
        double secPerEpoch = k % 2 == 1 ? steady.get(k / 2) : (steady.get(k / 2 - 1) + steady.get(k / 2)) / 2;
        StringBuilder epochsJson = new StringBuilder("[");
        for (int i = 0; i < seconds.size(); i++) epochsJson.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", seconds.get(i)));
        epochsJson.append(']');
        System.out.printf(Locale.ROOT, "{\"benchmark\": \"convnet_fashion\", \"impl\": \"cornu\", \"model\": \"%s\", \"java\": \"%s\", "
                        + "\"kernels\": \"%s\", \"threads\": %d, \"params_total\": %d, \"batch\": %d, \"epochs\": %d, \"epoch_s\": %s, "
                        + "\"sec_per_epoch\": %.3f, \"sec_per_epoch_basis\": \"%s\", \"train_samples_per_s\": %.1f, \"train_loss\": %s, "
                        + "\"train_acc\": %s, \"test_acc\": %.4f, \"test_infer_10k_b1024_s\": %.4f, \"probs_rows\": %d, \"fit_predict_evaluate_s\": %.1f, "
                        + "\"run_wall_s\": %.1f, \"run_cpu_s\": %.1f, \"other_procs_cpu_cores_avg\": %.3f}%n",
                variant, Runtime.version(), Kernels.get().name(), threads, model.countParams(), batch, epochs, epochsJson, secPerEpoch,
                seconds.size() > 1 ? "median of epochs 2.." : "epoch 1 only", 60000 / secPerEpoch, history.get("loss"),
                history.get("accuracy"), acc, infer, probs.dim(0), total, wall, own, others);
    }
}
