package io.cornu.engine.testing;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.losses.Loss;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.optimizers.Optimizer;
import io.cornu.engine.saving.LayerRegistry;
import io.cornu.engine.saving.ModelConfig;
import io.cornu.engine.tensor.DType;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keras' {@code run_layer_test} for Cornu layers: one call checks what every layer must do.
 *
 * <pre>{@code
 * LayerTestCase.of(() -> new Dense(3))
 *     .inputShape(2, 4)
 *     .expectedOutputShape(2, 3)
 *     .expectedWeights("kernel", "bias")
 *     .run();
 * }</pre>
 *
 * <p>{@link Spec#run()} makes fresh layers from the factory and checks, in Keras' order:
 * <ol>
 *   <li>config round trip: {@code LayerRegistry.fromConfig(className, getConfig())} gives a layer
 *       with an equal config, and so does the JSON of {@link ModelConfig} (skipped with
 *       {@link Spec#serializable(boolean) serializable(false)});</li>
 *   <li>symbolic call on {@link Input}s of the input shapes with a None batch: the output shape is
 *       the expected one with a None batch (or {@link Spec#expectedSymbolicOutputShape}), and equals
 *       {@code computeOutputShape(s)};</li>
 *   <li>weights after building: trainable and non-trainable counts, names {@code <layer>/<name>} in order;</li>
 *   <li>eager call on the input data (random normals, or random ids below {@link Spec#inputRange}
 *       for int inputs): the output shape, and the values when {@link Spec#expectedOutput} is given;</li>
 *   <li>masking: {@code supportsMasking()} as expected; a supporting single-input layer passes a
 *       {@code (batch, steps)} mask on (when the input has rank 3; see {@link Spec#passesMaskThrough});</li>
 *   <li>a training step: a {@link Functional} model around the layer, SGD and mean squared error,
 *       {@code trainOnBatch}: the loss is finite and some trainable weight moved (when the layer has
 *       trainable weights);</li>
 *   <li>optionally ({@link Spec#gradCheck}), tape gradients for float inputs and trainable weights
 *       against finite differences ({@link GradCheck}).</li>
 * </ol>
 *
 * <p>{@link Fixture} reads the PyTorch parity files under {@code src/test/resources/fixtures}.
 */
public final class LayerTestCase {
    private LayerTestCase() {
    }

    /** A test of the layers made by {@code factory} (called once per check, so each check starts fresh). */
    public static Spec of(Supplier<? extends Layer> factory) {
        return new Spec(factory);
    }

    /** What to check; every setter returns the spec. */
    public static final class Spec {
        private final Supplier<? extends Layer> factory;
        private final List<int[]> inputShapes = new ArrayList<>();
        private List<Tensor> inputData;
        private DType inputDtype = DType.FLOAT32;
        private int inputRange = 10;
        private int[] expectedOutputShape;
        private Shape expectedSymbolicOutputShape;
        private Tensor expectedOutput;
        private double outputTolerance = 1e-5;
        private Integer trainableWeights;
        private Integer nonTrainableWeights;
        private String[] weightNames;
        private Boolean supportsMasking;
        private boolean passesMaskThrough = true;
        private boolean training = true;
        private boolean serializable = true;
        private boolean gradCheck;
        private boolean gradCheckTraining;
        private double gradTolerance = 1e-2;

        private Spec(Supplier<? extends Layer> factory) {
            this.factory = factory;
        }

        /** The shape of the eager input, batch axis included (call once per input for merge layers). */
        public Spec inputShape(int... shape) {
            inputShapes.add(shape.clone());
            return this;
        }

        /** The eager inputs themselves (their shapes become the input shapes). */
        public Spec inputData(Tensor... data) {
            inputData = List.of(data);
            inputShapes.clear();
            for (Tensor t : data) inputShapes.add(t.dims());
            return this;
        }

        /** The dtype of generated inputs: FLOAT32 (normals) or INT32/INT64 (ids in {@code [0, inputRange)}). */
        public Spec inputDtype(DType dtype) {
            inputDtype = dtype;
            return this;
        }

        public Spec inputRange(int range) {
            inputRange = range;
            return this;
        }

        /** The eager output shape, batch included. */
        public Spec expectedOutputShape(int... shape) {
            expectedOutputShape = shape.clone();
            return this;
        }

        /** The symbolic output shape when it is not the eager one with a None batch (e.g. None steps). */
        public Spec expectedSymbolicOutputShape(Shape shape) {
            expectedSymbolicOutputShape = shape;
            return this;
        }

        public Spec expectedOutput(Tensor output, double tolerance) {
            expectedOutput = output;
            outputTolerance = tolerance;
            return this;
        }

        public Spec expectedTrainableWeights(int n) {
            trainableWeights = n;
            return this;
        }

        public Spec expectedNonTrainableWeights(int n) {
            nonTrainableWeights = n;
            return this;
        }

        /** All weight names without the layer prefix, in {@code weights()} order (sets the counts unless given). */
        public Spec expectedWeights(String... names) {
            weightNames = names.clone();
            return this;
        }

        public Spec supportsMasking(boolean expected) {
            supportsMasking = expected;
            return this;
        }

        /** Whether a mask-supporting layer hands its input's mask on unchanged (default true; false for layers making masks). */
        public Spec passesMaskThrough(boolean value) {
            passesMaskThrough = value;
            return this;
        }

        /** Whether to run a training step (default true). */
        public Spec training(boolean run) {
            training = run;
            return this;
        }

        /** Whether the layer can be rebuilt from its config (default true). */
        public Spec serializable(boolean value) {
            serializable = value;
            return this;
        }

        /** Also compare tape gradients with finite differences, within {@code tolerance} (GradCheck's measure). */
        public Spec gradCheck(double tolerance) {
            gradCheck = true;
            gradTolerance = tolerance;
            return this;
        }

        public Spec gradCheck() {
            return gradCheck(1e-2);
        }

        /** Run the gradient check in training mode (e.g. BatchNormalization's batch statistics); default inference. */
        public Spec gradCheckTraining(boolean training) {
            gradCheckTraining = training;
            return this;
        }

        /** Runs every check. */
        public void run() {
            if (inputShapes.isEmpty()) throw new IllegalStateException("LayerTestCase: give inputShape(...) or inputData(...)");
            List<Tensor> data = inputData != null ? inputData : generateInputs();
            if (serializable) checkConfigRoundTrip();
            checkSymbolic();
            Layer eager = checkEager(data);
            checkMasking(data);
            if (training) checkTrainingStep(data);
            if (gradCheck) checkGradients(data);
            assertNotNull(eager);
        }

        private List<Tensor> generateInputs() {
            List<Tensor> out = new ArrayList<>();
            Random r = new Random(1234);
            for (int[] s : inputShapes) {
                int n = 1;
                for (int d : s) n *= d;
                if (inputDtype == DType.FLOAT32) {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
                    out.add(Tensor.wrap(v, s));
                } else if (inputDtype == DType.INT32) {
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) v[i] = r.nextInt(inputRange);
                    out.add(Tensor.wrap(v, s));
                } else {
                    long[] v = new long[n];
                    for (int i = 0; i < n; i++) v[i] = r.nextInt(inputRange);
                    out.add(Tensor.wrap(v, s));
                }
            }
            return out;
        }

        private void checkConfigRoundTrip() {
            Layer layer = factory.get();
            Map<String, Object> config = layer.getConfig();
            Layer copy = LayerRegistry.fromConfig(layer.className(), config);
            assertEquals(layer.getClass(), copy.getClass(), "fromConfig class");
            assertEquals(config, copy.getConfig(), "config round trip of " + layer.className());
            // through JSON, as a saved model's config travels (numbers come back as doubles)
            String json = ModelConfig.toJson(layer);
            Layer fromJson = ModelConfig.fromJson(json);
            assertEquals(layer.getClass(), fromJson.getClass(), "class after a JSON round trip");
            assertEquals(json, ModelConfig.toJson(fromJson), "JSON config round trip of " + layer.className());
        }

        private Shape symbolicExpected() {
            if (expectedSymbolicOutputShape != null) return expectedSymbolicOutputShape;
            return expectedOutputShape == null ? null : Shape.of(expectedOutputShape).with(0, Shape.NONE);
        }

        private void checkSymbolic() {
            Layer layer = factory.get();
            List<KerasTensor> ins = new ArrayList<>();
            List<Shape> shapes = new ArrayList<>();
            for (int[] s : inputShapes) {
                KerasTensor in = Input.of(Arrays.copyOfRange(s, 1, s.length));
                ins.add(in);
                shapes.add(in.shape());
            }
            KerasTensor out = ins.size() == 1 ? layer.apply(ins.get(0)) : layer.apply(ins);
            Shape expected = symbolicExpected();
            if (expected != null) assertEquals(expected, out.shape(), "symbolic output shape of " + layer.className());
            assertEquals(out.shape(), layer.computeOutputShapes(shapes).get(0), "computeOutputShape of " + layer.className());
            checkWeights(layer);
        }

        private void checkWeights(Layer layer) {
            List<Variable> trainable = layer.trainableWeights(), frozen = layer.nonTrainableWeights();
            if (weightNames != null) {
                List<String> names = layer.weights().stream().map(Variable::name).toList();
                List<String> expected = Arrays.stream(weightNames).map(n -> layer.name() + "/" + n).toList();
                assertEquals(expected, names, "weight names of " + layer.className());
            }
            if (trainableWeights != null) assertEquals((int) trainableWeights, trainable.size(), "trainable weights of " + layer.className());
            if (nonTrainableWeights != null) assertEquals((int) nonTrainableWeights, frozen.size(), "non-trainable weights of " + layer.className());
            if (weightNames == null && trainableWeights == null && nonTrainableWeights == null) {
                assertEquals(0, layer.weights().size(), "a layer without expected weights has none: " + layer.className());
            }
        }

        private Layer checkEager(List<Tensor> data) {
            Layer layer = factory.get();
            Tensor out = layer.applyEager(data, false).get(0);
            if (expectedOutputShape != null) assertArrayEquals(expectedOutputShape, out.dims(), "eager output shape of " + layer.className());
            if (expectedOutput != null) assertClose(expectedOutput, out, outputTolerance, layer.className() + " output");
            assertTrue(allFinite(out), "finite output of " + layer.className());
            checkWeights(layer);
            return layer;
        }

        private void checkMasking(List<Tensor> data) {
            Layer layer = factory.get();
            if (supportsMasking != null) assertEquals(supportsMasking, layer.supportsMasking(), "supportsMasking of " + layer.className());
            if (!layer.supportsMasking() || !passesMaskThrough || data.size() != 1 || data.get(0).rank() != 3 || data.get(0).dtype() != DType.FLOAT32) return;
            Tensor x = data.get(0).copy();
            int b = x.dim(0), t = x.dim(1);
            float[] m = new float[b * t];
            for (int i = 0; i < m.length; i++) m[i] = i % t == t - 1 ? 0f : 1f;
            Tensor mask = Tensor.wrap(m, b, t);
            x.setKerasMask(mask);
            Tensor out = layer.applyEager(List.of(x), false).get(0);
            if (out.rank() >= 2 && out.dim(0) == b && out.dim(1) == t) {
                assertNotNull(out.kerasMask(), "a masking layer passes the mask on: " + layer.className());
                assertArrayEquals(m, out.kerasMask().toFloatArray(), "mask passed through " + layer.className());
            }
        }

        private void checkTrainingStep(List<Tensor> data) {
            Layer layer = factory.get();
            List<KerasTensor> ins = new ArrayList<>();
            for (int[] s : inputShapes) ins.add(Input.of(Arrays.copyOfRange(s, 1, s.length)));
            KerasTensor out = ins.size() == 1 ? layer.apply(ins.get(0)) : layer.apply(ins);
            Functional model = new Functional(ins, List.of(out), null);
            model.compile(Optimizer.get("sgd"), Loss.of("mean_squared_error", (t, p) -> Ops.mean(Ops.square(Ops.sub(p, t)), -1)), List.of());
            Tensor y = GradCheck.random(77, layer.applyEager(data, false).get(0).dims());
            List<Tensor> before = layer.getWeights();
            Map<String, Double> logs = model.trainOnBatch(data, List.of(y));
            assertTrue(Double.isFinite(logs.get("loss")), "finite loss after a training step of " + layer.className() + ": " + logs);
            if (!layer.trainableWeights().isEmpty()) {
                List<Tensor> after = layer.getWeights();
                boolean moved = false;
                for (int i = 0; i < after.size(); i++) moved |= !Arrays.equals(before.get(i).toFloatArray(), after.get(i).toFloatArray());
                assertTrue(moved, "a training step moves the weights of " + layer.className());
            }
        }

        private void checkGradients(List<Tensor> data) {
            Layer layer = factory.get();
            layer.applyEager(data, false);
            List<Tensor> floatInputs = new ArrayList<>();
            for (Tensor t : data) if (t.dtype() == DType.FLOAT32) floatInputs.add(t.copy());
            List<Tensor> sources = new ArrayList<>(floatInputs);
            sources.addAll(layer.trainableWeights());
            List<Tensor> args = new ArrayList<>(data);
            GradCheck.check(xs -> {
                int k = 0;
                for (int i = 0; i < args.size(); i++) if (data.get(i).dtype() == DType.FLOAT32) args.set(i, xs.get(k++));
                return layer.applyEager(args, gradCheckTraining).get(0);
            }, gradTolerance, sources.toArray(new Tensor[0]));
        }
    }

    // ---- comparisons ------------------------------------------------------------------------------------

    public static boolean allFinite(Tensor t) {
        if (t.dtype() != DType.FLOAT32) return true;
        for (float v : t.toFloatArray()) if (!Float.isFinite(v)) return false;
        return true;
    }

    /** Asserts equal shapes and {@code |a - e| <= tol * (1 + |e|)} elementwise. */
    public static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertArrayEquals(expected.dims(), actual.dims(), what + ": shape");
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - a[i]) > tol * (1 + Math.abs(e[i]))) {
                fail(what + ": at " + i + " expected " + e[i] + " but was " + a[i]);
            }
        }
    }

    /**
     * The parity measure: {@code max |a - e| / max(|e|, floor)} over the elements, a relative error
     * with an absolute floor for values near zero (where float32 rounding is relative to the other
     * terms of a sum, not to the tiny result).
     */
    public static double maxRelativeError(Tensor expected, Tensor actual, double floor) {
        assertArrayEquals(expected.dims(), actual.dims(), "shape");
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs((double) a[i] - e[i]) / Math.max(Math.abs(e[i]), floor);
            if (Double.isNaN(err)) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, err);
        }
        return worst;
    }

    // ---- PyTorch fixtures -----------------------------------------------------------------------------------

    /**
     * A parity fixture written by a {@code scripts/fixtures/gen_*.py} generator: named groups of
     * tensors ({@code inputs}, {@code weights}, {@code outputs}, {@code grads}, ...), each tensor
     * {@code {"shape": [...], "dtype": "float32"|"int64", "data": [...]}} in row-major order, plus
     * any other JSON values ({@code config}).
     *
     * <p>The parity rule: with the fixture's inputs and weights, the layer's outputs and the
     * gradients of {@code sum(output * w)} ({@code w} the fixture's fixed random weights) equal
     * PyTorch's to {@link #RELATIVE_TOLERANCE} relative, {@link #ABSOLUTE_FLOOR} being the smallest
     * magnitude errors are measured against.
     */
    public static final class Fixture {
        public static final double RELATIVE_TOLERANCE = 1e-4;
        public static final double ABSOLUTE_FLOOR = 1e-2;

        private final String name;
        private final Map<String, Object> root;

        private Fixture(String name, Map<String, Object> root) {
            this.name = name;
            this.root = root;
        }

        /** Reads {@code fixtures/<path>} from the test classpath, e.g. {@code "core/embedding.json"}. */
        @SuppressWarnings("unchecked")
        public static Fixture load(String path) {
            try (InputStream in = LayerTestCase.class.getResourceAsStream("/fixtures/" + path)) {
                if (in == null) throw new IllegalArgumentException("No fixture /fixtures/" + path + " on the test classpath");
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Fixture(path, new com.google.gson.Gson().fromJson(text,
                        new com.google.gson.reflect.TypeToken<LinkedHashMap<String, Object>>() { }.getType()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read fixture " + path, e);
            }
        }

        public String name() {
            return name;
        }

        /** Any top-level JSON value: maps, lists, Doubles, Strings, Booleans, null. */
        public Object get(String key) {
            return root.get(key);
        }

        /** The names of a group's tensors, in file order. */
        @SuppressWarnings("unchecked")
        public List<String> names(String group) {
            return new ArrayList<>(((Map<String, Object>) root.get(group)).keySet());
        }

        /** The tensor {@code key} of {@code group} ({@code tensor("inputs", "x")}). */
        @SuppressWarnings("unchecked")
        public Tensor tensor(String group, String key) {
            Map<String, Object> g = (Map<String, Object>) root.get(group);
            if (g == null || !g.containsKey(key)) throw new IllegalArgumentException("Fixture " + name + " has no " + group + "/" + key);
            return toTensor((Map<String, Object>) g.get(key));
        }

        public boolean has(String group, String key) {
            Object g = root.get(group);
            return g instanceof Map<?, ?> m && m.containsKey(key);
        }

        @SuppressWarnings("unchecked")
        private static Tensor toTensor(Map<String, Object> t) {
            List<Object> shapeList = (List<Object>) t.get("shape");
            int[] shape = shapeList.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            List<Object> data = (List<Object>) t.get("data");
            String dtype = (String) t.getOrDefault("dtype", "float32");
            switch (dtype) {
                case "int32" -> {
                    int[] v = new int[data.size()];
                    for (int i = 0; i < v.length; i++) v[i] = ((Number) data.get(i)).intValue();
                    return Tensor.wrap(v, shape);
                }
                case "int64" -> {
                    long[] v = new long[data.size()];
                    for (int i = 0; i < v.length; i++) v[i] = ((Number) data.get(i)).longValue();
                    return Tensor.wrap(v, shape);
                }
                default -> {
                    float[] v = new float[data.size()];
                    for (int i = 0; i < v.length; i++) v[i] = ((Number) data.get(i)).floatValue();
                    return Tensor.wrap(v, shape);
                }
            }
        }

        /**
         * Asserts that {@code actual} matches the fixture's {@code group/key} within the parity
         * tolerance and returns the max relative error (also printed as {@code PARITY ...} for reports).
         */
        public double assertMatches(String group, String key, Tensor actual) {
            Tensor expected = tensor(group, key);
            double err = maxRelativeError(expected, actual, ABSOLUTE_FLOOR);
            System.out.printf(Locale.ROOT, "PARITY %s %s/%s maxRel=%.3e%n", name, group, key, err);
            assertTrue(err <= RELATIVE_TOLERANCE, "PyTorch parity of " + name + " " + group + "/" + key + ": max relative error " + err);
            return err;
        }

        /**
         * The standard parity check: runs {@code forward} on the fixture's inputs under a tape, compares
         * the output with {@code outputs/y}, and the gradients of {@code sum(y * w)} for each float
         * input ({@code grads/<input>}) and each given weight ({@code grads/<weight name>}).
         *
         * @return the largest relative error seen
         */
        public double checkForwardAndGradients(java.util.function.Function<List<Tensor>, Tensor> forward, List<String> inputNames,
                                               Map<String, Tensor> weights) {
            List<Tensor> xs = new ArrayList<>();
            for (String n : inputNames) xs.add(tensor("inputs", n));
            Tensor w = tensor("loss_weights", "w");
            Tensor y;
            List<Tensor> grads;
            List<Tensor> sources = new ArrayList<>();
            List<String> sourceNames = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                if (xs.get(i).dtype() == DType.FLOAT32 && has("grads", inputNames.get(i))) {
                    sources.add(xs.get(i));
                    sourceNames.add(inputNames.get(i));
                }
            }
            for (Map.Entry<String, Tensor> e : weights.entrySet()) {
                sources.add(e.getValue());
                sourceNames.add(e.getKey());
            }
            try (GradientTape tape = new GradientTape()) {
                for (Tensor s : sources) tape.watch(s);
                y = forward.apply(xs);
                grads = tape.gradient(Ops.sum(Ops.mul(y, w)), sources, GradientTape.UnconnectedGradients.ZERO);
            }
            double worst = assertMatches("outputs", "y", y);
            for (int i = 0; i < sources.size(); i++) worst = Math.max(worst, assertMatches("grads", sourceNames.get(i), grads.get(i)));
            return worst;
        }

        /** Weights in a name-keyed map, in the fixture's order (for {@link #checkForwardAndGradients}). */
        public static Map<String, Tensor> weights(Object... nameAndTensor) {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < nameAndTensor.length; i += 2) m.put((String) nameAndTensor[i], (Tensor) nameAndTensor[i + 1]);
            return m;
        }
    }
}
