package io.cornu.bench;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.autodiff.Variable;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.ops.Ops;
import io.cornu.engine.tensor.Tensor;
import java.util.List;
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
 * {@code Ops.conv2d} (3x3, stride 1, valid, channels last) at the three Conv2D layers of the book's
 * convnet, batch 64 as in {@code convnet_fashion.py}: forward alone (inference, no tape), and
 * forward plus the gradients of a sum with respect to the input and the kernel (a training step's
 * share). GFLOPS of the forward = {@code 2 * batch * outH * outW * 9 * cin * cout / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class Conv2dBenchmark {

    /** {@code HxWxCIN->COUT} of the input and the filters: the convnet's conv1, conv2, conv3. */
    @Param({"28x28x1->32", "13x13x32->64", "5x5x64->128"})
    public String layer;

    @Param({"1", "2"})
    public int threads;

    @Param({"64"})
    public int batch;

    private Tensor x, kernel;
    private Variable xVar, kernelVar;

    @Setup
    public void setup() {
        if (!Kernels.get().name().startsWith("vector")) {
            throw new IllegalStateException("expected the Vector API kernels, got " + Kernels.get().name());
        }
        Parallelism.setThreads(threads);
        String[] io = layer.split("->");
        String[] hwc = io[0].split("x");
        int h = Integer.parseInt(hwc[0]), w = Integer.parseInt(hwc[1]), cin = Integer.parseInt(hwc[2]);
        int cout = Integer.parseInt(io[1]);
        x = Tensor.randomUniform(1, 0f, 1f, batch, h, w, cin);
        kernel = Tensor.randomUniform(2, -0.1f, 0.1f, 3, 3, cin, cout);
        xVar = new Variable("x", x);
        kernelVar = new Variable("kernel", kernel);
    }

    @Benchmark
    public Tensor forward() {
        return Ops.conv2d(x, kernel);
    }

    @Benchmark
    public List<Tensor> forwardBackward() {
        try (GradientTape tape = new GradientTape()) {
            Tensor y = Ops.sum(Ops.conv2d(xVar, kernelVar));
            return tape.gradient(y, List.of(xVar, kernelVar));
        }
    }
}
