package io.cornu.engine.saving;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.Node;
import io.cornu.engine.models.Functional;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models as Keras-style configs and JSON ({@code model.to_json()}, {@code model_from_json}):
 * {@code {"class_name": "Functional", "config": {"name", "layers": [{"class_name", "config", "name",
 * "inbound_nodes": [[[layer, node, tensor, {}], ...]]}], "input_layers", "output_layers"}}}.
 * Layers are rebuilt through {@link LayerRegistry} only, so a config never names a Java class.
 */
public final class ModelConfig {
    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().create();

    private ModelConfig() {
    }

    /** {@code {"class_name": ..., "config": ...}} for a model or layer. */
    public static Map<String, Object> toConfig(Layer layer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", layer.className());
        if (layer instanceof Sequential seq) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", seq.name());
            List<Object> layers = new ArrayList<>();
            if (seq.inputLayer() != null) layers.add(toConfig(seq.inputLayer()));
            for (Layer l : seq.layers()) layers.add(toConfig(l));
            c.put("layers", layers);
            out.put("config", c);
        } else if (layer instanceof Functional f) {
            out.put("config", functionalConfig(f));
        } else {
            out.put("config", layer.getConfig());
        }
        return out;
    }

    private static Map<String, Object> functionalConfig(Functional f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", f.name());
        List<Object> layers = new ArrayList<>();
        for (Layer l : f.layers()) {
            Map<String, Object> entry = toConfig(l);
            entry.put("name", l.name());
            List<Object> nodes = new ArrayList<>();
            for (Node n : l.inboundNodes()) {
                if (!f.containsNode(n) || n.isInput()) continue;
                List<Object> args = new ArrayList<>();
                for (KerasTensor t : n.inputs()) args.add(ref(f, t));
                nodes.add(args);
            }
            entry.put("inbound_nodes", nodes);
            layers.add(entry);
        }
        c.put("layers", layers);
        c.put("input_layers", f.inputs().stream().map(t -> (Object) ref(f, t)).toList());
        c.put("output_layers", f.outputs().stream().map(t -> (Object) ref(f, t)).toList());
        return c;
    }

    /** {@code [layer, node, tensor, {}]} with the node index counted among the nodes of this model only, as Keras. */
    private static List<Object> ref(Functional f, KerasTensor t) {
        Layer layer = t.history().layer();
        Node node = t.history().node();
        int index = 0;
        for (Node n : layer.inboundNodes()) {
            if (n == node) break;
            if (f.containsNode(n)) index++;
        }
        List<Object> r = new ArrayList<>(List.of(layer.name(), index, t.history().tensorIndex()));
        r.add(Map.of());
        return r;
    }

    /** The model or layer a config describes, built through the registry. */
    @SuppressWarnings("unchecked")
    public static Layer fromConfig(Map<String, Object> config) {
        String cls = (String) config.get("class_name");
        Map<String, Object> c = (Map<String, Object>) config.get("config");
        if (cls == null || c == null) throw new IllegalArgumentException("Invalid config: expected {\"class_name\": ..., \"config\": {...}}. Received keys: " + config.keySet());
        return switch (cls) {
            case "Sequential" -> {
                Sequential seq = new Sequential((String) c.get("name"));
                for (Object l : (List<Object>) c.get("layers")) seq.add(fromConfig((Map<String, Object>) l));
                yield seq;
            }
            case "Functional", "Model" -> functionalFromConfig(c);
            case "InputLayer" -> InputLayer.fromConfig(c);
            default -> LayerRegistry.fromConfig(cls, c);
        };
    }

    @SuppressWarnings("unchecked")
    private static Functional functionalFromConfig(Map<String, Object> c) {
        Map<String, Layer> byName = new HashMap<>();
        Map<String, List<List<KerasTensor>>> outputs = new HashMap<>();
        List<Map<String, Object>> specs = (List<Map<String, Object>>) c.get("layers");
        Map<String, Integer> done = new HashMap<>();
        for (Map<String, Object> spec : specs) {
            Layer l = fromConfig(spec);
            String name = (String) spec.getOrDefault("name", l.name());
            byName.put(name, l);
            List<List<KerasTensor>> outs = new ArrayList<>();
            if (l instanceof InputLayer in) outs.add(List.of(in.output()));
            outputs.put(name, outs);
            done.put(name, 0);
        }
        // replay the nodes as their inputs become available (a shared layer's calls may interleave)
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map<String, Object> spec : specs) {
                String name = (String) spec.get("name");
                List<Object> nodes = (List<Object>) spec.getOrDefault("inbound_nodes", List.of());
                while (done.get(name) < nodes.size()) {
                    List<Object> args = (List<Object>) nodes.get(done.get(name));
                    List<KerasTensor> inputs = new ArrayList<>();
                    for (Object a : args) {
                        KerasTensor t = resolve(outputs, (List<Object>) a);
                        if (t == null) break;
                        inputs.add(t);
                    }
                    if (inputs.size() < args.size()) break;
                    outputs.get(name).add(byName.get(name).applyMulti(inputs));
                    done.put(name, done.get(name) + 1);
                    progress = true;
                }
            }
        }
        for (Map<String, Object> spec : specs) {
            String name = (String) spec.get("name");
            int expected = ((List<Object>) spec.getOrDefault("inbound_nodes", List.of())).size();
            if (done.get(name) < expected) {
                throw new IllegalArgumentException("Invalid model config: the inputs of layer \"" + name + "\" (node " + done.get(name)
                        + ") are never computed");
            }
        }
        List<KerasTensor> ins = new ArrayList<>(), outs = new ArrayList<>();
        for (Object r : (List<Object>) c.get("input_layers")) ins.add(require(outputs, (List<Object>) r));
        for (Object r : (List<Object>) c.get("output_layers")) outs.add(require(outputs, (List<Object>) r));
        return new Functional(ins, outs, (String) c.get("name"));
    }

    private static KerasTensor resolve(Map<String, List<List<KerasTensor>>> outputs, List<Object> ref) {
        List<List<KerasTensor>> nodes = outputs.get((String) ref.get(0));
        if (nodes == null) throw new IllegalArgumentException("Invalid model config: unknown layer \"" + ref.get(0) + "\" in " + ref);
        int node = ((Number) ref.get(1)).intValue(), tensor = ((Number) ref.get(2)).intValue();
        return node < nodes.size() ? nodes.get(node).get(tensor) : null;
    }

    private static KerasTensor require(Map<String, List<List<KerasTensor>>> outputs, List<Object> ref) {
        KerasTensor t = resolve(outputs, ref);
        if (t == null) throw new IllegalArgumentException("Invalid model config: tensor " + ref + " is never computed");
        return t;
    }

    /** The model's config as JSON, Keras' {@code to_json()}. */
    public static String toJson(Layer model) {
        return GSON.toJson(toConfig(model));
    }

    /** A model (or layer) from JSON made by {@link #toJson}, Keras' {@code model_from_json}; fresh weights. */
    public static Layer fromJson(String json) {
        return fromConfig(parse(json));
    }

    /** A JSON object as a map (numbers as doubles); an error for invalid or empty JSON. */
    static Map<String, Object> parse(String json) {
        Map<String, Object> config;
        try {
            config = GSON.fromJson(json, new TypeToken<Map<String, Object>>() { }.getType());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Invalid model JSON: " + e.getMessage(), e);
        }
        if (config == null) throw new IllegalArgumentException("Invalid model JSON: empty document");
        return config;
    }

    /** Any config value as JSON, written as {@link #toJson} writes. */
    static String json(Object value) {
        return GSON.toJson(value);
    }
}
