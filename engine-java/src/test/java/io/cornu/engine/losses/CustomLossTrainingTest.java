package io.cornu.engine.losses;

import io.cornu.engine.activations.Activation;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.optimizers.RMSprop;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.CompileOptions;
import io.cornu.engine.training.FitOptions;
import io.cornu.engine.utils.RandomSeed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom losses written as plain functions over ops train models: their gradients come from the tape. */
class CustomLossTrainingTest {
    /** The mean of the 4th power of the error. */
    static final Loss QUARTIC = Loss.of("quartic", (t, p) -> Ops.mean(Ops.square(Ops.square(Ops.sub(p, t))), -1));

    /** Binary focal cross-entropy (gamma 2) on probabilities, written by hand: {@code -(1 - p_t)^2 * log(p_t)}. */
    static final Loss FOCAL = Loss.of("focal", (t, p) -> {
        Tensor pc = Ops.clip(p, 1e-7f, 1 - 1e-7f);
        Tensor pT = Ops.add(Ops.mul(t, pc), Ops.mul(Ops.add(Ops.neg(t), 1f), Ops.add(Ops.neg(pc), 1f)));
        Tensor focalFactor = Ops.square(Ops.add(Ops.neg(pT), 1f));
        return Ops.mean(Ops.neg(Ops.mul(focalFactor, Ops.log(pT))), -1);
    });

    private static Tensor features(long seed, int n) {
        return Tensor.randomNormal(seed, 0f, 1f, n, 4);
    }

    private static float[] dot(Tensor x, float[] w, float b) {
        float[] d = x.toFloatArray();
        float[] out = new float[x.dim(0)];
        for (int i = 0; i < out.length; i++) {
            double s = b;
            for (int j = 0; j < w.length; j++) s += d[i * w.length + j] * w[j];
            out[i] = (float) s;
        }
        return out;
    }

    @Test
    void focalFunctionMatchesKerasDocumentedValue() {
        Tensor y = Tensor.of(new float[] {0, 1, 0, 0});
        Tensor probs = Ops.sigmoid(Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f}));
        assertEquals(0.691, FOCAL.apply(y, probs).item(), 1e-3);
        assertEquals(new BinaryFocalCrossentropy().apply(y, probs).item(), FOCAL.apply(y, probs).item(), 1e-6);
    }

    @Test
    void quarticLossTrainsARegressionWithSgd() {
        RandomSeed.set(7);
        Tensor x = features(1, 64);
        float[] target = dot(x, new float[] {0.3f, -0.2f, 0.1f, 0.4f}, 0.2f);
        Tensor y = Tensor.wrap(target, 64, 1);
        Sequential model = new Sequential();
        model.add(new InputLayer(4));
        model.add(new Dense(1));
        model.compile(new CompileOptions().optimizer("sgd").loss(QUARTIC));
        double before = model.evaluate(x, y).get("loss");
        List<Double> losses = model.fit(x, y, new FitOptions().epochs(30).batchSize(16).verbose(0)).get("loss");
        double after = model.evaluate(x, y).get("loss");
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "training loss falls: " + losses);
        assertTrue(after < 0.25 * before, "evaluated loss falls from " + before + " to " + after);
        // the logged loss is the quartic loss of the predictions
        Tensor p = model.predict(x);
        double expected = 0;
        float[] pp = p.toFloatArray();
        for (int i = 0; i < 64; i++) expected += Math.pow(pp[i] - target[i], 4) / 64;
        assertEquals(expected, after, 1e-4 + 1e-4 * expected);
    }

    @Test
    void focalLossTrainsAClassifierWithRmsprop() {
        RandomSeed.set(8);
        Tensor x = features(2, 128);
        float[] score = dot(x, new float[] {1.5f, -1f, 0.5f, 2f}, 0.3f);
        float[] labels = new float[score.length];
        for (int i = 0; i < labels.length; i++) labels[i] = score[i] > 0 ? 1f : 0f;
        Tensor y = Tensor.wrap(labels, 128, 1);
        Sequential model = new Sequential();
        model.add(new InputLayer(4));
        model.add(new Dense(1, Activation.named("sigmoid", Ops::sigmoid), "probability"));
        model.compile(new CompileOptions().optimizer(new RMSprop(0.01f)).loss(FOCAL).metrics(List.of("accuracy")));
        double before = model.evaluate(x, y).get("loss");
        var history = model.fit(x, y, new FitOptions().epochs(20).batchSize(16).verbose(0));
        List<Double> losses = history.get("loss");
        var after = model.evaluate(x, y);
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "training loss falls: " + losses);
        assertTrue(after.get("loss") < 0.5 * before, "evaluated loss falls from " + before + " to " + after.get("loss"));
        // "accuracy" on a (batch, 1) output resolves to binary accuracy and keeps its name
        assertTrue(after.get("accuracy") > 0.9, "accuracy " + after);
    }
}
