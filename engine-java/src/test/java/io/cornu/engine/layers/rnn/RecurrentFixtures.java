package io.cornu.engine.layers.rnn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cornu.engine.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PyTorch parity fixtures written by {@code scripts/fixtures/gen_recurrent.py}, and the
 * comparison rule: each element within {@code 1e-4} relative, the denominator floored at
 * {@code 1e-3} times the tensor's largest magnitude (and at {@code 1e-3}): a weight gradient is a
 * sum over all batch rows and timesteps, and an element that nearly cancels to zero carries the
 * float32 rounding of its large terms, so it is compared at the scale of the tensor.
 */
final class RecurrentFixtures {
    static final double REL_TOL = 1e-4;
    static final double FLOOR = 1e-3;

    private RecurrentFixtures() {
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(Path.of(RecurrentFixtures.class.getResource("/fixtures/recurrent").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject load(String name) {
        try (InputStream in = RecurrentFixtures.class.getResourceAsStream("/fixtures/recurrent/" + name + ".json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Tensor tensor(JsonElement e) {
        JsonObject o = e.getAsJsonObject();
        int[] shape = new int[o.getAsJsonArray("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = o.getAsJsonArray("shape").get(i).getAsInt();
        var data = o.getAsJsonArray("data");
        float[] d = new float[data.size()];
        for (int i = 0; i < d.length; i++) d[i] = data.get(i).getAsFloat();
        return Tensor.wrap(d, shape);
    }

    static double[] doubles(JsonElement e) {
        var data = e.getAsJsonObject().getAsJsonArray("data");
        double[] d = new double[data.size()];
        for (int i = 0; i < d.length; i++) d[i] = data.get(i).getAsDouble();
        return d;
    }

    static List<Tensor> tensors(JsonElement e) {
        List<Tensor> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        for (JsonElement x : e.getAsJsonArray()) out.add(tensor(x));
        return out;
    }

    /** The largest elementwise relative error of {@code actual} against the reference. */
    static double maxRelError(Tensor actual, JsonElement expected) {
        double[] ref = doubles(expected);
        float[] a = actual.toFloatArray();
        double floor = floor(ref), worst = 0;
        for (int i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(a[i] - ref[i]) / Math.max(Math.abs(ref[i]), floor));
        return worst;
    }

    private static double floor(double[] ref) {
        double scale = 0;
        for (double v : ref) scale = Math.max(scale, Math.abs(v));
        return Math.max(FLOOR, FLOOR * scale);
    }

    /** Asserts shape and values; returns the largest relative error. */
    static double assertClose(String what, Tensor actual, JsonElement expected) {
        JsonObject o = expected.getAsJsonObject();
        int[] shape = new int[o.getAsJsonArray("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = o.getAsJsonArray("shape").get(i).getAsInt();
        assertArrayEquals(shape, actual.dims(), what + ": shape");
        double err = maxRelError(actual, expected);
        if (err > REL_TOL) {
            double[] ref = doubles(expected);
            float[] a = actual.toFloatArray();
            int worst = 0;
            double fl = floor(ref), scale = fl / FLOOR;
            for (int i = 0; i < ref.length; i++) {
                if (Math.abs(a[i] - ref[i]) / Math.max(Math.abs(ref[i]), fl) > Math.abs(a[worst] - ref[worst]) / Math.max(Math.abs(ref[worst]), fl)) worst = i;
            }
            assertTrue(false, what + ": max relative error " + err + " > " + REL_TOL + " at element " + worst + ": " + a[worst]
                    + " vs " + ref[worst] + " (largest |value| " + scale + ")");
        }
        return err;
    }
}
