package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.netlink.LinkInfo;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.sys.Errno;

/**
 * Attaches loaded programs to interfaces: finds the interface, checks that the program's type and
 * device binding fit the mode, and makes the attachment with the chosen {@link Mechanism}. On
 * failure nothing is attached and the message says why in the user's terms.
 */
public final class Attacher {
    private Attacher() {}

    /** The interface called {@code name} in the calling thread's network namespace. */
    public static Target target(String name) {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            LinkInfo link = new Rtnl(socket).link(name);
            return new Target(link.ifindex(), link.name());
        }
    }

    /** Attaches with the default mechanism for the mode (see {@link Mechanism#defaultFor}). */
    public static Attachment attach(BpfProgram program, Target target, AttachMode mode) {
        return attach(program, target, mode, Mechanism.defaultFor(mode));
    }

    public static Attachment attach(BpfProgram program, Target target, AttachMode mode, Mechanism mechanism) {
        checkFits(program, target, mode, mechanism);
        return switch (mechanism) {
            case BPF_LINK -> BpfLink.create(program, target, mode);
            case NETLINK -> mode.isXdp() ? XdpNetlink.attach(program, target, mode) : ClsBpf.attach(program, target, mode);
        };
    }

    private static void checkFits(BpfProgram program, Target target, AttachMode mode, Mechanism mechanism) {
        if (program.info().type() != mode.programType()) {
            throw new DriverException(Kind.BAD_INPUT, program + " cannot be attached in mode " + mode.word()
                    + ": that hook runs " + ProgramAttributes.typeName(mode.programType()) + " programs. Choose "
                    + modesFor(program.info().type())
                    + " or compile the P4 program for this hook.");
        }
        boolean bound = program.info().ifindex() != 0;
        if (mode.isOffload() && program.info().ifindex() != target.ifindex()) {
            throw new DriverException(Kind.BAD_INPUT, program + " was not loaded for hardware offload to "
                    + target.name() + "; load it with the device's ifindex (--mode xdp-offload does this).");
        }
        if (bound && !mode.isOffload() && mode.isXdp()) {
            throw new DriverException(Kind.BAD_INPUT, program + " is bound to a device for offload and can only be"
                    + " attached with --mode xdp-offload.");
        }
        if (bound && !mode.isXdp() && mechanism == Mechanism.BPF_LINK) {
            throw new DriverException(Kind.MODE_UNSUPPORTED, program + " is bound to a device for hardware offload,"
                    + " and tcx links have no hardware path. Attach it with cls_bpf (--via netlink), which sets"
                    + " skip_sw.");
        }
    }

    private static String modesFor(int programType) {
        return programType == dev.p4ebpf.driver.sys.Uapi.BPF_PROG_TYPE_XDP ? "--mode xdp, xdp-generic or xdp-offload,"
                : "--mode tc-ingress or tc-egress,";
    }

    /** The message for a refused attachment, by errno, with the kernel's extack text when there is one. */
    static DriverException attachFailure(BpfProgram program, Target target, AttachMode mode, Errno errno,
            String extack, Throwable cause) {
        String what = "Attaching " + program + " to " + target.name() + " in mode " + mode.word() + " failed: "
                + errno.describe() + (extack == null ? "" : " (kernel: \"" + extack + "\")") + ". ";
        if (errno.is(Errno.EPERM) || errno.is(Errno.EACCES)) {
            return new DriverException(Kind.PERMISSION, what + Failures.PERMISSION_FIX, errno, cause);
        }
        if (errno.is(Errno.ENODEV)) {
            return new DriverException(Kind.NO_SUCH_INTERFACE, what + "The interface has gone away; check it with"
                    + " 'ip link'.", errno, cause);
        }
        if (errno.is(Errno.EBUSY) || errno.is(Errno.EEXIST)) {
            return new DriverException(Kind.BUSY, what + "Another program is already attached there (or in another"
                    + " XDP mode); see 'p4ebpf list' and 'ip link show " + target.name() + "', unload it first, or"
                    + " replace it.", errno, cause);
        }
        if (errno.isNotSupported() || mode.isOffload() && errno.is(Errno.EINVAL)) {
            return new DriverException(Kind.MODE_UNSUPPORTED, what + "The device " + target.name() + " does not"
                    + " support mode " + mode.word() + (mode.isOffload() ? " (it has no eBPF hardware offload;"
                    + " only NICs such as Netronome's offer it)" : "") + ". Use another mode: xdp-generic works on"
                    + " every interface, tc-ingress/tc-egress too.", errno, cause);
        }
        return new DriverException(Kind.KERNEL, what + "Check the interface and the program type.", errno, cause);
    }
}
