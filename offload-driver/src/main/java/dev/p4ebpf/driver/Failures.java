package dev.p4ebpf.driver;

import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.SyscallException;

/**
 * Turns a failed system call into a {@link DriverException} whose message says what failed, why,
 * and what to do. The errno values that mean the same thing for every operation (permissions) are
 * explained here; operation-specific meanings are passed in by the caller.
 */
public final class Failures {
    private Failures() {}

    public static final String PERMISSION_FIX = "Loading eBPF programs, creating maps and attaching to interfaces need root"
            + " or the capabilities CAP_BPF, CAP_NET_ADMIN and CAP_PERFMON (CAP_SYS_ADMIN on older kernels); run"
            + " p4ebpf as root (e.g. with sudo), or give the java binary those capabilities with setcap. If you are"
            + " root, a security module (lockdown, SELinux) or kernel.unprivileged_bpf_disabled may be refusing it.";

    /** The generic translation: permission errors get their fix, others the errno and a hint. */
    public static DriverException of(String action, SyscallException e) {
        Errno errno = e.errno();
        if (errno.is(Errno.EPERM) || errno.is(Errno.EACCES)) {
            return new DriverException(Kind.PERMISSION,
                    action + " failed: " + e.call() + " returned " + errno.describe() + ". " + PERMISSION_FIX, errno, e);
        }
        return new DriverException(Kind.KERNEL,
                action + " failed: " + e.call() + " returned " + errno.describe() + "."
                        + hint(errno), errno, e);
    }

    /** A failure of a specific kind with its own explanation. */
    public static DriverException of(Kind kind, String message, SyscallException e) {
        return new DriverException(kind, message, e.errno(), e);
    }

    /** True when the process runs with effective uid 0. */
    public static boolean isRoot() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/status")).lines()
                    .filter(l -> l.startsWith("Uid:")).findFirst().map(l -> l.split("\\s+")[2].equals("0"))
                    .orElse(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String hint(Errno errno) {
        if (errno.isNotSupported()) {
            return " The kernel or device does not support this operation; check the kernel version and the device's"
                    + " driver.";
        }
        if (errno.is(Errno.ENOMEM)) {
            return " The kernel could not allocate memory for it; make the maps smaller or raise the memory cgroup"
                    + " limit.";
        }
        if (errno.is(Errno.EBADF)) {
            return " A descriptor it was given is closed or of the wrong kind; this is a bug in the caller.";
        }
        return "";
    }
}
