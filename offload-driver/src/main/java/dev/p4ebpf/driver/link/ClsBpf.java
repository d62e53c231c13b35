package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.netlink.NetlinkError;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.sys.Errno;
import java.nio.file.Path;

/**
 * A direct-action cls_bpf filter under the clsact qdisc, at a fixed priority and handle (so that
 * p4ebpf's filter is found again). A program bound to a device is attached with {@code skip_sw}
 * (hardware only). Replacement rewrites the filter in place, which the kernel does atomically.
 * Detaching deletes the filter, and the clsact qdisc too when no filter is left under it.
 */
public final class ClsBpf implements Attachment {
    /** The priority and handle p4ebpf's filters use. */
    public static final int PRIORITY = 1, HANDLE = 1;

    private final Target target;
    private final AttachMode mode;
    private final boolean skipSw;
    private int programId;

    private ClsBpf(Target target, AttachMode mode, boolean skipSw, int programId) {
        this.target = target;
        this.mode = mode;
        this.skipSw = skipSw;
        this.programId = programId;
    }

    public static ClsBpf existing(Target target, AttachMode mode, int programId, boolean skipSw) {
        return new ClsBpf(target, mode, skipSw, programId);
    }

    static ClsBpf attach(BpfProgram program, Target target, AttachMode mode) {
        boolean skipSw = program.info().ifindex() != 0;
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            Rtnl rtnl = new Rtnl(socket);
            boolean created = attachFilter(rtnl, program, target, mode, skipSw);
            if (!created) {
                throw new DriverException(Kind.BUSY, "A p4ebpf filter is already attached to " + target.name() + " "
                        + mode.word() + " (cls_bpf priority " + PRIORITY + "). Unload it first ('p4ebpf unload --dev "
                        + target.name() + " --mode " + mode.word() + "') or replace it.");
            }
        }
        return new ClsBpf(target, mode, skipSw, program.id());
    }

    /** Adds the qdisc if needed and the filter; false (and nothing changed) when our filter exists. */
    private static boolean attachFilter(Rtnl rtnl, BpfProgram program, Target target, AttachMode mode,
            boolean skipSw) {
        boolean qdiscAdded;
        try {
            qdiscAdded = rtnl.addClsact(target.ifindex());
        } catch (NetlinkError e) {
            throw Attacher.attachFailure(program, target, mode, e.errno(), e.extack().orElse(null), e);
        }
        try {
            rtnl.putBpfFilter(target.ifindex(), mode.clsactMinor(), PRIORITY, HANDLE, program.fd().value(),
                    program.name(), skipSw, false);
            return true;
        } catch (NetlinkError e) {
            if (qdiscAdded) {
                deleteQdiscQuietly(rtnl, target);
            }
            if (e.is(Errno.EEXIST)) {
                return false;
            }
            throw Attacher.attachFailure(program, target, mode, e.errno(), e.extack().orElse(null), e);
        }
    }

    private static void deleteQdiscQuietly(Rtnl rtnl, Target target) {
        try {
            rtnl.deleteClsact(target.ifindex());
        } catch (NetlinkError ignored) {
            // The qdisc we just added could not be removed; nothing else of ours is on it.
        }
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public AttachMode mode() {
        return mode;
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.NETLINK;
    }

    @Override
    public int programId() {
        return programId;
    }

    @Override
    public void replace(BpfProgram next) {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            new Rtnl(socket).putBpfFilter(target.ifindex(), mode.clsactMinor(), PRIORITY, HANDLE, next.fd().value(),
                    next.name(), skipSw, true);
            programId = next.id();
        } catch (NetlinkError e) {
            throw new DriverException(Kind.KERNEL, "Replacing the tc filter on " + target.name() + " failed: "
                    + e.describe() + ".", e.errno(), e);
        }
    }

    @Override
    public void detach() {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            Rtnl rtnl = new Rtnl(socket);
            try {
                rtnl.deleteBpfFilter(target.ifindex(), mode.clsactMinor(), PRIORITY, HANDLE);
            } catch (NetlinkError e) {
                if (!e.is(Errno.ENOENT) && !e.is(Errno.EINVAL) && !e.is(Errno.ENODEV)) {
                    throw e;
                }
            }
            boolean empty = rtnl.bpfFilters(target.ifindex(), AttachMode.TC_INGRESS.clsactMinor()).isEmpty()
                    && rtnl.bpfFilters(target.ifindex(), AttachMode.TC_EGRESS.clsactMinor()).isEmpty();
            if (empty) {
                try {
                    rtnl.deleteClsact(target.ifindex());
                } catch (NetlinkError e) {
                    if (!e.is(Errno.ENOENT) && !e.is(Errno.EINVAL) && !e.is(Errno.ENODEV)) {
                        throw e;
                    }
                }
            }
        } catch (NetlinkError e) {
            throw new DriverException(Kind.KERNEL, "Detaching the tc filter from " + target.name() + " failed: "
                    + e.describe() + ".", e.errno(), e);
        }
    }

    @Override
    public void pin(Path dir) {
        // Nothing to pin: the filter lives on the qdisc; the registry pins the program.
    }

    @Override
    public void close() {
        // Holds no descriptor.
    }

    @Override
    public String toString() {
        return mode.word() + " (cls_bpf" + (skipSw ? ", skip_sw" : "") + ") on " + target.name()
                + " running program " + programId;
    }
}
