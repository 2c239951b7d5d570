package io.cornu.bench;

import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM {@code C = A.B} through {@link Kernels#get()}, the shapes of
 * {@code shared/bench/reference/sgemm.py} plus the two backward products of the MLP's first Dense
 * layer. Time per call; {@link GemmGflops} turns it into GFLOPS ({@code 2 M N K / time}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {

    /**
     * {@code MxKxN} (A is M x K, B is K x N) or one number for a square product; {@code :TA} or
     * {@code :TB} stores that operand transposed (the weight- and input-gradient products).
     */
    @Param({"128", "256", "512", "1024", "2048", "128x784x512", "128x512x10", "784x128x512:TA", "128x512x784:TB"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private Shape s;
    private float[] a, b, c;

    /** A parsed {@link #shape}. */
    public record Shape(int m, int k, int n, boolean transA, boolean transB) {
        public static Shape parse(String text) {
            String[] parts = text.split(":");
            String[] d = parts[0].split("x");
            int m = Integer.parseInt(d[0]);
            int k = d.length > 1 ? Integer.parseInt(d[1]) : m;
            int n = d.length > 2 ? Integer.parseInt(d[2]) : m;
            String t = parts.length > 1 ? parts[1] : "";
            return new Shape(m, k, n, t.contains("TA"), t.contains("TB"));
        }

        public double flops() {
            return 2.0 * m * n * k;
        }
    }

    @Setup
    public void setup() {
        kernels = Kernels.get();
        if (!kernels.name().startsWith("vector")) {
            throw new IllegalStateException("expected the Vector API kernels, got " + kernels.name());
        }
        Parallelism.setThreads(threads);
        s = Shape.parse(shape);
        SplittableRandom r = new SplittableRandom(42);
        a = random(r, s.m * s.k);
        b = random(r, s.k * s.n);
        c = new float[s.m * s.n];
    }

    private static float[] random(SplittableRandom r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }

    @Benchmark
    public float[] gemm() {
        int lda = s.transA ? s.m : s.k;
        int ldb = s.transB ? s.k : s.n;
        kernels.gemm(s.transA, s.transB, s.m, s.n, s.k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n);
        return c;
    }
}
