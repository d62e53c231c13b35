package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chunks worked on in parallel come back in order; the first failure in order is the one thrown; no thread is left. */
class OrderedParallelTest {
    private static OrderedParallel.Source<Integer> upTo(int n, AtomicInteger next) {
        return () -> next.get() < n ? next.getAndIncrement() : null;
    }

    @Test
    void resultsComeInSourceOrderFromSeveralThreads() {
        for (int threads : new int[] {1, 2, 4}) {
            List<Integer> merged = new ArrayList<>();
            Set<String> workers = ConcurrentHashMap.newKeySet();
            OrderedParallel.run(upTo(500, new AtomicInteger()), i -> {
                workers.add(Thread.currentThread().getName());
                if (i % 7 == 0) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                return i * 2;
            }, merged::add, threads);
            assertEquals(500, merged.size());
            for (int i = 0; i < 500; i++) {
                assertEquals(i * 2, merged.get(i));
            }
            assertTrue(workers.size() <= threads, workers.toString());
            assertNoHelpersLeft();
        }
    }

    @Test
    void theFirstFailureInOrderWins() {
        List<Integer> merged = new ArrayList<>();
        RuntimeException late = new IllegalStateException("chunk 300");
        RuntimeException early = new IllegalArgumentException("chunk 100");
        var thrown = assertThrows(RuntimeException.class, () -> OrderedParallel.run(upTo(1000, new AtomicInteger()),
                i -> {
                    if (i == 300) {
                        throw late;
                    }
                    if (i == 100) {
                        Thread.yield();
                        throw early;
                    }
                    return i;
                }, merged::add, 3));
        assertSame(early, thrown);
        assertEquals(100, merged.size());
        assertNoHelpersLeft();
    }

    @Test
    void aFailingSourceOrMergeStopsEverything() {
        AtomicInteger next = new AtomicInteger();
        var source = assertThrows(IllegalStateException.class, () -> OrderedParallel.run(() -> {
            if (next.get() == 50) {
                throw new IllegalStateException("bad input at 50");
            }
            return next.getAndIncrement();
        }, i -> i, i -> { }, 2));
        assertEquals("bad input at 50", source.getMessage());
        AtomicInteger taken = new AtomicInteger();
        var merge = assertThrows(IllegalArgumentException.class, () -> OrderedParallel.run(
                upTo(100_000, taken), i -> i, i -> {
                    if (i == 10) {
                        throw new IllegalArgumentException("merge");
                    }
                }, 2));
        assertEquals("merge", merge.getMessage());
        assertTrue(taken.get() < 100, "stopped taking chunks: " + taken.get());
        assertNoHelpersLeft();
    }

    private static void assertNoHelpersLeft() {
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("p4ebpf-bulk-")),
                "a helper thread outlived the run");
    }
}
