package io.cornu.engine.tensor;

/** Element types of a {@link Tensor}. Computation is float32; the integer types hold indices and labels. */
public enum DType {
    FLOAT32("float32"),
    INT32("int32"),
    INT64("int64");

    private final String kerasName;

    DType(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses for this type, e.g. {@code "float32"}. */
    public String kerasName() {
        return kerasName;
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
