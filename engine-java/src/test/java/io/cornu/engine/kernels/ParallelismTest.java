package io.cornu.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelismTest {
    private static final int SAVED_THREADS = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(SAVED_THREADS);
    }

    @Test
    void forRangeVisitsEveryIndexOnce() {
        for (int threads : new int[]{1, 2, 3}) {
            Parallelism.setThreads(threads);
            for (int n : new int[]{0, 1, 2, 5, 1000}) {
                for (int grain : new int[]{1, 7, 5000}) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
                    Parallelism.forRange(n, grain, (lo, hi) -> {
                        for (int i = lo; i < hi; i++) seen.incrementAndGet(i);
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, seen.get(i), "threads=" + threads + " n=" + n + " grain=" + grain + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void exceptionsReachTheCaller() {
        Parallelism.setThreads(2);
        // thrown in the chunk run by the caller and in the one run by the pool
        assertThrows(IllegalStateException.class, () -> Parallelism.forRange(100, 1, (lo, hi) -> {
            if (lo == 0) throw new IllegalStateException("first chunk");
        }));
        assertThrows(IllegalStateException.class, () -> Parallelism.forRange(100, 1, (lo, hi) -> {
            if (lo > 0) throw new IllegalStateException("second chunk");
        }));
        // the pool still works afterwards
        AtomicIntegerArray seen = new AtomicIntegerArray(10);
        Parallelism.forRange(10, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) seen.incrementAndGet(i);
        });
        for (int i = 0; i < 10; i++) assertEquals(1, seen.get(i));
    }

    @Test
    void rejectsNonPositiveThreads() {
        assertThrows(IllegalArgumentException.class, () -> Parallelism.setThreads(0));
    }
}
