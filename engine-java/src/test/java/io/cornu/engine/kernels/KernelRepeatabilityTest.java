package io.cornu.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded training repeats bit for bit only if every kernel gives the same bits before and after
 * the JIT compiles it. The Vector API's EXP and LOG operators (JDK 17 and 25) and its ADD lane
 * reduction (JDK 25) do not, so the kernels avoid them. This runs the transcendental and reducing
 * kernels in a fresh JVM, where the first calls are interpreted, then again once compiled, and
 * compares the bits.
 */
class KernelRepeatabilityTest {

    /** Run in the child JVM: prints one line per kernel with the number of differing outputs. */
    public static void main(String[] args) {
        VectorKernels k = new VectorKernels();
        Random r = new Random(3);
        int n = 5 * VectorKernels.F.length() + 3;
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 8);
            y[i] = (float) (r.nextGaussian() * Math.exp(r.nextGaussian() * 4));
        }
        float[] pos = new float[n];
        for (int i = 0; i < n; i++) pos[i] = Math.abs(y[i]) + 1e-3f;
        List<float[]> cold = run(k, x, y, pos);
        List<float[]> warm = null;
        for (int rep = 0; rep < 30_000; rep++) warm = run(k, x, y, pos);
        String[] names = {"exp", "log", "softmaxRows", "sum", "dot"};
        for (int j = 0; j < names.length; j++) {
            int differing = 0;
            for (int i = 0; i < cold.get(j).length; i++) {
                if (Float.floatToRawIntBits(cold.get(j)[i]) != Float.floatToRawIntBits(warm.get(j)[i])) differing++;
            }
            System.out.println(names[j] + " " + differing);
        }
    }

    private static List<float[]> run(VectorKernels k, float[] x, float[] y, float[] pos) {
        int n = x.length;
        List<float[]> out = new ArrayList<>();
        float[] e = new float[n];
        k.exp(x, 0, e, 0, n);
        out.add(e);
        float[] l = new float[n];
        k.log(pos, 0, l, 0, n);
        out.add(l);
        float[] s = new float[n - 3];
        k.softmaxRows(x, 0, s, 0, 1, n - 3);
        out.add(s);
        out.add(new float[] {k.sum(y, 0, n), k.sum(y, 1, n - 1)});
        out.add(new float[] {k.dot(x, 0, y, 0, n), k.dot(y, 0, y, 0, n)});
        return out;
    }

    @Test
    void kernelsGiveTheSameBitsInterpretedAndCompiled() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                KernelRepeatabilityTest.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        assertEquals("exp 0\nlog 0\nsoftmaxRows 0\nsum 0\ndot 0\n", out.replace("\r", ""), "differing outputs per kernel, cold vs JIT-compiled");
    }
}
