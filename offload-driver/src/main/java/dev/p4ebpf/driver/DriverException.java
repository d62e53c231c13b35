package dev.p4ebpf.driver;

import dev.p4ebpf.driver.sys.Errno;
import java.util.Optional;

/**
 * A driver operation failed. The message is one paragraph for a person: what failed, why (the
 * errno name, verifier log excerpt or netlink extended-ack text) and what to do about it. The
 * {@link Kind} lets callers and tests tell the cases apart without parsing text. When this is
 * thrown, the operation has undone whatever it had done: nothing it created is left open, pinned
 * or attached.
 */
public class DriverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure a user can do something about, and {@link #KERNEL} for the rest. */
    public enum Kind {
        /** Not root, or a capability (CAP_BPF, CAP_NET_ADMIN, CAP_SYS_ADMIN) is missing. */
        PERMISSION,
        /** The named network interface does not exist (in this network namespace). */
        NO_SUCH_INTERFACE,
        /** The verifier refused the program. */
        VERIFIER_REJECTED,
        /** A map (table) has no room for another entry. */
        MAP_FULL,
        /** The device or kernel does not support the requested mode (e.g. hardware offload). */
        MODE_UNSUPPORTED,
        /** A pin path that should be new already exists. */
        PIN_EXISTS,
        /** No bpf file system where pins should go. */
        BPFFS_MISSING,
        /** Something the caller named (pin, table, entry, attachment) does not exist. */
        NOT_FOUND,
        /** A table entry, value or file was malformed or does not fit the table. */
        BAD_INPUT,
        /** A program is already attached where a new one was to go. */
        BUSY,
        /** Any other kernel error. */
        KERNEL
    }

    private final Kind kind;
    private final transient Errno errno;

    public DriverException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public DriverException(Kind kind, String message, Errno errno, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errno = errno;
    }

    public Kind kind() {
        return kind;
    }

    /** The errno the kernel returned, when a system call failed. */
    public Optional<Errno> errno() {
        return Optional.ofNullable(errno);
    }
}
