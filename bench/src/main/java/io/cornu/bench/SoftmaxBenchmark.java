package io.cornu.bench;

import io.cornu.engine.kernels.Kernels;
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

/** Row softmax: the MLP's output layer (128 x 10) and a large one (1024 x 1000). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class SoftmaxBenchmark {

    /** {@code ROWSxCOLS}. */
    @Param({"128x10", "1024x1000"})
    public String shape;

    private Kernels kernels;
    private int rows, cols;
    private float[] x, out;

    @Setup
    public void setup() {
        kernels = Kernels.get();
        String[] d = shape.split("x");
        rows = Integer.parseInt(d[0]);
        cols = Integer.parseInt(d[1]);
        SplittableRandom r = new SplittableRandom(7);
        x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextDouble() * 20 - 10);
        out = new float[rows * cols];
    }

    @Benchmark
    public float[] softmaxRows() {
        kernels.softmaxRows(x, 0, out, 0, rows, cols);
        return out;
    }
}
