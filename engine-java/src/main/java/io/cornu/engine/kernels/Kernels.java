package io.cornu.engine.kernels;

/**
 * The numeric kernels every op runs on: flat loops over {@code float[]} buffers with explicit
 * offsets, writing into caller-provided outputs (no allocation).
 *
 * <p>Two implementations: {@link ScalarKernels}, plain loops that serve as the reference in tests,
 * and {@link VectorKernels}, the JDK Vector API version. {@link #get()} returns the one in use.
 *
 * <p>Matrices are row-major; {@code lda}/{@code ldb}/{@code ldc} are row strides, as in CBLAS
 * with {@code CblasRowMajor}.
 */
public interface Kernels {

    /** The kernels in use: Vector API when {@code jdk.incubator.vector} is available, else scalar. */
    static Kernels get() {
        return KernelProvider.current();
    }

    /** A short name for logs and benchmark tables, e.g. {@code "vector(256)"}. */
    String name();

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} where {@code op(X)} is {@code X} or its transpose.
     * {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n}, {@code C} is {@code m x n}.
     * With {@code beta == 0} the old contents of C are ignored (even NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** {@code out[i] = a[i] + b[i]}. */
    void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] - b[i]}. */
    void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * b[i]}. */
    void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] / b[i]}. */
    void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** {@code out[i] = a[i] * s + t}. */
    void scaleShift(float[] a, int aOff, float s, float t, float[] out, int outOff, int n);

    /** {@code y[i] += alpha * x[i]}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code out[i] = max(a[i], 0)}. */
    void relu(float[] a, int aOff, float[] out, int outOff, int n);

    /** {@code out[i] = x[i] > 0 ? g[i] : 0}: the gradient of ReLU. */
    void reluBackward(float[] x, int xOff, float[] g, int gOff, float[] out, int outOff, int n);

    /** {@code out[i] = exp(a[i])}. */
    void exp(float[] a, int aOff, float[] out, int outOff, int n);

    /** {@code out[i] = log(a[i])}. */
    void log(float[] a, int aOff, float[] out, int outOff, int n);

    /** Sum of {@code a[aOff .. aOff+n)}. */
    float sum(float[] a, int aOff, int n);

    /** Maximum of {@code a[aOff .. aOff+n)}; {@code -Infinity} when {@code n == 0}. */
    float max(float[] a, int aOff, int n);

    /** {@code sum(a[i] * b[i])}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /**
     * Numerically stable softmax of each of {@code rows} contiguous rows of length {@code cols}:
     * {@code out = exp(x - max(x)) / sum(exp(x - max(x)))}.
     */
    void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols);
}
