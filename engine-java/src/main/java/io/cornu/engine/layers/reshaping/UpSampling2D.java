package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.ArgumentValidation;
import io.cornu.engine.layers.core.ConfigValues;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;

import java.util.Locale;
import java.util.Map;

/**
 * Upsamples images by {@code size[0]} in rows and {@code size[1]} in columns, as Keras'
 * {@code UpSampling2D} (channels last): {@code interpolation="nearest"} repeats every pixel,
 * {@code "bilinear"} interpolates between the nearest input pixels (half-pixel centres, edges
 * clamped: {@link Ops#resize}).
 *
 * <p>Input shape: {@code (batch, rows, cols, channels)}. Output shape:
 * {@code (batch, rows * size[0], cols * size[1], channels)}.
 */
public class UpSampling2D extends Layer {
    private final int[] size;
    private final String interpolation;

    /**
     * @param size          {@code {rows, cols}} factors, or one factor for both
     * @param interpolation {@code "nearest"} (null means this) or {@code "bilinear"}
     * @param name          the layer's name, or null
     */
    public UpSampling2D(int[] size, String interpolation, String name) {
        super(name);
        this.size = ArgumentValidation.standardizeTuple(size, 2, "size", false);
        this.interpolation = interpolation == null ? "nearest" : interpolation.toLowerCase(Locale.ROOT);
        if (!this.interpolation.equals("nearest") && !this.interpolation.equals("bilinear")) {
            throw new IllegalArgumentException("UpSampling2D: interpolation must be one of 'nearest', 'bilinear' ('bicubic', 'lanczos3', "
                    + "'lanczos5' and 'area' are not supported). Received: interpolation=" + interpolation);
        }
    }

    public UpSampling2D(int... size) {
        this(size.length == 0 ? new int[] {2, 2} : size, "nearest", null);
    }

    public int[] size() {
        return size.clone();
    }

    public String interpolation() {
        return interpolation;
    }

    @Override
    protected void build(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (interpolation.equals("bilinear")) {
            return Ops.resize(inputs, inputs.dim(1) * size[0], inputs.dim(2) * size[1], "bilinear");
        }
        return Ops.repeat(Ops.repeat(inputs, size[0], 1), size[1], 2);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ArgumentValidation.requireRank(this, inputShape, 4);
        Shape out = inputShape;
        for (int i = 0; i < 2; i++) if (out.isKnown(i + 1)) out = out.with(i + 1, out.get(i + 1) * size[i]);
        return out;
    }

    public static UpSampling2D fromConfig(Map<String, Object> c) {
        int[] s = ConfigValues.getInts(c, "size");
        return new UpSampling2D(s == null ? new int[] {2, 2} : s, ConfigValues.getString(c, "interpolation", "nearest"), ConfigValues.name(c));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("size", ConfigValues.list(size));
        c.put("data_format", "channels_last");
        c.put("interpolation", interpolation);
        return c;
    }
}
