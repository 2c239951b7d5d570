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

    /** {@code Input(shape, name, dtype)}: e.g. {@code Input.of(Shape.of(Shape.NONE), "text", DType.INT32)} for token ids. */
    public static KerasTensor of(Shape shape, String name, io.cornu.engine.tensor.DType dtype) {
        return new InputLayer(shape, name, dtype).output();
    }
}
