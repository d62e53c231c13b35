package dev.p4ebpf.driver.netlink;

import dev.p4ebpf.driver.sys.Errno;
import java.util.Optional;

/**
 * The kernel answered a netlink request with {@code NLMSG_ERROR}: the errno, and the extended-ack
 * text ({@code NLMSGERR_ATTR_MSG}) when the kernel gave one.
 */
public final class NetlinkError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final String extack;

    public NetlinkError(Errno errno, String extack) {
        super(errno.describe() + (extack == null ? "" : ": " + extack));
        this.errno = errno;
        this.extack = extack;
    }

    public Errno errno() {
        return errno;
    }

    /** The kernel's own explanation, e.g. {@code "Native and generic XDP can't be active at the same time."}. */
    public Optional<String> extack() {
        return Optional.ofNullable(extack);
    }

    public boolean is(int value) {
        return errno.is(value);
    }

    /** {@code EBUSY (device or resource busy): <extack>} for messages. */
    public String describe() {
        return getMessage();
    }
}
