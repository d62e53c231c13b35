package dev.p4ebpf.driver.sys;

/**
 * An open file descriptor owned by exactly one Java object. {@link #close()} closes it once; after
 * that {@link #value()} throws, so a closed descriptor number (which the kernel may reuse) is never
 * used by mistake.
 */
public final class Fd implements AutoCloseable {
    private final String what;
    private int value;

    public Fd(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException("not a file descriptor: " + value);
        }
        this.value = value;
        this.what = what;
    }

    /** The descriptor number, for passing to a system call. */
    public int value() {
        if (value < 0) {
            throw new IllegalStateException(what + " is already closed");
        }
        return value;
    }

    public boolean isOpen() {
        return value >= 0;
    }

    /** What the descriptor refers to, e.g. {@code program xdp_pass}. */
    public String what() {
        return what;
    }

    @Override
    public void close() {
        if (value >= 0) {
            Native.close(value);
            value = -1;
        }
    }

    @Override
    public String toString() {
        return what + (value >= 0 ? " (fd " + value + ")" : " (closed)");
    }
}
