package io.cornu.engine.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.callbacks.Callback;
import io.cornu.engine.callbacks.History;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.data.FashionMnist;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.optimizers.RMSprop;
import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chapter-2 Fashion-MNIST MLP (Dense(512, relu) -> Dense(10, softmax), RMSprop, batch 128,
 * 5 epochs) trained by Cornu's Keras API next to its PyTorch twin, from the same initial weights on
 * the same batches: {@code fixtures/training/mlp_twin.json}, written by
 * {@code scripts/fixtures/gen_mlp_twin.py} (see {@link TwinRandom} for the shared rule).
 *
 * <p>Two optimizers, compared each with its own torch run: Cornu's {@link RMSprop} (Keras' formula,
 * {@code g / sqrt(v + eps)}) against the same formula written out in torch, and {@link TorchRMSprop}
 * below ({@code g / (sqrt(v) + eps)}) against {@code torch.optim.RMSprop}, the optimizer of the
 * reference benchmark {@code shared/bench/reference/mlp_fashion.py}.
 *
 * <p>Each run is checked on the loss of its first steps (the same math gives the same numbers),
 * its mean training loss and its final test accuracy (rounding differences grow until the two runs
 * are different trajectories; these stay close): see the tolerances below for the numbers behind them.
 *
 * <p>By default seed 2 of the fixture runs (two 5-epoch trainings, ~15-30 s each on 2 cores);
 * {@code -Dcornu.mlpTwin.seeds=all} (or {@code =1,3}) runs the fixture's other seeds, and
 * {@code -Dcornu.mlpTwin.fixture=FILE} reads another fixture (the generator's {@code --out}). Needs
 * Debian's {@code dataset-fashion-mnist} (or {@code -Dcornu.fashionMnist.dir}), as
 * {@link MlpFashionMnistTest}.
 */
class MlpTwinTest {
    private static final int N = 60000, INPUTS = 784, HIDDEN = 512, CLASSES = 10, BATCH = 128, EPOCHS = 5;
    /** Counters of the rule: kernel 1, kernel 2, then 59,999 per epoch for the shuffles. */
    private static final long KERNEL2_FIRST = (long) INPUTS * HIDDEN;
    private static final long PERMUTATION_FIRST = KERNEL2_FIRST + (long) HIDDEN * CLASSES;

    /**
     * Loss of each of the first 10 steps, relative. Same weights, same batches, both float32: the
     * torch float32 run stays within 5e-6 of its float64 twin over the 30 recorded steps, and so does
     * Cornu until a ReLU input lands within float32 rounding of 0 and takes the other side in one of
     * the two runs (seed 1, Keras formula: unit 499 of one sample at step 4, pre-activation 6e-8 in
     * float64): that unit's update then differs, and the losses part by 2.5e-5 one step later, at most
     * 7e-5 by step 10 and 1e-2 by step 18. 1e-3 over 10 steps leaves 15x for such a crossing, while
     * the other epsilon placement moves some of these losses by 4e-2 to 1.3e-1 (seeds 1-3; more than
     * 1e-2 is checked on the fixture below), and a wrong initialisation, batch, learning rate or rho
     * far more.
     */
    private static final int STEPS_COMPARED = 10;
    private static final double STEP_LOSS_RTOL = 1e-3;
    /**
     * The mean training loss over the 5 epochs (all 2,345 steps), relative. Once the runs have parted
     * (after a few dozen steps) each is its own random-like trajectory, but the mean loss over the
     * whole run is stable: torch float32 vs float64 differ by at most 0.1%, Cornu vs torch by at
     * most 0.14% (eight seeds, both formulas), while the epsilon placement alone changes it by
     * 0.7-1.1% (the torch formula trains to a lower loss). 0.3% tells the two formulas apart (checked
     * on the fixture below) with twice the observed spread as margin.
     */
    private static final double MEAN_TRAIN_LOSS_RTOL = 3e-3;
    /**
     * The test accuracy after 5 epochs: the bound, against the nearer of torch's float32 and
     * float64 runs (the same training up to rounding). It is the noisiest of these numbers: it moves
     * by up to 0.02 from one epoch to the next, and rounding alone moves its final value by up to
     * 0.009 (seed 1, torch float32 vs float64), about as much as Cornu differs from torch float32 there
     * (0.008-0.010; Cornu's own runs vary in the last bits with the JIT's progress). Against the
     * nearer run Cornu stayed within 0.0072 on eight seeds with both formulas.
     */
    private static final double TEST_ACCURACY_TOL = 0.01;
    /**
     * The floor, asserted where the torch twin itself clears it by more than the agreement
     * bound: seed 1's fifth epoch ends low for every variant (torch float32 0.844 and 0.846), so
     * there the floor would hinge on rounding, not on Cornu.
     */
    private static final double ACCURACY_FLOOR = 0.85;

    private static JsonObject fixture;
    private static float[] xTrain;
    private static int[] yTrain;
    private static Tensor xTest;
    private static Tensor yTest;

    @BeforeAll
    static void loadData() {
        FashionMnist.Data d = FashionMnist.load();
        xTrain = pixels(d.xTrain());
        yTrain = labels(d.yTrain());
        xTest = Tensor.wrap(pixels(d.xTest()), 10000, INPUTS);
        yTest = Tensor.wrap(labels(d.yTest()), 10000);
    }

    /** {@code float32(pixel / 255)}: a float division, as numpy's {@code x.astype(float32) / 255.0}. */
    private static float[] pixels(Tensor images) {
        float[] p = images.toFloatArray();
        for (int i = 0; i < p.length; i++) p[i] = p[i] / 255f;
        return p;
    }

    private static int[] labels(Tensor t) {
        float[] f = t.toFloatArray();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = (int) f[i];
        return out;
    }

    @Test
    void startsFromTheTwinsWeightsAndBatchesBitForBit() {
        assertEquals(0xE220A8397B1DCDAFL, TwinRandom.r(0, 0), "SplitMix64 r(0) of seed 0 (reference README)");
        assertEquals(fixture().get("x_train_checksum").getAsString(), TwinRandom.checksum(xTrain), "pixels / 255");
        for (JsonElement e : fixture().getAsJsonArray("seeds")) {
            JsonObject s = e.getAsJsonObject();
            long seed = s.get("seed").getAsLong();
            float[] k1 = TwinRandom.glorotKernel(seed, 0, INPUTS, HIDDEN).toFloatArray();
            float[] k2 = TwinRandom.glorotKernel(seed, KERNEL2_FIRST, HIDDEN, CLASSES).toFloatArray();
            JsonArray head = s.getAsJsonArray("kernel1_head");
            for (int i = 0; i < head.size(); i++) assertEquals(head.get(i).getAsFloat(), k1[i], "seed " + seed + " kernel 1 [" + i + "]");
            assertEquals(s.get("kernel1_checksum").getAsString(), TwinRandom.checksum(k1), "seed " + seed + " kernel 1");
            assertEquals(s.get("kernel2_checksum").getAsString(), TwinRandom.checksum(k2), "seed " + seed + " kernel 2");
            JsonArray sums = s.getAsJsonArray("permutation_checksums");
            assertEquals(EPOCHS, sums.size());
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                int[] order = permutation(seed, epoch);
                if (epoch == 0) {
                    JsonArray first = s.getAsJsonArray("permutation_head");
                    int[] expected = new int[first.size()];
                    for (int i = 0; i < expected.length; i++) expected[i] = first.get(i).getAsInt();
                    assertArrayEquals(expected, java.util.Arrays.copyOf(order, expected.length), "seed " + seed + " epoch 1 order");
                }
                assertEquals(sums.get(epoch).getAsString(), TwinRandom.checksum(order), "seed " + seed + " epoch " + (epoch + 1) + " order");
            }
        }
    }

    /**
     * The seeds to train: {@code -Dcornu.mlpTwin.seeds=2} (the default: one seed in CI), a comma-separated
     * list, or {@code all} (every seed of the fixture); each with both optimizers.
     */
    static Stream<Arguments> runs() {
        String spec = System.getProperty("cornu.mlpTwin.seeds", "2");
        List<Long> seeds = new ArrayList<>();
        for (JsonElement e : fixture().getAsJsonArray("seeds")) seeds.add(e.getAsJsonObject().get("seed").getAsLong());
        if (!spec.equals("all")) {
            List<Long> chosen = new ArrayList<>();
            for (String s : spec.split(",")) chosen.add(Long.parseLong(s.trim()));
            assertTrue(seeds.containsAll(chosen), "cornu.mlpTwin.seeds=" + spec + ": the fixture has the seeds " + seeds);
            seeds = chosen;
        }
        List<Arguments> out = new ArrayList<>();
        for (long seed : seeds) {
            out.add(Arguments.of(seed, "keras_rmsprop"));
            out.add(Arguments.of(seed, "torch_rmsprop"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("runs")
    void trainsLikeItsTorchTwin(long seed, String optimizer) {
        JsonObject twin = run(seed, optimizer, "float32");
        JsonObject exact = run(seed, optimizer, "float64");   // null when generated with --no-float64
        double[] twinSteps = doubles(twin.getAsJsonArray("step_loss"));

        Sequential model = new Sequential();
        model.add(new InputLayer(INPUTS));
        model.add(new Dense(HIDDEN, "relu"));
        model.add(new Dense(CLASSES, "softmax"));
        Optimizer opt = optimizer.equals("keras_rmsprop") ? new RMSprop(1e-3f, 0.9f, 1e-7f) : new TorchRMSprop();
        model.compile(new CompileOptions().optimizer(opt).loss("sparse_categorical_crossentropy").metrics(List.of("accuracy")));
        model.setWeights(List.of(
                TwinRandom.glorotKernel(seed, 0, INPUTS, HIDDEN), Tensor.zeros(HIDDEN),
                TwinRandom.glorotKernel(seed, KERNEL2_FIRST, HIDDEN, CLASSES), Tensor.zeros(CLASSES)));

        StepLosses steps = new StepLosses(twinSteps.length);
        double[] trainLoss = new double[EPOCHS];
        double[] testAccuracy = new double[EPOCHS];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            // one fit per epoch on that epoch's batch order; the optimizer state carries over, as in Keras
            History h = model.fit(new EpochBatches(permutation(seed, epoch)), new FitOptions().epochs(1).verbose(0).callbacks(steps));
            trainLoss[epoch] = h.get("loss").get(0);
            Map<String, Double> test = model.evaluate(xTest, yTest, 1024);
            testAccuracy[epoch] = test.get("accuracy");
        }

        double[] cornuSteps = steps.losses();
        double[] twinAccuracy = doubles(twin.getAsJsonArray("test_accuracy"));
        double cornuMeanLoss = mean(trainLoss), twinMeanLoss = mean(doubles(twin.getAsJsonArray("train_loss")));
        System.out.printf(Locale.ROOT, "MlpTwinTest seed %d %s: test accuracy per epoch cornu %s | torch float32 %s | torch float64 %s;"
                        + " train loss per epoch cornu %s | torch %s; mean %.5f | %.5f; step loss rel. diff %s%n", seed, optimizer,
                fmt(testAccuracy), fmt(twinAccuracy), exact == null ? "-" : fmt(doubles(exact.getAsJsonArray("test_accuracy"))),
                fmt(trainLoss), fmt(doubles(twin.getAsJsonArray("train_loss"))), cornuMeanLoss, twinMeanLoss,
                relDiffs(cornuSteps, twinSteps));

        // the comparisons can tell the two epsilon placements apart (a property of the fixture)
        JsonObject other = run(seed, optimizer.equals("keras_rmsprop") ? "torch_rmsprop" : "keras_rmsprop", "float32");
        double[] otherSteps = doubles(other.getAsJsonArray("step_loss"));
        double formulaStepGap = 0;
        for (int k = 0; k < STEPS_COMPARED; k++) formulaStepGap = Math.max(formulaStepGap, Math.abs(otherSteps[k] - twinSteps[k]) / twinSteps[k]);
        assertTrue(formulaStepGap > 10 * STEP_LOSS_RTOL, "fixture: the other formula's first step losses differ by only " + formulaStepGap);
        double formulaLossGap = Math.abs(mean(doubles(other.getAsJsonArray("train_loss"))) - twinMeanLoss) / twinMeanLoss;
        assertTrue(formulaLossGap > 2 * MEAN_TRAIN_LOSS_RTOL, "fixture: the other formula's mean training loss differs by only " + formulaLossGap);

        for (int k = 0; k < STEPS_COMPARED; k++) {
            double rel = Math.abs(cornuSteps[k] - twinSteps[k]) / twinSteps[k];
            int step = k + 1;
            assertTrue(rel <= STEP_LOSS_RTOL, () -> String.format(Locale.ROOT, "loss of step %d: cornu %.7f, torch %.7f (rel. %.2e)%ncornu %s%ntorch %s",
                    step, cornuSteps[step - 1], twinSteps[step - 1], rel, fmt(cornuSteps, "%.6f"), fmt(twinSteps, "%.6f")));
        }
        assertEquals(twinMeanLoss, cornuMeanLoss, MEAN_TRAIN_LOSS_RTOL * twinMeanLoss, "mean training loss over the 5 epochs vs torch");
        double cornuFinal = testAccuracy[EPOCHS - 1], twinFinal = twinAccuracy[EPOCHS - 1];
        double nearest = twinFinal;
        if (exact != null) {
            double exactFinal = last(doubles(exact.getAsJsonArray("test_accuracy")));
            if (Math.abs(exactFinal - cornuFinal) < Math.abs(twinFinal - cornuFinal)) nearest = exactFinal;
        }
        assertEquals(nearest, cornuFinal, TEST_ACCURACY_TOL, "test accuracy after 5 epochs vs the nearer torch run (float32 "
                + twinFinal + (exact == null ? "" : ", float64 " + last(doubles(exact.getAsJsonArray("test_accuracy")))) + ")");
        if (twinFinal >= ACCURACY_FLOOR + TEST_ACCURACY_TOL) {
            assertTrue(cornuFinal >= ACCURACY_FLOOR, "test accuracy after 5 epochs " + cornuFinal + " (torch " + twinFinal + ")");
        }
    }

    /**
     * {@code torch.optim.RMSprop(lr=1e-3, alpha=0.9, eps=1e-7)}: epsilon outside the square root,
     * {@code v = alpha v + (1 - alpha) g^2; w -= lr * g / (sqrt(v) + eps)}, in torch's order of operations.
     */
    static final class TorchRMSprop extends Optimizer {
        private static final float ALPHA = 0.9f;
        private static final float ONE_MINUS_ALPHA = (float) (1 - 0.9);   // torch: 1 - alpha in double, then float
        private static final float EPS = 1e-7f;

        TorchRMSprop() {
            super("TorchRMSprop", 1e-3f);
        }

        @Override
        protected String[] slotNames() {
            return new String[] {"square_avg"};
        }

        @Override
        protected void updateStep(Variable variable, float[] g, float[][] slots, float lr) {
            float[] w = variable.buffer();
            float[] v = slots[0];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float vi = v[i] * ALPHA + ONE_MINUS_ALPHA * gi * gi;
                v[i] = vi;
                w[i] += -lr * (gi / ((float) Math.sqrt(vi) + EPS));
            }
        }
    }

    /**
     * The loss of each of the first steps, before its update (as torch's {@code loss.item()}), from the
     * running mean fit logs: {@code loss_k = k m_k - (k - 1) m_(k-1)} for equal batches of 128 (the
     * running mean is kept in double, so the difference is exact to ~1e-13).
     */
    private static final class StepLosses extends Callback {
        private final double[] losses;
        private int recorded;
        private double previousTotal;

        StepLosses(int steps) {
            this.losses = new double[steps];
        }

        @Override
        public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            if (recorded >= losses.length) return;
            assertEquals(recorded, batch, "step losses are taken from the first epoch only");
            double total = logs.get("loss") * (batch + 1);
            losses[recorded++] = total - previousTotal;
            previousTotal = total;
        }

        double[] losses() {
            assertEquals(losses.length, recorded);
            return losses;
        }
    }

    /** One epoch's batches in the twin's order: batch b holds the rows {@code order[128 b .. 128 (b + 1))}. */
    private record EpochBatches(int[] order) implements Dataset {
        @Override
        public int cardinality() {
            return (N + BATCH - 1) / BATCH;
        }

        @Override
        public Iterator<Batch> iterator() {
            return new Iterator<>() {
                private int from;

                @Override
                public boolean hasNext() {
                    return from < N;
                }

                @Override
                public Batch next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    int rows = Math.min(BATCH, N - from);
                    float[] x = new float[rows * INPUTS];
                    int[] y = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        int i = order[from + r];
                        System.arraycopy(xTrain, i * INPUTS, x, r * INPUTS, INPUTS);
                        y[r] = yTrain[i];
                    }
                    from += rows;
                    return new Batch(Tensor.wrap(x, rows, INPUTS), Tensor.wrap(y, rows));
                }
            };
        }
    }

    private static int[] permutation(long seed, int epoch) {
        return TwinRandom.permutation(seed, PERMUTATION_FIRST + (long) epoch * (N - 1), N);
    }

    // ---- fixture ---------------------------------------------------------------------------------

    /** The committed fixture, or the file in {@code -Dcornu.mlpTwin.fixture} (e.g. a generator run with other seeds). */
    private static synchronized JsonObject fixture() {
        if (fixture == null) {
            String path = System.getProperty("cornu.mlpTwin.fixture");
            try (InputStream in = path != null ? Files.newInputStream(Path.of(path))
                    : MlpTwinTest.class.getResourceAsStream("/fixtures/training/mlp_twin.json")) {
                fixture = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixture;
    }

    /** The fixture's run, or null for a missing float64 run (they are optional). */
    private static JsonObject run(long seed, String optimizer, String dtype) {
        for (JsonElement e : fixture().getAsJsonArray("runs")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("seed").getAsLong() == seed && r.get("optimizer").getAsString().equals(optimizer)
                    && r.get("dtype").getAsString().equals(dtype)) {
                return r;
            }
        }
        if (dtype.equals("float64")) return null;
        throw new IllegalStateException("mlp_twin.json has no " + dtype + " run of " + optimizer + " for seed " + seed);
    }

    private static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).getAsDouble();
        return d;
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    private static String relDiffs(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = Math.abs(a[i] - b[i]) / b[i];
        return fmt(d, "%.1e");
    }

    private static String fmt(double[] values) {
        return fmt(values, "%.4f");
    }

    private static String fmt(double[] values, String format) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, v));
        return sb.toString();
    }
}
