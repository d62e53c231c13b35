package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.netlink.NetlinkError;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.netlink.XdpState;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.sys.Errno;
import java.nio.file.Path;

/**
 * An XDP program attached with rtnetlink ({@code IFLA_XDP}). It stays attached until detached,
 * whatever happens to this process. Replacement sends the new program with
 * {@code XDP_FLAGS_REPLACE} and the expected old one, which the kernel swaps atomically;
 * detaching sends fd -1 with the same check, so only our program is ever removed.
 */
public final class XdpNetlink implements Attachment {
    private final Target target;
    private final AttachMode mode;
    private int programId;

    XdpNetlink(Target target, AttachMode mode, int programId) {
        this.target = target;
        this.mode = mode;
        this.programId = programId;
    }

    /** The attachment of program {@code programId} found on {@code target} (e.g. from the registry). */
    public static XdpNetlink existing(Target target, AttachMode mode, int programId) {
        return new XdpNetlink(target, mode, programId);
    }

    static XdpNetlink attach(BpfProgram program, Target target, AttachMode mode) {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            new Rtnl(socket).setXdp(target.ifindex(), program.fd().value(),
                    mode.xdpFlags() | dev.p4ebpf.driver.sys.Uapi.XDP_FLAGS_UPDATE_IF_NOEXIST, -1);
        } catch (NetlinkError e) {
            throw Attacher.attachFailure(program, target, mode, e.errno(), e.extack().orElse(null), e);
        }
        return new XdpNetlink(target, mode, program.id());
    }

    /** What rtnetlink reports for the interface now. */
    public XdpState state() {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            return new Rtnl(socket).link(target.ifindex()).xdp();
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
        try (BpfProgram old = BpfProgram.fromId(programId); NetlinkSocket socket = NetlinkSocket.openRoute()) {
            new Rtnl(socket).setXdp(target.ifindex(), next.fd().value(), mode.xdpFlags(), old.fd().value());
            programId = next.id();
        } catch (NetlinkError e) {
            throw new DriverException(e.is(Errno.EEXIST) || e.is(Errno.EBUSY) ? Kind.BUSY : Kind.KERNEL,
                    "Replacing the XDP program on " + target.name() + " failed: " + e.describe() + ". Program "
                            + programId + " is no longer the one attached there, or the new program does not fit"
                            + " this mode; check with 'p4ebpf list' and 'ip link show " + target.name() + "'.",
                    e.errno(), e);
        }
    }

    @Override
    public void detach() {
        try (BpfProgram old = BpfProgram.fromId(programId); NetlinkSocket socket = NetlinkSocket.openRoute()) {
            new Rtnl(socket).setXdp(target.ifindex(), -1, mode.xdpFlags(), old.fd().value());
        } catch (DriverException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
        } catch (NetlinkError e) {
            if (!e.is(Errno.EEXIST) && !e.is(Errno.ENODEV)) {
                throw new DriverException(Kind.KERNEL, "Detaching the XDP program from " + target.name() + " failed: "
                        + e.describe() + ".", e.errno(), e);
            }
        }
    }

    @Override
    public void pin(Path dir) {
        // Nothing to pin: the attachment lives on the interface; the registry pins the program.
    }

    @Override
    public void close() {
        // Holds no descriptor.
    }

    @Override
    public String toString() {
        return mode.word() + " (netlink) on " + target.name() + " running program " + programId;
    }
}
