package io.cornu.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GemmBenchmark} and prints a GFLOPS table: from the mean time per call, and from the
 * fastest measurement iteration ({@code best-it}, comparable to the best sample of
 * {@code sgemm.py}). Takes the usual JMH command-line options,
 * e.g. {@code -p threads=1 -p shape=1024,128x784x512 -wi 2 -i 3}.
 */
public final class GemmGflops {
    private GemmGflops() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(GemmBenchmark.class.getName() + "\\.gemm$")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> rows = new ArrayList<>();
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        for (RunResult r : results) {
            String shape = r.getParams().getParam("shape");
            String threads = r.getParams().getParam("threads");
            double us = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double flops = GemmBenchmark.Shape.parse(shape).flops();
            double gflops = flops / (us * 1e3);
            // the fastest measurement iteration, like sgemm.py's best sample
            double bestUs = Double.MAX_VALUE;
            for (BenchmarkResult br : r.getBenchmarkResults()) {
                for (IterationResult it : br.getIterationResults()) {
                    bestUs = Math.min(bestUs, it.getPrimaryResult().getScore());
                }
            }
            String vm = r.getParams().getVmName() + " " + r.getParams().getVmVersion();
            jdk = vm;
            rows.add(String.format("%-16s %7s %12.1f %9.1f %9.1f %9.1f", shape, threads, us,
                    Double.isNaN(err) ? 0 : err, gflops, flops / (bestUs * 1e3)));
        }
        System.out.println();
        System.out.println("GEMM on " + jdk);
        System.out.printf("%-16s %7s %12s %9s %9s %9s%n", "shape", "threads", "us/call", "+-us", "GFLOPS", "best-it");
        rows.forEach(System.out::println);
    }
}
