package io.cornu.engine.initializers;

import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Values scaled to the shape of the weight, as Keras' {@code VarianceScaling} (defaults
 * {@code scale=1.0, mode="fan_in", distribution="truncated_normal"}). With {@code n} the fan-in
 * ({@code mode="fan_in"}), the fan-out ({@code "fan_out"}) or their mean ({@code "fan_avg"}), at least 1:
 * <ul>
 *   <li>{@code "truncated_normal"} (or {@code "normal"}): a normal truncated at two standard deviations
 *       whose standard deviation after truncation is {@code sqrt(scale / n)}, i.e. drawn with
 *       {@code stddev = sqrt(scale / n) / 0.87962566103423978} before truncation;</li>
 *   <li>{@code "untruncated_normal"}: a normal with {@code stddev = sqrt(scale / n)};</li>
 *   <li>{@code "uniform"}: uniform in {@code [-limit, limit]} with {@code limit = sqrt(3 * scale / n)}.</li>
 * </ul>
 * Fans are Keras' {@link #computeFans}: a kernel {@code (..., in, out)} has {@code fanIn = in * r} and
 * {@code fanOut = out * r} where {@code r} is the product of the leading (receptive field) dimensions.
 * The Glorot, He and Lecun initializers are its special cases.
 *
 * <pre>{@code new VarianceScaling(2.0, "fan_in", "truncated_normal", 1L)   // HeNormal(seed=1)}</pre>
 */
public class VarianceScaling extends RandomInitializer {
    /** {@code scipy.stats.truncnorm.std(a=-2, b=2)}: the standard deviation of a unit normal truncated at two. */
    public static final double TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

    private final double scale;
    private final String mode;
    private final String distribution;
    private final int[] inputAxes;
    private final int[] outputAxes;
    /** The name of a named preset (GlorotUniform, HeNormal, ...), whose config is only its seed and axes; null here. */
    private final String presetName;

    /**
     * @param scale        the scaling factor, positive
     * @param mode         {@code "fan_in"}, {@code "fan_out"} or {@code "fan_avg"}
     * @param distribution {@code "truncated_normal"} ({@code "normal"}), {@code "untruncated_normal"} or {@code "uniform"}
     * @param seed         the seed of the values, or null to draw from {@link io.cornu.engine.utils.RandomSeed}
     * @param inputAxes    with {@code outputAxes}, the axes whose product is the fan-in (Keras' {@code input_axes}); null for {@link #computeFans}
     * @param outputAxes   the axes whose product is the fan-out; null for {@link #computeFans}
     */
    public VarianceScaling(double scale, String mode, String distribution, Long seed, int[] inputAxes, int[] outputAxes) {
        this(null, scale, mode, distribution, seed, inputAxes, outputAxes);
    }

    /** A named preset of the family, e.g. {@code HeNormal}: fixed scale, mode and distribution. */
    protected VarianceScaling(String presetName, double scale, String mode, String distribution, Long seed, int[] inputAxes,
                              int[] outputAxes) {
        super(seed);
        this.presetName = presetName;
        if (!(scale > 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale=" + scale);
        }
        if (mode == null || !(mode.equals("fan_in") || mode.equals("fan_out") || mode.equals("fan_avg"))) {
            throw new IllegalArgumentException("Invalid `mode` argument: " + mode + ". Please use one of {'fan_in', 'fan_out', 'fan_avg'}");
        }
        String dist = distribution == null ? null : distribution.toLowerCase(Locale.ROOT);
        if ("normal".equals(dist)) dist = "truncated_normal";
        if (dist == null || !(dist.equals("truncated_normal") || dist.equals("untruncated_normal") || dist.equals("uniform"))) {
            throw new IllegalArgumentException("Invalid `distribution` argument: " + distribution
                    + ". Please use one of {'uniform', 'truncated_normal', 'untruncated_normal'}");
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = dist;
        this.inputAxes = inputAxes == null ? null : inputAxes.clone();
        this.outputAxes = outputAxes == null ? null : outputAxes.clone();
    }

    public VarianceScaling(double scale, String mode, String distribution, Long seed) {
        this(scale, mode, distribution, seed, null, null);
    }

    public VarianceScaling(double scale, String mode, String distribution) {
        this(scale, mode, distribution, null, null, null);
    }

    public VarianceScaling() {
        this(1.0, "fan_in", "truncated_normal", null, null, null);
    }

    public double scale() {
        return scale;
    }

    public String mode() {
        return mode;
    }

    public String distribution() {
        return distribution;
    }

    /** The fan-in axes given, or null. */
    public int[] inputAxes() {
        return inputAxes == null ? null : inputAxes.clone();
    }

    /** The fan-out axes given, or null. */
    public int[] outputAxes() {
        return outputAxes == null ? null : outputAxes.clone();
    }

    /**
     * {@code {fanIn, fanOut}} of a weight shape, as Keras' {@code compute_fans}: {@code (1, 1)} for a
     * scalar, {@code (n, n)} for a vector, {@code (rows, cols)} for a matrix, and for a convolution
     * kernel {@code (..., in, out)} both multiplied by the receptive field size (the product of the
     * leading dimensions).
     */
    public static long[] computeFans(int[] shape) {
        if (shape.length == 0) return new long[] {1, 1};
        if (shape.length == 1) return new long[] {shape[0], shape[0]};
        if (shape.length == 2) return new long[] {shape[0], shape[1]};
        long receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) receptive *= shape[i];
        return new long[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }

    /** {@link #computeFans}, or with both axis lists given, the products of those axes (negative axes count from the end). */
    public static long[] computeFans(int[] shape, int[] inputAxes, int[] outputAxes) {
        if (inputAxes == null || outputAxes == null) return computeFans(shape);
        return new long[] {product(shape, inputAxes), product(shape, outputAxes)};
    }

    private static long product(int[] shape, int[] axes) {
        long p = 1;
        for (int a : axes) {
            int axis = a < 0 ? a + shape.length : a;
            if (axis < 0 || axis >= shape.length) {
                throw new IllegalArgumentException("VarianceScaling: axis " + a + " is out of range for a weight of shape "
                        + Shape.of(shape) + ". Received: input/output axes containing " + a);
            }
            p *= shape[axis];
        }
        return p;
    }

    /** The variance of the values, {@code scale / max(1, n)}, for a weight of {@code shape}. */
    public double varianceFor(int[] shape) {
        long[] fans = computeFans(shape, inputAxes, outputAxes);
        double n = switch (mode) {
            case "fan_in" -> fans[0];
            case "fan_out" -> fans[1];
            default -> (fans[0] + fans[1]) / 2.0;
        };
        return scale / Math.max(1.0, n);
    }

    @Override
    protected Tensor sample(int[] shape, SplittableRandom random) {
        double variance = varianceFor(shape);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        switch (distribution) {
            case "truncated_normal" -> {
                double stddev = Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV;
                for (int i = 0; i < d.length; i++) d[i] = (float) (stddev * truncatedGaussian(random));
            }
            case "untruncated_normal" -> {
                double stddev = Math.sqrt(variance);
                for (int i = 0; i < d.length; i++) d[i] = (float) (stddev * Tensor.gaussian(random));
            }
            default -> {
                double limit = Math.sqrt(3.0 * variance);
                for (int i = 0; i < d.length; i++) d[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        }
        return t;
    }

    @Override
    public String name() {
        return presetName != null ? presetName : "VarianceScaling";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        if (presetName != null) {
            c.put("seed", seed());
            putAxes(c);
            return c;
        }
        c.put("scale", scale);
        c.put("mode", mode);
        c.put("distribution", distribution);
        c.put("seed", seed());
        putAxes(c);
        return c;
    }

    /** Makes a preset from its arguments: seed, input axes, output axes. */
    @FunctionalInterface
    protected interface PresetFactory<T extends VarianceScaling> {
        T create(Long seed, int[] inputAxes, int[] outputAxes);
    }

    /** The inverse of a preset's {@link #getConfig()}. */
    protected static <T extends VarianceScaling> T presetFromConfig(String name, Map<String, Object> c, PresetFactory<T> factory) {
        Initializers.checkKeys(name, c, "seed", "input_axes", "output_axes");
        return factory.create(Initializers.getSeed(name, c), Initializers.getInts(name, c, "input_axes"),
                Initializers.getInts(name, c, "output_axes"));
    }

    /** Adds {@code input_axes} and {@code output_axes} when given (Keras' newer keys; left out otherwise, for older Keras). */
    protected final void putAxes(Map<String, Object> c) {
        if (inputAxes != null) c.put("input_axes", Initializers.list(inputAxes));
        if (outputAxes != null) c.put("output_axes", Initializers.list(outputAxes));
    }

    /** The inverse of {@link #getConfig()}; absent keys take Keras' defaults. */
    public static VarianceScaling fromConfig(Map<String, Object> c) {
        String cls = "VarianceScaling";
        Initializers.checkKeys(cls, c, "scale", "mode", "distribution", "seed", "input_axes", "output_axes");
        return new VarianceScaling(Initializers.getDouble(cls, c, "scale", 1.0), Initializers.getString(cls, c, "mode", "fan_in"),
                Initializers.getString(cls, c, "distribution", "truncated_normal"), Initializers.getSeed(cls, c),
                Initializers.getInts(cls, c, "input_axes"), Initializers.getInts(cls, c, "output_axes"));
    }
}
