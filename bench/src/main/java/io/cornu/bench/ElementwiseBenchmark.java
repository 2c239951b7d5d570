package io.cornu.bench;

import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
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

/** {@code out = a + b} on 1M floats (12 MB of traffic per call), and the sum of 1M floats. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class ElementwiseBenchmark {

    @Param({"1048576"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private float[] a, b, out;

    @Setup
    public void setup() {
        kernels = Kernels.get();
        Parallelism.setThreads(threads);
        a = new float[n];
        b = new float[n];
        out = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 0.5f;
            b[i] = 1f - i;
        }
    }

    @Benchmark
    public float[] add() {
        kernels.add(a, 0, b, 0, out, 0, n);
        return out;
    }

    @Benchmark
    public float sum() {
        return kernels.sum(a, 0, n);
    }
}
