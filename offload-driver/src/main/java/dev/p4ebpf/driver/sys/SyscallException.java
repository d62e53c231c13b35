package dev.p4ebpf.driver.sys;

/**
 * A system call returned an error. Raised by {@link Native} and {@link Bpf} with the call's name
 * and errno; the layers above catch it and turn it into a {@link dev.p4ebpf.driver.DriverException}
 * that explains the failure in the user's terms.
 */
public final class SyscallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final transient Errno errno;

    public SyscallException(String call, Errno errno) {
        super(call + ": " + errno.describe());
        this.call = call;
        this.errno = errno;
    }

    /** The system call and, for bpf(2), the command, e.g. {@code bpf(BPF_PROG_LOAD)}. */
    public String call() {
        return call;
    }

    public Errno errno() {
        return errno;
    }

    public boolean is(int value) {
        return errno.is(value);
    }
}
