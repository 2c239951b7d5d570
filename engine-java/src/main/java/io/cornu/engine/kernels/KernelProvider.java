package io.cornu.engine.kernels;

import java.lang.System.Logger.Level;

/**
 * Chooses the {@link Kernels} implementation once: the Vector API kernels when the
 * {@code jdk.incubator.vector} module is in the boot layer, else the scalar ones (logged).
 * {@code -Dcornu.kernels=scalar} forces the scalar kernels.
 */
final class KernelProvider {
    private static final System.Logger LOG = System.getLogger("io.cornu.engine.kernels");
    private static volatile Kernels current;

    private KernelProvider() {
    }

    static Kernels current() {
        Kernels k = current;
        if (k == null) {
            synchronized (KernelProvider.class) {
                if (current == null) current = lookup();
                k = current;
            }
        }
        return k;
    }

    private static Kernels lookup() {
        if ("scalar".equals(System.getProperty("cornu.kernels"))) {
            return new ScalarKernels();
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.log(Level.WARNING, "jdk.incubator.vector is not available (start the JVM with "
                    + "--add-modules jdk.incubator.vector): using the scalar kernels, which are much slower");
            return new ScalarKernels();
        }
        return VectorKernelsHolder.create();
    }

    /** Keeps Vector API classes out of reach until the module is known to be present. */
    private static final class VectorKernelsHolder {
        static Kernels create() {
            return new VectorKernels();
        }
    }
}
