package io.cornu.engine.layers.core;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.normalization.LayerNormalization;
import io.cornu.engine.models.Functional;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.testing.LayerTestCase;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @BeforeEach
    void reset() {
        Names.reset();
    }

    @Test
    void layerTestCase() {
        LayerTestCase.of(Masking::new).inputShape(2, 3, 4).expectedOutputShape(2, 3, 4).supportsMasking(true).passesMaskThrough(false)
                .gradCheck().run();
        LayerTestCase.of(() -> new Masking(-1f)).inputShape(2, 3).expectedOutputShape(2, 3).run();
    }

    private static Tensor sequences() {
        return Tensor.of(new float[][][] {
            {{1, 2}, {0, 0}, {3, 0}},
            {{0, 0}, {0, 0}, {5, 6}}});
    }

    @Test
    void masksStepsWhoseFeaturesAllEqualTheMaskValue() {
        Tensor y = new Masking().apply(sequences());
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1}, y.kerasMask().toFloatArray());
        assertArrayEquals(new int[] {2, 3}, y.kerasMask().dims());
        assertArrayEquals(sequences().toFloatArray(), y.toFloatArray());

        Tensor x = Tensor.of(new float[][][] {{{-1, -1}, {2, -1}}});
        Tensor z = new Masking(-1f).apply(x);
        assertArrayEquals(new float[] {0, 0, 2, -1}, z.toFloatArray(), "masked steps become zeros");
        assertArrayEquals(new float[] {0, 1}, z.kerasMask().toFloatArray());
    }

    @Test
    void gradientIsZeroOnMaskedSteps() {
        Tensor x = Tensor.of(new float[][][] {{{-1, -1}, {2, -1}}});
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            g = tape.gradient(Ops.sum(new Masking(-1f).apply(x)), List.of(x));
        }
        assertArrayEquals(new float[] {0, 0, 1, 1}, g.get(0).toFloatArray());
    }

    @Test
    void maskFlowsThroughMaskSupportingLayersInAModel() {
        KerasTensor in = Input.of(3, 2);
        MaskProbe probe = new MaskProbe();
        KerasTensor h = probe.apply(new LayerNormalization().apply(new Dropout(0.1f).apply(new Masking().apply(in))));
        new Functional(in, h).apply(sequences(), true);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1}, probe.received.toFloatArray());
    }

    /** A consumer of masks (as a recurrent layer is): records the mask it is called with. */
    static final class MaskProbe extends io.cornu.engine.layers.Layer {
        Tensor received;

        MaskProbe() {
            super(null);
        }

        @Override
        protected Tensor call(Tensor inputs, boolean training) {
            received = null;
            return inputs;
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
            received = masks.get(0);
            return inputs;
        }

        @Override
        public io.cornu.engine.tensor.Shape computeOutputShape(io.cornu.engine.tensor.Shape s) {
            return s;
        }
    }

    @Test
    void configHasMaskValue() {
        assertEquals(-1f, new Masking(-1f).getConfig().get("mask_value"));
    }
}
