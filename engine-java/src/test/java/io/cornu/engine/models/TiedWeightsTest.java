package io.cornu.engine.models;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.initializers.Zeros;
import io.cornu.engine.layers.Input;
import io.cornu.engine.layers.KerasTensor;
import io.cornu.engine.layers.Layer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Shape;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A custom layer reusing another layer's variable: the decoder of a tied autoencoder, x · Wᵀ + b. */
class TiedWeightsTest {

    /** Computes {@code x · transpose(source.kernel) + bias}, owning only its bias. */
    static final class TiedDense extends Layer {
        private final Dense source;
        private Variable kernel;
        private Variable bias;

        TiedDense(Dense source, String name) {
            super(name);
            this.source = source;
        }

        @Override
        protected void build(Shape inputShape) {
            kernel = trackWeight(source.kernel());
            bias = addWeight("bias", new int[] {source.kernel().dim(0)}, new Zeros(), true);
        }

        @Override
        protected Tensor call(Tensor inputs, boolean training) {
            return Ops.add(Ops.matmul(inputs, Ops.transpose(kernel)), bias);
        }

        @Override
        public Shape computeOutputShape(Shape inputShape) {
            return inputShape.with(-1, source.kernel().dim(0));
        }
    }

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    @Test
    void sharedVariableIsCountedOnceAndGetsBothGradients() {
        KerasTensor in = Input.of(6);
        Dense encoder = new Dense(3, "relu");
        KerasTensor code = encoder.apply(in);
        TiedDense decoder = new TiedDense(encoder, "decoder");
        Functional model = new Functional(in, decoder.apply(code), "autoencoder");

        assertEquals(6 * 3 + 3 + 6, model.countParams());
        assertSame(encoder.kernel(), decoder.weights().get(0));
        assertEquals(3, model.trainableWeights().size());

        Tensor x = random(4, 5, 6);
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = Ops.mean(Ops.square(Ops.sub(model.apply(x, true), x)));
            g = tape.gradient(loss, List.of(encoder.kernel())).get(0);
        }
        // finite differences on the shared kernel: both uses contribute
        float[] w = encoder.kernel().buffer();
        double h = 1e-2;
        for (int i = 0; i < w.length; i++) {
            float old = w[i];
            w[i] = (float) (old + h);
            double plus = Ops.mean(Ops.square(Ops.sub(model.apply(x), x))).item();
            w[i] = (float) (old - h);
            double minus = Ops.mean(Ops.square(Ops.sub(model.apply(x), x))).item();
            w[i] = old;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, g.toFloatArray()[i], 1e-2 * (1 + Math.abs(numeric)), "kernel[" + i + "]");
        }
    }
}
