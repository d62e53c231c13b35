package dev.p4ebpf.driver.netns;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs code inside another network namespace: one dedicated platform thread that has called
 * {@code setns(2)} into the namespace named by a file (e.g. {@code /run/netns/NAME}, as
 * {@code ip netns add} makes). Everything that resolves interfaces by the caller's namespace —
 * netlink sockets, BPF_LINK_CREATE's ifindex, AF_PACKET sockets — must run here; descriptors
 * created here keep their namespace when used from other threads.
 */
public final class NetnsExecutor implements AutoCloseable {
    private final ExecutorService thread;
    private final String name;

    private NetnsExecutor(ExecutorService thread, String name) {
        this.thread = thread;
        this.name = name;
    }

    /** Starts a thread inside the namespace of {@code nsFile}. */
    public static NetnsExecutor enter(Path nsFile) {
        String name = nsFile.getFileName().toString();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = Thread.ofPlatform().name("netns-" + name).daemon().unstarted(r);
            return t;
        });
        NetnsExecutor executor = new NetnsExecutor(thread, name);
        try {
            executor.call(() -> {
                try (Fd ns = new Fd(Native.open(nsFile.toString(), Uapi.O_RDONLY | Uapi.O_CLOEXEC), "netns " + name)) {
                    Native.setns(ns.value(), Uapi.CLONE_NEWNET);
                }
                return null;
            });
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
        return executor;
    }

    /** Runs {@code task} in the namespace and returns its result; its exception is rethrown. */
    public <T> T call(Callable<T> task) {
        Future<T> future = thread.submit(task);
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DriverException(Kind.KERNEL, "Interrupted while running a task in netns " + name + ".");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DriverException(Kind.KERNEL, "A task in netns " + name + " took more than 60 s and was cancelled.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof SyscallException s) {
                throw Failures.of("Entering network namespace " + name, s);
            }
            throw new DriverException(Kind.KERNEL, "A task in netns " + name + " failed: " + cause, null, cause);
        }
    }

    /** Runs {@code task} in the namespace. */
    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
