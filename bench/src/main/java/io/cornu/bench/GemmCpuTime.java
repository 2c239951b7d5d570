package io.cornu.bench;

import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Single-threaded GEMM GFLOPS from the calling thread's CPU time rather than wall time: on a
 * machine other processes keep busy, wall time measures the scheduler more than the kernel. Not
 * a JMH benchmark (JMH has no CPU-time mode); the best of many short samples after a warm-up.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar io.cornu.bench.GemmCpuTime [shape...]</pre>
 */
public final class GemmCpuTime {
    private static final String[] DEFAULT_SHAPES = {"128", "256", "512", "1024", "2048", "128x784x512", "128x512x10",
        "784x128x512:TA", "128x512x784:TB"};

    private GemmCpuTime() {
    }

    public static void main(String[] args) {
        Parallelism.setThreads(1);
        Kernels kernels = Kernels.get();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] shapes = args.length > 0 ? args : DEFAULT_SHAPES;
        System.out.println("GEMM, 1 thread, GFLOPS from thread CPU time, " + kernels.name() + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.printf("%-16s %9s %9s%n", "shape", "best", "median");
        for (String shape : shapes) {
            GemmBenchmark.Shape s = GemmBenchmark.Shape.parse(shape);
            SplittableRandom r = new SplittableRandom(42);
            float[] a = new float[s.m() * s.k()], b = new float[s.k() * s.n()], c = new float[s.m() * s.n()];
            for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
            for (int i = 0; i < b.length; i++) b[i] = (float) (r.nextDouble() * 2 - 1);
            int lda = s.transA() ? s.m() : s.k(), ldb = s.transB() ? s.k() : s.n();
            int calls = (int) Math.max(1, 2e8 / s.flops()); // ~3 ms samples at 70 GFLOPS
            double[] gflops = new double[40];
            for (int sample = -40; sample < gflops.length; sample++) { // 40 warm-up samples
                long t0 = mx.getCurrentThreadCpuTime();
                for (int q = 0; q < calls; q++) {
                    kernels.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n());
                }
                long dt = mx.getCurrentThreadCpuTime() - t0;
                if (sample >= 0) gflops[sample] = s.flops() * calls / dt;
            }
            java.util.Arrays.sort(gflops);
            System.out.printf("%-16s %9.1f %9.1f%n", shape, gflops[gflops.length - 1], gflops[gflops.length / 2]);
        }
    }
}
