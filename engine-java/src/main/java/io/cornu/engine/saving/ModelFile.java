package io.cornu.engine.saving;

import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.models.Model;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.training.CompileOptions;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Saving and loading models, as Keras' {@code model.save} / {@code load_model} and
 * {@code save_weights} / {@code load_weights}. A {@code .cornu} file is a zip holding
 * {@code config.json} (see {@link ModelConfig}; absent in weights-only files) and {@code weights.bin}
 * (each weight's name, shape and float32 values, in {@link Layer#weights()} order). A compiled model's
 * file also holds, as Keras', the {@code compile_config} in {@code config.json} (see {@link CompileConfig})
 * and the optimizer's state ({@code optimizer.json}, {@code optimizer.bin}: its iterations and every
 * variable), so that a loaded model continues training exactly where the saved one was.
 *
 * <p>Writes are atomic: the file is written beside its target and moved over it, so a crash mid-save
 * leaves the previous file intact. A failed load changes nothing: every weight and optimizer variable
 * is read and checked before any is assigned. Loading builds layers, losses, metrics and optimizers
 * through their registries only ({@link LayerRegistry}, {@link io.cornu.engine.losses.Loss#fromConfig},
 * {@link io.cornu.engine.metrics.Metrics#fromConfig}, {@link io.cornu.engine.optimizers.Optimizer#fromConfig}); custom ones come
 * from the {@code customObjects} given to {@link #load(Path, boolean, Map)}.
 */
public final class ModelFile {
    private static final String CONFIG = "config.json";
    private static final String WEIGHTS = "weights.bin";
    private static final String OPTIMIZER = "optimizer.json";
    private static final String OPTIMIZER_VALUES = "optimizer.bin";
    private static final String COMPILE_CONFIG = "compile_config";
    private static final int MAGIC = 0x434f524e; // "CORN"
    private static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * Saves the model's config and weights to {@code path}, atomically; for a compiled model also its
     * compile arguments and its optimizer's state (Keras' {@code model.save}).
     */
    public static void save(Model model, Path path) throws IOException {
        Map<String, Object> config = ModelConfig.toConfig(model);
        byte[] optimizerJson = null, optimizerValues = null;
        if (model.isCompiled()) {
            config.put(COMPILE_CONFIG, CompileConfig.toConfig(model.trainer().compileOptions()));
            OptimizerState.Saved state = OptimizerState.describe(model.optimizer(), model.weights());
            optimizerJson = ModelConfig.json(state.description()).getBytes(StandardCharsets.UTF_8);
            optimizerValues = encodeWeights(state.variables());
        }
        byte[] json = ModelConfig.json(config).getBytes(StandardCharsets.UTF_8);
        byte[] weights = encodeWeights(model.weights());
        byte[] optJson = optimizerJson, optValues = optimizerValues;
        writeAtomically(path, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, CONFIG, json);
                put(zip, WEIGHTS, weights);
                if (optJson != null) {
                    put(zip, OPTIMIZER, optJson);
                    put(zip, OPTIMIZER_VALUES, optValues);
                }
            }
        });
    }

    /**
     * A model rebuilt from a file made by {@link #save}, with its weights; compiled again, with its
     * optimizer's state, when it was saved compiled (Keras' {@code load_model}).
     */
    public static Model load(Path path) throws IOException {
        return load(path, true, Map.of());
    }

    /** As {@link #load(Path)}; with {@code compile=false} the model is not compiled (Keras' {@code compile=False}). */
    public static Model load(Path path, boolean compile) throws IOException {
        return load(path, compile, Map.of());
    }

    /**
     * As {@link #load(Path)}, with Keras' {@code compile} and {@code custom_objects}: the custom losses, metrics
     * and optimizers the model was compiled with, by their names, e.g.
     * {@code Map.of("quartic", Loss.of("quartic", ...))}. A custom optimizer given here gets the saved state.
     * Nothing given is changed when the load fails.
     */
    public static Model load(Path path, boolean compile, Map<String, ?> customObjects) throws IOException {
        Map<String, byte[]> entries = read(path);
        byte[] configBytes = entries.get(CONFIG);
        if (configBytes == null) throw new IOException(path + " holds weights only (no " + CONFIG + "): build the model and use loadWeights");
        Map<String, Object> config = ModelConfig.parse(new String(configBytes, StandardCharsets.UTF_8));
        Object compileConfig = config.remove(COMPILE_CONFIG);
        Layer layer = ModelConfig.fromConfig(config);
        if (!(layer instanceof Model model)) throw new IOException(path + " holds a " + layer.className() + ", not a model");
        assignWeights(model, decodeWeights(required(entries, WEIGHTS, path)), path);
        if (compile && compileConfig != null) restoreCompile(model, compileConfig, entries, customObjects, path);
        return model;
    }

    @SuppressWarnings("unchecked")
    private static void restoreCompile(Model model, Object compileConfig, Map<String, byte[]> entries, Map<String, ?> customObjects,
                                       Path path) throws IOException {
        String where = "Cannot restore the compiled state of \"" + model.name() + "\" from " + path;
        if (!(compileConfig instanceof Map<?, ?> cc)) throw new IOException(where + ": invalid compile_config " + compileConfig);
        CompileOptions options;
        try {
            options = CompileConfig.fromConfig((Map<String, Object>) cc, customObjects);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        try {
            model.compile(options);   // first: what fails here leaves a given custom optimizer untouched
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        byte[] description = entries.get(OPTIMIZER);
        if (description != null) {
            Map<String, Object> d;
            try {
                d = ModelConfig.parse(new String(description, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": corrupt " + OPTIMIZER + ": " + e.getMessage(), e);
            }
            List<Saved> values;
            try {
                values = decodeWeights(required(entries, OPTIMIZER_VALUES, path));
            } catch (IOException e) {
                throw new IOException(where + ": " + OPTIMIZER_VALUES + ": " + e.getMessage(), e);
            }
            OptimizerState.restore(model.optimizer(), model.weights(), d, values, where);
        }
    }

    /** Saves only the weights, atomically. */
    public static void saveWeights(Layer model, Path path) throws IOException {
        byte[] weights = encodeWeights(model.weights());
        writeAtomically(path, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, WEIGHTS, weights);
            }
        });
    }

    /** Loads weights saved from a model of the same structure; on any mismatch nothing is changed. */
    public static void loadWeights(Layer model, Path path) throws IOException {
        assignWeights(model, decodeWeights(required(read(path), WEIGHTS, path)), path);
    }

    // ---- format ------------------------------------------------------------------------------------------

    /** One saved variable: its name, shape and values. */
    record Saved(String name, int[] shape, float[] values) {
    }

    private static byte[] encodeWeights(List<Variable> weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(weights.size());
            for (Variable v : weights) {
                out.writeUTF(v.name());
                int[] dims = v.dims();
                out.writeInt(dims.length);
                for (int d : dims) out.writeInt(d);
                for (float f : v.toFloatArray()) out.writeFloat(f);
            }
        }
        return bytes.toByteArray();
    }

    private static List<Saved> decodeWeights(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) throw new IOException("not a Cornu weights file (bad magic number)");
            int version = in.readInt();
            if (version != VERSION) throw new IOException("unsupported weights format version " + version + " (this Cornu reads " + VERSION + ")");
            int count = in.readInt();
            if (count < 0 || count > 1_000_000) throw new IOException("corrupt weights file: " + count + " weights");
            List<Saved> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 16) throw new IOException("corrupt weights file: rank " + rank + " for " + name);
                int[] shape = new int[rank];
                long n = 1;
                for (int a = 0; a < rank; a++) {
                    shape[a] = in.readInt();
                    n *= shape[a];
                }
                if (n < 0 || n > in.available() / 4 + 1) throw new IOException("corrupt weights file: " + name + " claims " + n + " values");
                float[] values = new float[(int) n];
                for (int k = 0; k < values.length; k++) values[k] = in.readFloat();
                out.add(new Saved(name, shape, values));
            }
            return out;
        } catch (java.io.EOFException e) {
            throw new IOException("truncated weights file", e);
        }
    }

    /** Checks every saved weight against the model first; assigns only when all match. */
    private static void assignWeights(Layer model, List<Saved> saved, Path path) throws IOException {
        List<Variable> vars = model.weights();
        if (vars.size() != saved.size()) {
            throw new IOException("Cannot load " + path + " into \"" + model.name() + "\": the file has " + saved.size()
                    + " weights, the model has " + vars.size());
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!java.util.Arrays.equals(vars.get(i).dims(), saved.get(i).shape())) {
                throw new IOException("Cannot load " + path + " into \"" + model.name() + "\": weight " + i + " (" + vars.get(i).name()
                        + ") has shape " + vars.get(i).shape() + " but the file's " + saved.get(i).name() + " has shape "
                        + io.cornu.engine.tensor.Shape.of(saved.get(i).shape()));
            }
        }
        for (int i = 0; i < vars.size(); i++) vars.get(i).assign(Tensor.wrap(saved.get(i).values(), saved.get(i).shape()));
    }

    // ---- files ----------------------------------------------------------------------------------------------

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside {@code path}, forces it to disk, then moves it over {@code path}. */
    static void writeAtomically(Path path, Writer writer) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                writer.write(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                        channel.force(true);
                    }
                });
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static Map<String, byte[]> read(Path path) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream raw = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.put(e.getName(), zip.readAllBytes());
        }
        if (entries.isEmpty()) throw new IOException(path + " is not a Cornu model file (not a zip, or empty)");
        return entries;
    }

    private static byte[] required(Map<String, byte[]> entries, String name, Path path) throws IOException {
        byte[] b = entries.get(name);
        if (b == null) throw new IOException(path + " has no " + name);
        return b;
    }
}
