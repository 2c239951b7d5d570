package io.cornu.engine.layers.reshaping;

import io.cornu.engine.layers.Input;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.GradCheck;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ZeroPadding1D/2D, Cropping1D/2D, UpSampling1D/2D against direct loops. */
class PaddingCroppingUpSamplingTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCases() {
        LayerTestCase.of(ZeroPadding1D::new).inputShape(2, 3, 4).expectedOutputShape(2, 5, 4).gradCheck().run();
        LayerTestCase.of(() -> new ZeroPadding2D(new int[][] {{1, 0}, {2, 1}}, null)).inputShape(2, 3, 3, 2).expectedOutputShape(2, 4, 6, 2).gradCheck().run();
        LayerTestCase.of(() -> new Cropping1D(1, 2)).inputShape(2, 5, 3).expectedOutputShape(2, 2, 3).gradCheck().run();
        LayerTestCase.of(() -> new Cropping2D(new int[][] {{1, 0}, {0, 2}}, null)).inputShape(2, 4, 5, 2).expectedOutputShape(2, 3, 3, 2).gradCheck().run();
        LayerTestCase.of(UpSampling1D::new).inputShape(2, 3, 4).expectedOutputShape(2, 6, 4).gradCheck().run();
        LayerTestCase.of(() -> new UpSampling2D(2, 3)).inputShape(2, 2, 3, 2).expectedOutputShape(2, 4, 9, 2).gradCheck().run();
    }

    @Test
    void zeroPaddingSurroundsWithZeros() {
        Tensor x = GradCheck.random(1, 2, 3, 2);
        Tensor y = new ZeroPadding1D(1, 2).apply(x);
        assertArrayEquals(new int[] {2, 6, 2}, y.dims());
        for (int b = 0; b < 2; b++) for (int t = 0; t < 6; t++) for (int c = 0; c < 2; c++) {
            assertEquals(t >= 1 && t < 4 ? x.get(b, t - 1, c) : 0f, y.get(b, t, c));
        }
        Tensor img = GradCheck.random(2, 1, 2, 3, 1);
        Tensor p = new ZeroPadding2D(new int[][] {{1, 2}, {0, 1}}, null).apply(img);
        assertArrayEquals(new int[] {1, 5, 4, 1}, p.dims());
        for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) {
            boolean inside = i >= 1 && i < 3 && j < 3;
            assertEquals(inside ? img.get(0, i - 1, j, 0) : 0f, p.get(0, i, j, 0));
        }
        assertEquals(Shape.of(Shape.NONE, 30, 30, 3), new ZeroPadding2D(1).apply(Input.of(28, 28, 3)).shape());
        assertEquals(Shape.of(Shape.NONE, 30, 32, 3), new ZeroPadding2D(1, 2).apply(Input.of(28, 28, 3)).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 3), new ZeroPadding1D(2).apply(Input.of(Shape.NONE, 3)).shape());
        assertEquals(List.of(List.of(1, 1), List.of(2, 2)), new ZeroPadding2D(1, 2).getConfig().get("padding"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ZeroPadding1D(1, -2));
        assertEquals("The `padding` argument must be a tuple of 2 integers. Received padding=(1, -2), including values {-2} that do not satisfy `value >= 0`",
                e.getMessage());
    }

    @Test
    void croppingRemovesEdges() {
        Tensor x = GradCheck.random(3, 2, 6, 2);
        Tensor y = new Cropping1D(2, 1).apply(x);
        assertArrayEquals(new int[] {2, 3, 2}, y.dims());
        for (int b = 0; b < 2; b++) for (int t = 0; t < 3; t++) for (int c = 0; c < 2; c++) assertEquals(x.get(b, t + 2, c), y.get(b, t, c));
        Tensor img = GradCheck.random(4, 1, 5, 6, 2);
        Tensor z = new Cropping2D(new int[][] {{1, 2}, {3, 0}}, null).apply(img);
        assertArrayEquals(new int[] {1, 2, 3, 2}, z.dims());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int c = 0; c < 2; c++) assertEquals(img.get(0, i + 1, j + 3, c), z.get(0, i, j, c));
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 4), new Cropping1D().apply(Input.of(Shape.NONE, 4)).shape());
        assertEquals(Shape.of(Shape.NONE, 24, 24, 3), new Cropping2D(2).apply(Input.of(28, 28, 3)).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Cropping1D(2, 2).apply(Input.of(4, 3)));
        assertEquals("`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: input_shape=(None, 4, 3), "
                + "cropping=(2, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Cropping2D(3).apply(Input.of(6, 5, 1)));
        assertEquals("Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. "
                + "Received: input_shape=(None, 6, 5, 1), cropping=((3, 3), (3, 3))", e.getMessage());
        assertEquals("`cropping` cannot be negative. Received: cropping=-1.", assertThrows(IllegalArgumentException.class, () -> new Cropping2D(-1)).getMessage());
        assertEquals(List.of(List.of(0, 0), List.of(0, 0)), new Cropping2D().getConfig().get("cropping"));
        assertEquals(List.of(1, 1), new Cropping1D().getConfig().get("cropping"));
    }

    @Test
    void upSamplingRepeatsNearestNeighbours() {
        Tensor x = Tensor.of(new float[][][] {{{1}, {2}}});
        assertArrayEquals(new float[] {1, 1, 2, 2}, new UpSampling1D().apply(x).toFloatArray());
        Tensor img = GradCheck.random(5, 1, 2, 3, 2);
        Tensor y = new UpSampling2D(2, 3).apply(img);
        assertArrayEquals(new int[] {1, 4, 9, 2}, y.dims());
        for (int i = 0; i < 4; i++) for (int j = 0; j < 9; j++) for (int c = 0; c < 2; c++) assertEquals(img.get(0, i / 2, j / 3, c), y.get(0, i, j, c));
        assertEquals(Shape.of(Shape.NONE, 56, 56, 3), new UpSampling2D().apply(Input.of(28, 28, 3)).shape());
        assertEquals(Shape.of(Shape.NONE, Shape.NONE, 3), new UpSampling1D(3).apply(Input.of(Shape.NONE, 3)).shape());
        assertEquals("Argument `size` should be a positive integer. Received: size=0",
                assertThrows(IllegalArgumentException.class, () -> new UpSampling1D(0)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UpSampling2D(new int[] {2, 2}, "bicubic", null));
        assertEquals("UpSampling2D: interpolation must be one of 'nearest', 'bilinear' ('bicubic', 'lanczos3', 'lanczos5' and 'area' are "
                + "not supported). Received: interpolation=bicubic", e.getMessage());
        var c = new UpSampling2D().getConfig();
        assertEquals(List.of(2, 2), c.get("size"));
        assertEquals("nearest", c.get("interpolation"));
    }

    /**
     * Bilinear, half-pixel centres, worked by hand: output pixel i of a 2x upsampling samples input
     * coordinate (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, ..., clamped to the edge pixels.
     */
    @Test
    void bilinearUpSamplingInterpolatesWithHalfPixelCentres() {
        Tensor column = Tensor.wrap(new float[] {1, 2, 3}, 1, 3, 1, 1);
        assertArrayEquals(new float[] {1, 1.25f, 1.75f, 2.25f, 2.75f, 3},
                new UpSampling2D(new int[] {2, 1}, "bilinear", null).apply(column).toFloatArray(), 1e-6f);
        Tensor img = Tensor.wrap(new float[] {0, 4, 8, 12}, 1, 2, 2, 1);
        assertArrayEquals(new float[] {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12},
                new UpSampling2D(new int[] {2, 2}, "bilinear", null).apply(img).toFloatArray(), 1e-6f);
        // a factor of 3 (odd): coordinates -1/3, 0, 1/3, 2/3, 1, 4/3 on two pixels 0 and 3
        Tensor pair = Tensor.wrap(new float[] {0, 3}, 1, 1, 2, 1);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 3},
                new UpSampling2D(new int[] {1, 3}, "bilinear", null).apply(pair).toFloatArray(), 1e-5f);
        LayerTestCase.of(() -> new UpSampling2D(new int[] {2, 3}, "bilinear", null)).inputShape(2, 2, 3, 2).expectedOutputShape(2, 4, 9, 2)
                .gradCheck().run();
        UpSampling2D restored = UpSampling2D.fromConfig(new UpSampling2D(new int[] {2, 2}, "bilinear", null).getConfig());
        assertEquals("bilinear", restored.interpolation());
    }

    @Test
    void resizeToAnySizeAndItsErrors() {
        Tensor img = Tensor.wrap(new float[] {0, 3}, 1, 1, 2, 1);
        // downsampling 2 -> 1: coordinate (0.5) * 2 - 0.5 = 0.5, halfway
        assertArrayEquals(new float[] {1.5f}, Ops.resize(img, 1, 1, "bilinear").toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3f}, Ops.resize(img, 1, 1, "nearest").toFloatArray());
        assertEquals("resize: expected images of rank 4 (batch, height, width, channels). Received: images.shape=(2, 1)",
                assertThrows(IllegalArgumentException.class, () -> Ops.resize(Tensor.zeros(2, 1), 2, 2, "bilinear")).getMessage());
    }
}
