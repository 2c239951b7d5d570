package io.cornu.engine.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The thread count for large kernels (GEMM, big elementwise ops). Defaults to the number of
 * processors; set with {@code -Dcornu.threads=N} or {@link #setThreads(int)}.
 */
public final class Parallelism {
    private static volatile ForkJoinPool pool;
    private static volatile int threads = initialThreads();

    private Parallelism() {
    }

    private static int initialThreads() {
        String p = System.getProperty("cornu.threads");
        int n = p == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.trim());
        if (n < 1) throw new IllegalArgumentException("cornu.threads must be >= 1. Received: cornu.threads=" + p);
        return n;
    }

    public static int threads() {
        return threads;
    }

    /** Sets the number of threads large kernels use; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Expected threads >= 1. Received: threads=" + n);
        if (n != threads) {
            ForkJoinPool old = pool;
            pool = null;
            threads = n;
            if (old != null) old.shutdown();
        }
    }

    /** Body of a parallel loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} contiguous chunks
     * of at least {@code grain} items; on the calling thread when one chunk suffices.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        ForkJoinPool p = pool();
        if (ForkJoinTask.inForkJoinPool()) {
            p.invoke(new Chunk(body, n, chunks, 0, chunks));
            return;
        }
        // From an ordinary thread: hand chunks 1.. to the pool and run chunk 0 here, so the caller
        // works instead of waiting and only one wake-up latency is paid, not one per fork level.
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) others[c - 1] = p.submit(new Chunk(body, n, chunks, c, c + 1));
        runHereAndJoin(() -> body.run(0, (int) ((long) n / chunks)), others, null);
    }

    /** Body of one member of a {@link #team}: member {@code index} of {@code size}. */
    @FunctionalInterface
    public interface TeamBody {
        void run(int index, int size, Barrier barrier);
    }

    /**
     * Runs {@code body} on {@link #threads()} threads at once, the caller and pool workers, which
     * may wait for each other at the shared {@link Barrier}: one wake-up of the pool per call
     * however many phases the work has (a fork/join per phase costs a wake-up each, tens of
     * microseconds on a virtual machine). From inside the pool, where the members could not be
     * guaranteed to run at the same time, the caller runs alone ({@code size} 1). If a member
     * throws, the others leave the barrier with an exception and the first failure reaches the
     * caller.
     */
    public static void team(TeamBody body) {
        int size = threads;
        if (size == 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, 1, new Barrier(1));
            return;
        }
        ForkJoinPool p = pool();
        Barrier barrier = new Barrier(size);
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[size - 1];
        for (int i = 1; i < size; i++) {
            int index = i;
            others[i - 1] = p.submit(() -> {
                try {
                    body.run(index, size, barrier);
                } catch (RuntimeException | Error e) {
                    barrier.breakBarrier();
                    throw e;
                }
            });
        }
        runHereAndJoin(() -> body.run(0, size, barrier), others, barrier);
    }

    /**
     * Runs {@code mine} here, then joins {@code others}; rethrows the first failure, preferring a
     * real one to the {@link BrokenBarrierError}s it caused in the other members.
     */
    private static void runHereAndJoin(Runnable mine, ForkJoinTask<?>[] others, Barrier barrier) {
        Throwable failure = null;
        try {
            mine.run();
        } catch (RuntimeException | Error e) {
            if (barrier != null) barrier.breakBarrier();
            failure = e;
        }
        for (ForkJoinTask<?> t : others) {
            try {
                t.join();
            } catch (RuntimeException | Error e) {
                if (failure == null || failure instanceof BrokenBarrierError && !(e instanceof BrokenBarrierError)) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
    }

    /** Thrown in the members still waiting when another member of a {@link #team} failed. */
    static final class BrokenBarrierError extends RuntimeException {
        BrokenBarrierError() {
            super("another member of the team failed", null, false, false);
        }
    }

    /**
     * A reusable barrier for the members of a {@link #team}: each {@link #await} returns once all
     * have arrived. Waiting spins (the members are running anyway), yielding after a while.
     */
    public static final class Barrier {
        private final int parties;
        private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        private volatile int generation;
        private volatile boolean broken;

        Barrier(int parties) {
            this.parties = parties;
        }

        public void await() {
            if (parties == 1) return;
            int g = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = g + 1;
                return;
            }
            for (int spins = 0; generation == g; spins++) {
                if (broken) throw new BrokenBarrierError();
                if (spins < 1 << 16) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        void breakBarrier() {
            broken = true;
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallelism.class) {
                if (pool == null) pool = new ForkJoinPool(threads);
                p = pool;
            }
        }
        return p;
    }

    private static final class Chunk extends RecursiveAction {
        private final RangeBody body;
        private final int n, chunks, lo, hi;

        Chunk(RangeBody body, int n, int chunks, int lo, int hi) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.run((int) ((long) n * lo / chunks), (int) ((long) n * hi / chunks));
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Chunk(body, n, chunks, lo, mid), new Chunk(body, n, chunks, mid, hi));
        }
    }
}
