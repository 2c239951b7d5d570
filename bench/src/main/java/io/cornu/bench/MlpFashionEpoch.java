package io.cornu.bench;

import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.data.FashionMnist;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.EvaluateOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.Categorical;
import io.cornu.engine.utils.RandomSeed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workload of shared/bench/reference/mlp_fashion.py on Cornu: Dense(512, relu) then
 * Dense(10, softmax) on Fashion-MNIST, RMSprop, batch 128, shuffled, 5 epochs. Prints one JSON line
 * with the per-epoch seconds, their median over epochs 2..5, and the test accuracy.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar io.cornu.bench.MlpFashionEpoch --threads 1</pre>
 */
public final class MlpFashionEpoch {
    private MlpFashionEpoch() {
    }

    public static void main(String[] args) {
        int threads = 1, epochs = 5;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else if (args[i].equals("--epochs")) epochs = Integer.parseInt(args[++i]);
            else throw new IllegalArgumentException("unknown argument " + args[i] + " (expected --threads N, --epochs N)");
        }
        Parallelism.setThreads(threads);
        RandomSeed.set(1234);
        FashionMnist.Data d = FashionMnist.load();
        Tensor x = Ops.mul(d.xTrain().reshape(60000, 784), 1f / 255);
        Tensor y = Categorical.toCategorical(d.yTrain(), 10);
        Tensor xTest = Ops.mul(d.xTest().reshape(10000, 784), 1f / 255);
        Tensor yTest = Categorical.toCategorical(d.yTest(), 10);

        Sequential model = new Sequential();
        model.add(new InputLayer(784));
        model.add(new Dense(512, "relu"));
        model.add(new Dense(10, "softmax"));
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
        var history = model.fit(x, y, new FitOptions().epochs(epochs).batchSize(128).verbose(0).callbacks(timer));
        double acc = model.evaluate(xTest, yTest, new EvaluateOptions().batchSize(1024).verbose(0)).get("accuracy");
        List<Double> tail = new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()));
        tail.sort(null);
        double median = tail.size() % 2 == 1 ? tail.get(tail.size() / 2) : (tail.get(tail.size() / 2 - 1) + tail.get(tail.size() / 2)) / 2;
        StringBuilder epochsJson = new StringBuilder("[");
        for (int i = 0; i < seconds.size(); i++) epochsJson.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", seconds.get(i)));
        epochsJson.append(']');
        System.out.printf(Locale.ROOT, "{\"benchmark\": \"mlp_fashion\", \"impl\": \"cornu\", \"java\": \"%s\", \"kernels\": \"%s\", \"threads\": %d, "
                        + "\"epoch_s\": %s, \"sec_per_epoch_median_2plus\": %.3f, \"train_loss\": %s, \"test_acc\": %.4f}%n",
                Runtime.version(), Kernels.get().name(), threads, epochsJson, median, history.get("loss"), acc);
    }
}
