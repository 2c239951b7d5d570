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

    /**
     * Every member of a team runs at the same time: in each of many phases, every member writes
     * its slot, waits at the barrier, and then must see all the others' writes of that phase.
     */
    @Test
    void teamMembersMeetAtEveryBarrier() {
        for (int threads : new int[]{1, 2, 3}) {
            Parallelism.setThreads(threads);
            int phases = 2000;
            AtomicIntegerArray slot = new AtomicIntegerArray(threads);
            AtomicIntegerArray sizes = new AtomicIntegerArray(threads);
            java.util.concurrent.atomic.AtomicInteger stale = new java.util.concurrent.atomic.AtomicInteger();
            Parallelism.team((t, size, barrier) -> {
                sizes.set(t, size);
                for (int phase = 1; phase <= phases; phase++) {
                    slot.set(t, phase);
                    barrier.await();
                    for (int other = 0; other < size; other++) if (slot.get(other) < phase) stale.incrementAndGet();
                    barrier.await();
                }
            });
            for (int t = 0; t < threads; t++) assertEquals(threads, sizes.get(t), "team size seen by member " + t);
            assertEquals(0, stale.get(), "members that passed a barrier before all had arrived, threads=" + threads);
        }
    }

    @Test
    void aFailingMemberReleasesTheOthersAndReachesTheCaller() {
        Parallelism.setThreads(2);
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallelism.team((t, size, barrier) -> {
                barrier.await();
                if (t == f) throw new IllegalStateException("member " + t);
                barrier.await();   // the other member waits here for one that never comes
            }));
            Throwable root = e;   // a pool task's exception may come wrapped in one of the same class
            while (root.getCause() != null) root = root.getCause();
            assertEquals("member " + failing, root.getMessage());
        }
        // inside the pool a team is the calling thread alone
        AtomicIntegerArray sizes = new AtomicIntegerArray(2);
        Parallelism.forRange(2, 1, (lo, hi) -> Parallelism.team((t, size, barrier) -> sizes.set(lo, size)));
        assertEquals(1, sizes.get(1), "a team started from a pool worker");
    }
}
