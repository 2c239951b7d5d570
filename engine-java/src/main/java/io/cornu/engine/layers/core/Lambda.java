package io.cornu.engine.layers.core;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Wraps a function of a tensor as a layer, as Keras' {@code Lambda}: for quick computations
 * without weights, written with {@link io.cornu.engine.ops.Ops}.
 *
 * <p>The output shape comes from {@code outputShape} (a function of the input shape, batch axis
 * included) or, without it, from running the function on two small dummy inputs: dimensions that
 * follow an unknown input dimension stay unknown.
 *
 * <p>A config cannot hold Java code, so a Lambda is rebuilt from its config only when its function
 * was registered by name ({@link #register}), the counterpart of Keras' refusal to deserialize
 * Python lambdas in safe mode.
 *
 * <pre>{@code
 * new Lambda(x -> Ops.mul(x, 2f));
 * Lambda.register("double", x -> Ops.mul(x, 2f));
 * new Lambda("double", null);   // survives LayerRegistry.cloneLayer
 * }</pre>
 */
public class Lambda extends Layer {
    private record Registered(UnaryOperator<Tensor> function, UnaryOperator<Shape> outputShape) {
    }

    private static final Map<String, Registered> FUNCTIONS = new ConcurrentHashMap<>();

    private final UnaryOperator<Tensor> function;
    private final UnaryOperator<Shape> outputShape;
    private final String functionName;

    /**
     * @param function    the computation, using only {@link io.cornu.engine.ops.Ops}
     * @param outputShape the output shape for an input shape (batch axis included), or null to infer it
     * @param name        the layer's name, or null
     */
    public Lambda(UnaryOperator<Tensor> function, UnaryOperator<Shape> outputShape, String name) {
        this(function, outputShape, null, name);
    }

    public Lambda(UnaryOperator<Tensor> function) {
        this(function, null, null, null);
    }

    /** A Lambda running the function registered as {@code functionName}; it can be rebuilt from its config. */
    public Lambda(String functionName, String name) {
        this(lookup(functionName, name).function, lookup(functionName, name).outputShape, functionName, name);
    }

    private Lambda(UnaryOperator<Tensor> function, UnaryOperator<Shape> outputShape, String functionName, String name) {
        super(name);
        if (function == null) throw new IllegalArgumentException("Lambda: `function` must not be null. Received: function=null");
        this.function = function;
        this.outputShape = outputShape;
        this.functionName = functionName;
    }

    /** Registers a function (and optionally its output shape function) under a name, for {@link #Lambda(String, String)} and configs. */
    public static void register(String functionName, UnaryOperator<Tensor> function, UnaryOperator<Shape> outputShape) {
        if (function == null) throw new IllegalArgumentException("Lambda.register: `function` must not be null");
        FUNCTIONS.put(functionName, new Registered(function, outputShape));
    }

    public static void register(String functionName, UnaryOperator<Tensor> function) {
        register(functionName, function, null);
    }

    private static Registered lookup(String functionName, String layerName) {
        Registered r = functionName == null ? null : FUNCTIONS.get(functionName);
        if (r == null) {
            throw new IllegalArgumentException("Cannot rebuild the Lambda layer" + (layerName == null ? "" : " \"" + layerName + "\"")
                    + ": its function " + (functionName == null ? "is Java code that was not registered" : "'" + functionName + "' is not registered")
                    + ", and a config cannot hold code. Register it once with Lambda.register(\"name\", fn) and create the layer with "
                    + "new Lambda(\"name\", layerName). Registered functions: " + new TreeMap<>(FUNCTIONS).keySet());
        }
        return r;
    }

    /** The registered name of the function, or null for an anonymous one. */
    public String functionName() {
        return functionName;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return function.apply(inputs);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        if (outputShape != null) return outputShape.apply(inputShape);
        try {
            int[] a = function.apply(Tensor.ones(concrete(inputShape, 2))).dims();
            int[] b = function.apply(Tensor.ones(concrete(inputShape, 3))).dims();
            if (a.length != b.length) throw new IllegalStateException("output rank depends on the input's unknown dimensions");
            int[] out = new int[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i] == b[i] ? a[i] : Shape.NONE;
            return Shape.of(out);
        } catch (RuntimeException e) {
            throw new UnsupportedOperationException("We could not automatically infer the shape of the Lambda's output. "
                    + "Please specify the `output_shape` argument for this Lambda layer. (Layer \"" + name() + "\", input shape "
                    + inputShape + ": " + e.getMessage() + ")", e);
        }
    }

    private static int[] concrete(Shape shape, int unknown) {
        int[] d = shape.dims();
        for (int i = 0; i < d.length; i++) if (d[i] == Shape.NONE) d[i] = unknown;
        return d;
    }

    /** The inverse of {@link #getConfig()}, for registered functions only. */
    public static Lambda fromConfig(Map<String, Object> c) {
        String fn = c.get("function") instanceof String s ? s : null;
        lookup(fn, ConfigValues.name(c));
        return new Lambda(fn, ConfigValues.name(c));
    }

    /** Keras' keys; {@code function} is the registered name, or null for unregistered Java code. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("function", functionName);
        c.put("output_shape", outputShape == null ? null : functionName);
        c.put("arguments", Map.of());
        return c;
    }

    @Override
    public String toString() {
        return "Lambda(name=" + name() + ", function=" + (functionName != null ? functionName : "<anonymous>") + ")";
    }
}
