package io.cornu.engine.layers.rnn;

import com.google.gson.JsonObject;
import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.cornu.engine.layers.rnn.RecurrentFixtures.assertClose;

/**
 * Forward outputs (sequences and final states) and gradients with respect to the inputs, every
 * weight and the initial states equal PyTorch's (float64 reference, see gen_recurrent.py) within
 * 1e-4 relative, for the fused kernel and the step-by-step ops path, on one and two threads.
 */
class RecurrentParityTest {
    /** Worst relative error per fixture and path, printed after the run for the notes. */
    private static final Map<String, Double> WORST = new TreeMap<>();

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @AfterAll
    static void report() {
        WORST.forEach((k, v) -> System.out.printf(Locale.ROOT, "parity %-62s max rel err %.2e%n", k, v));
        Parallelism.setThreads(Runtime.getRuntime().availableProcessors());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : RecurrentFixtures.names()) {
            if (name.startsWith("bidirectional")) continue;
            out.add(Arguments.of(name, true, 1));
            out.add(Arguments.of(name, true, 2));
            out.add(Arguments.of(name, false, 1));
        }
        return out.stream();
    }

    static BaseRNN<?> layer(JsonObject f) {
        JsonObject c = f.getAsJsonObject("config");
        int units = c.get("units").getAsInt();
        BaseRNN<?> l = switch (f.get("layer").getAsString()) {
            case "LSTM" -> new LSTM(units);
            case "GRU" -> new GRU(units).resetAfter(c.get("reset_after").getAsBoolean());
            case "SimpleRNN" -> new SimpleRNN(units);
            default -> throw new IllegalArgumentException(f.get("layer").getAsString());
        };
        l.returnSequences(c.get("return_sequences").getAsBoolean())
                .returnState(c.get("return_state").getAsBoolean())
                .goBackwards(c.get("go_backwards").getAsBoolean())
                .useBias(c.get("use_bias").getAsBoolean())
                .activation(c.get("activation").getAsString())
                .zeroOutputForMask(c.get("zero_output_for_mask").getAsBoolean());
        return l;
    }

    @ParameterizedTest(name = "{0} fused={1} threads={2}")
    @MethodSource("cases")
    void matchesPyTorch(String name, boolean fused, int threads) {
        Parallelism.setThreads(threads);
        JsonObject f = RecurrentFixtures.load(name);
        BaseRNN<?> layer = layer(f).useFusedKernel(fused);
        Tensor x = RecurrentFixtures.tensor(f.get("x"));
        List<Tensor> init = RecurrentFixtures.tensors(f.get("initial_state"));
        Tensor mask = f.get("mask").isJsonNull() ? null : RecurrentFixtures.tensor(f.get("mask"));
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        inputs.addAll(init);
        // build, then load the fixture's weights
        layer.ensureBuilt(inputs.stream().map(t -> t.shape().with(0, -1)).toList());
        layer.setWeights(RecurrentFixtures.tensors(f.get("weights")));
        List<Tensor> lossWeights = RecurrentFixtures.tensors(f.get("loss_weights"));
        String key = name + (fused ? " fused" : " ops") + " t" + threads;
        double worst = 0;
        List<Tensor> grads;
        List<Tensor> outputs;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            init.forEach(tape::watch);
            Tensor xm = x;
            if (mask != null) {
                xm = Ops.reshape(x, x.dims()); // a tensor of our own to carry the mask
                xm.setKerasMask(mask);
            }
            List<Tensor> in = new ArrayList<>(inputs);
            in.set(0, xm);
            outputs = layer.applyEager(in, false);
            Tensor loss = Tensor.scalar(0f);
            for (int i = 0; i < outputs.size(); i++) loss = Ops.add(loss, Ops.sum(Ops.mul(outputs.get(i), lossWeights.get(i))));
            List<Tensor> sources = new ArrayList<>();
            sources.add(x);
            List<Variable> ws = layer.weights();
            sources.addAll(ws);
            sources.addAll(init);
            grads = tape.gradient(loss, sources);
        }
        var expectedOut = f.getAsJsonArray("outputs");
        for (int i = 0; i < outputs.size(); i++) worst = Math.max(worst, assertClose(key + " output " + i, outputs.get(i), expectedOut.get(i)));
        worst = Math.max(worst, assertClose(key + " d/dx", grads.get(0), f.get("grad_x")));
        var gw = f.getAsJsonArray("grad_weights");
        for (int i = 0; i < gw.size(); i++) worst = Math.max(worst, assertClose(key + " d/d" + layer.weights().get(i).name(), grads.get(1 + i), gw.get(i)));
        var gi = f.getAsJsonArray("grad_initial_state");
        for (int i = 0; i < gi.size(); i++) worst = Math.max(worst, assertClose(key + " d/dstate" + i, grads.get(1 + gw.size() + i), gi.get(i)));
        WORST.put(key, worst);
    }
}
