package io.cornu.engine.layers;

import io.cornu.engine.tensor.Shape;

/** Keras' {@code Input(shape)}: a symbolic tensor of shape {@code (None, *shape)} that starts a model. */
public final class Input {
    private Input() {
    }

    /** {@code Input(shape=(d0, d1, ...))}; use {@link Shape#NONE} for variable dimensions. */
    public static KerasTensor of(int... shape) {
        return new InputLayer(Shape.of(shape), null).output();
    }

    /** A named input, addressable by name in models. */
    public static KerasTensor of(Shape shape, String name) {
        return new InputLayer(shape, name).output();
    }
}
