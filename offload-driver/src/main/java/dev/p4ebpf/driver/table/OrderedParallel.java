package dev.p4ebpf.driver.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a bulk load's chunks on every core and hands the results back in order: chunks are taken
 * from a source one at a time (the source need not be thread-safe: reading a file is done under
 * a lock, by whichever thread takes the chunk), worked on in parallel by the calling thread and
 * up to {@code threads - 1} helper threads, and given to {@code inOrder} strictly in source order
 * on the calling thread, each as soon as it and all before it are done. So reading, checking and
 * merging overlap, and the first failure in source order is the one reported.
 *
 * <p>At most {@code window} chunks are taken but not yet merged, which bounds the memory held. A
 * failure of the source, of the work or of {@code inOrder} stops everything: no further chunk is
 * taken, the helpers are waited for, and the failure is rethrown on the calling thread. No thread
 * outlives {@link #run}.
 */
final class OrderedParallel<T, R> {
    /** Gives the next chunk, or null after the last. Called by one thread at a time. */
    @FunctionalInterface
    interface Source<T> {
        T next();
    }

    private final Source<T> source;
    private final Function<T, R> work;
    private final int window;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Finished chunks by sequence number, waiting to be merged (a Throwable for a failed one). */
    private final Map<Integer, Object> done = new HashMap<>();
    private int taken;
    private int merged;
    private boolean exhausted;
    private boolean stopped;
    private boolean sourceBusy;

    private OrderedParallel(Source<T> source, Function<T, R> work, int window) {
        this.source = source;
        this.work = work;
        this.window = window;
    }

    /** Works through every chunk of {@code source}; see the class comment. */
    static <T, R> void run(Source<T> source, Function<T, R> work, Consumer<R> inOrder, int threads) {
        new OrderedParallel<>(source, work, Math.max(2, 4 * threads)).go(inOrder, Math.max(1, threads));
    }

    /** A chunk taken from the source, with its place in the order. */
    private record Taken<T>(int seq, T chunk) {}

    private void go(Consumer<R> inOrder, int threads) {
        List<Thread> helpers = new ArrayList<>();
        try {
            boolean started = false;
            while (true) {
                Object next = takeResult();
                if (next != null) {
                    merge(next, inOrder);
                    continue;
                }
                Taken<T> t = take(false);
                if (t != null) {
                    finish(t.seq(), t.chunk());
                    if (!started) {
                        started = true;
                        startHelpers(helpers, threads - 1);
                    }
                    continue;
                }
                if (!awaitResult()) {
                    return;
                }
            }
        } finally {
            stop();
            helpers.forEach(OrderedParallel::joinUninterruptibly);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void merge(Object next, Consumer<R> inOrder) {
        if (next instanceof Failure f) {
            throw f.rethrowable();
        }
        inOrder.accept((R) next);
    }

    private void startHelpers(List<Thread> helpers, int count) {
        lock.lock();
        try {
            if (exhausted || stopped) {
                return;
            }
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < count; i++) {
            helpers.add(Thread.ofPlatform().daemon().name("p4ebpf-bulk-" + (i + 1)).start(this::help));
        }
    }

    private void help() {
        Taken<T> t;
        while ((t = take(true)) != null) {
            finish(t.seq(), t.chunk());
        }
    }

    /** Works on a taken chunk and records the result (or the failure) under its sequence number. */
    private void finish(int seq, T chunk) {
        Object result;
        try {
            result = work.apply(chunk);
        } catch (RuntimeException | Error e) {
            result = new Failure(e);
        }
        publish(seq, result);
    }

    private void publish(int seq, Object result) {
        lock.lock();
        try {
            done.put(seq, result);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next chunk with its sequence number, or null when there are no more (or, for the
     * calling thread, none may be taken now). Helpers wait while the window is full or another
     * thread is reading the source.
     */
    private Taken<T> take(boolean helper) {
        lock.lock();
        try {
            while (!stopped && !exhausted && (sourceBusy || taken - merged >= window)) {
                if (!helper) {
                    return null;
                }
                changed.awaitUninterruptibly();
            }
            if (stopped || exhausted) {
                return null;
            }
            sourceBusy = true;
        } finally {
            lock.unlock();
        }
        T chunk = null;
        Throwable failure = null;
        try {
            chunk = source.next();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        lock.lock();
        try {
            sourceBusy = false;
            changed.signalAll();
            if (chunk == null) {
                exhausted = true;
                if (failure != null) {
                    done.put(taken++, new Failure(failure));
                }
                return null;
            }
            return new Taken<>(taken++, chunk);
        } finally {
            lock.unlock();
        }
    }

    /** The result of the next chunk to merge if it is ready, else null. */
    private Object takeResult() {
        lock.lock();
        try {
            Object r = done.remove(merged);
            if (r != null) {
                merged++;
                changed.signalAll();
            }
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the next chunk to merge is ready or more may be taken; false when all are merged. */
    private boolean awaitResult() {
        lock.lock();
        try {
            while (!done.containsKey(merged)) {
                if (exhausted && merged == taken) {
                    return false;
                }
                if (!exhausted && !sourceBusy && taken - merged < window) {
                    return true;
                }
                changed.awaitUninterruptibly();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A failed chunk, kept until its turn in the order comes. */
    private record Failure(Throwable cause) {
        RuntimeException rethrowable() {
            if (cause instanceof Error e) {
                throw e;
            }
            return (RuntimeException) cause;
        }
    }
}
