package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.ObjectInfo;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.nio.file.Path;

/**
 * A kernel BPF link: XDP ({@code BPF_XDP}) or tcx ({@code BPF_TCX_INGRESS/EGRESS}). Replacement is
 * {@code BPF_LINK_UPDATE} with {@code BPF_F_REPLACE} and the expected old program, which the
 * kernel swaps atomically; detaching is {@code BPF_LINK_DETACH}.
 */
public final class BpfLink implements Attachment {
    /** The link's pin name inside an attachment directory. */
    public static final String PIN_NAME = "link";

    private final Fd fd;
    private final Target target;
    private final AttachMode mode;
    private final int linkId;
    private int programId;

    private BpfLink(Fd fd, Target target, AttachMode mode, int linkId, int programId) {
        this.fd = fd;
        this.target = target;
        this.mode = mode;
        this.linkId = linkId;
        this.programId = programId;
    }

    /** BPF_LINK_CREATE on {@code target} in {@code mode}. */
    static BpfLink create(BpfProgram program, Target target, AttachMode mode) {
        int attachType = mode.isXdp() ? Uapi.BPF_XDP : mode.tcxAttachType();
        Fd fd;
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).u32(Uapi.LINK_CREATE_PROG_FD, program.fd().value())
                    .u32(Uapi.LINK_CREATE_TARGET_IFINDEX, target.ifindex())
                    .u32(Uapi.LINK_CREATE_ATTACH_TYPE, attachType).u32(Uapi.LINK_CREATE_FLAGS, mode.xdpFlags());
            fd = Bpf.callForFd(Uapi.BPF_LINK_CREATE, attr, mode.word() + " link on " + target.name());
        } catch (SyscallException e) {
            throw Attacher.attachFailure(program, target, mode, e.errno(), null, e);
        }
        try {
            ObjectInfo info = ObjectInfo.read(fd, Uapi.LINK_INFO_SIZE);
            return new BpfLink(fd, target, mode, info.u32(Uapi.LINK_INFO_ID), program.id());
        } catch (SyscallException e) {
            fd.close();
            throw Failures.of("Reading the description of the new link on " + target.name(), e);
        }
    }

    /** Opens a pinned link. */
    public static BpfLink fromPin(Path path, Target target, AttachMode mode) {
        Fd fd = Bpffs.get(path, "link");
        try {
            ObjectInfo info = ObjectInfo.read(fd, Uapi.LINK_INFO_SIZE);
            return new BpfLink(fd, target, mode, info.u32(Uapi.LINK_INFO_ID), info.u32(Uapi.LINK_INFO_PROG_ID));
        } catch (SyscallException e) {
            fd.close();
            throw Failures.of("Reading the description of the link pinned at " + path, e);
        }
    }

    /** The interface index the kernel reports for this link; 0 once it has been detached. */
    public int attachedIfindex() {
        try {
            return ObjectInfo.read(fd, Uapi.LINK_INFO_SIZE).u32(Uapi.LINK_INFO_IFINDEX);
        } catch (SyscallException e) {
            throw Failures.of("Reading the description of link " + linkId, e);
        }
    }

    public int linkId() {
        return linkId;
    }

    public Fd fd() {
        return fd;
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
        return Mechanism.BPF_LINK;
    }

    @Override
    public int programId() {
        return programId;
    }

    @Override
    public void replace(BpfProgram next) {
        try (BpfProgram old = BpfProgram.fromId(programId); Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).u32(Uapi.LINK_UPDATE_LINK_FD, fd.value())
                    .u32(Uapi.LINK_UPDATE_NEW_PROG_FD, next.fd().value()).u32(Uapi.LINK_UPDATE_FLAGS, Uapi.BPF_F_REPLACE)
                    .u32(Uapi.LINK_UPDATE_OLD_PROG_FD, old.fd().value());
            Bpf.call(Uapi.BPF_LINK_UPDATE, attr);
            programId = next.id();
        } catch (SyscallException e) {
            if (e.is(Errno.EPERM) && !Failures.isRoot()) {
                throw Failures.of("Replacing the program of link " + linkId + " on " + target.name(), e);
            }
            throw Failures.of(e.is(Errno.EPERM) || e.is(Errno.EINVAL) ? Kind.BUSY : Kind.KERNEL,
                    "Replacing the program on " + target.name() + " (" + mode.word() + ") failed: "
                            + e.errno().describe() + ". The link no longer runs program " + programId
                            + " (someone replaced it meanwhile), or the new program is of another type; list the"
                            + " attachments with 'p4ebpf list' and try again.", e);
        }
    }

    @Override
    public void detach() {
        if (!fd.isOpen()) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            Bpf.call(Uapi.BPF_LINK_DETACH, new Attr(arena).u32(Uapi.LINK_DETACH_LINK_FD, fd.value()));
        } catch (SyscallException e) {
            if (!e.is(Errno.ENOLINK) && !e.is(Errno.EINVAL)) {
                throw Failures.of("Detaching link " + linkId + " from " + target.name(), e);
            }
        }
    }

    @Override
    public void pin(Path dir) {
        Bpffs.pin(fd, dir.resolve(PIN_NAME));
    }

    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return mode.word() + " link " + linkId + " on " + target.name() + " running program " + programId;
    }
}
