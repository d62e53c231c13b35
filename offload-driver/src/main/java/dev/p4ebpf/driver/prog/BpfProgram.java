package dev.p4ebpf.driver.prog;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.KernelIds;
import dev.p4ebpf.driver.VerifierException;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.ObjectInfo;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A program loaded into the kernel, owned through its descriptor. {@link #load} asks for no log
 * first (fast, and immune to log-size limits) and, when the verifier refuses, loads again with
 * the verbose log, growing the buffer on ENOSPC, to say why.
 */
public final class BpfProgram implements AutoCloseable {
    private static final int LOG_START = 1 << 16;
    private static final int LOG_MAX = 1 << 26;
    private static final int LOG_LINES = 12;

    private final Fd fd;
    private final ProgramInfo info;

    private BpfProgram(Fd fd, ProgramInfo info) {
        this.fd = fd;
        this.info = info;
    }

    /** Loads a program; throws {@link VerifierException} when the verifier refuses it. */
    public static BpfProgram load(ProgramAttributes p) {
        try {
            return adopt(attempt(p, 0, MemorySegment.NULL));
        } catch (SyscallException e) {
            if (p.ifindex() != 0 && (e.is(Errno.EINVAL) || e.errno().isNotSupported() || e.is(Errno.ENODEV))) {
                throw offloadUnsupported(p, e);
            }
            if (e.is(Errno.EACCES) || e.is(Errno.EINVAL)) {
                throw rejection(p, e.errno());
            }
            throw Failures.of("Loading " + p, e);
        }
    }

    private static Fd attempt(ProgramAttributes p, int logLevel, MemorySegment log) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            byte[] insns = p.instructions();
            Attr attr = new Attr(arena).u32(Uapi.PROG_LOAD_TYPE, p.type()).u32(Uapi.PROG_LOAD_INSN_CNT, insns.length / 8)
                    .ptr(Uapi.PROG_LOAD_INSNS, arena.allocateFrom(JAVA_BYTE, insns))
                    .ptr(Uapi.PROG_LOAD_LICENSE, arena.allocateFrom(p.license()))
                    .u32(Uapi.PROG_LOAD_LOG_LEVEL, logLevel).u32(Uapi.PROG_LOAD_LOG_SIZE, (int) log.byteSize())
                    .ptr(Uapi.PROG_LOAD_LOG_BUF, log).name(Uapi.PROG_LOAD_NAME, p.name())
                    .u32(Uapi.PROG_LOAD_IFINDEX, p.ifindex())
                    .u32(Uapi.PROG_LOAD_EXPECTED_ATTACH_TYPE, p.expectedAttachType());
            p.btf().ifPresent(b -> attr.u32(Uapi.PROG_LOAD_BTF_FD, b.btfFd())
                    .u32(Uapi.PROG_LOAD_FUNC_INFO_REC_SIZE, b.funcInfoCount() == 0 ? 0 : 8)
                    .ptr(Uapi.PROG_LOAD_FUNC_INFO, b.funcInfoCount() == 0 ? MemorySegment.NULL
                            : arena.allocateFrom(JAVA_BYTE, b.funcInfo()))
                    .u32(Uapi.PROG_LOAD_FUNC_INFO_CNT, b.funcInfoCount())
                    .u32(Uapi.PROG_LOAD_LINE_INFO_REC_SIZE, b.lineInfoCount() == 0 ? 0 : 16)
                    .ptr(Uapi.PROG_LOAD_LINE_INFO, b.lineInfoCount() == 0 ? MemorySegment.NULL
                            : arena.allocateFrom(JAVA_BYTE, b.lineInfo()))
                    .u32(Uapi.PROG_LOAD_LINE_INFO_CNT, b.lineInfoCount()));
            return Bpf.callForFd(Uapi.BPF_PROG_LOAD, attr, "program " + p.name());
        }
    }

    /** Loads again with the verbose log to explain a refusal; returns the exception to throw. */
    private static DriverException rejection(ProgramAttributes p, Errno first) {
        for (int size = LOG_START; size <= LOG_MAX; size *= 4) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment log = arena.allocate(size);
                try {
                    attempt(p, 1, log).close();
                    return new DriverException(Kind.KERNEL, "Loading " + p + " failed with " + first.describe()
                            + " but succeeded when retried with the verifier log; the kernel's state changed"
                            + " between the attempts. Try again.");
                } catch (SyscallException e) {
                    if (e.is(Errno.ENOSPC) && size < LOG_MAX) {
                        continue;
                    }
                    return verifierFailure(p, new VerifierLog(log.getString(0, StandardCharsets.UTF_8)), e.errno());
                }
            }
        }
        throw new IllegalStateException("unreachable: the log loop always returns");
    }

    private static VerifierException verifierFailure(ProgramAttributes p, VerifierLog log, Errno errno) {
        int insn = log.failingInstruction();
        List<String> last = log.lastLines(LOG_LINES);
        StringBuilder m = new StringBuilder("The kernel verifier rejected ").append(p).append(" (")
                .append(errno.name()).append("): ").append(log.reason()).append('.');
        if (insn >= 0) {
            m.append(" It stopped at instruction ").append(insn);
            String text = log.instructionText(insn);
            if (!text.isEmpty()) {
                m.append(" (").append(text).append(')');
            }
            Optional<String> source = p.source().apply(insn);
            source.ifPresent(s -> m.append(", which comes from ").append(s));
            m.append('.');
        }
        m.append(" The program must be changed so that the verifier can prove it safe; if it was compiled by"
                + " p4ebpf, this is a compiler bug worth reporting with the P4 source. Last lines of the verifier"
                + " log:");
        last.forEach(l -> m.append("\n    ").append(l));
        return new VerifierException(m.toString(), p.name(), log.text(), last, insn, errno);
    }

    private static DriverException offloadUnsupported(ProgramAttributes p, SyscallException e) {
        return Failures.of(Kind.MODE_UNSUPPORTED, "Loading " + p + " for hardware offload to interface index "
                + p.ifindex() + " failed (" + e.errno().describe() + "): the device does not support eBPF offload."
                + " Only NICs whose driver implements BPF offload (e.g. Netronome NFP) accept offloaded programs."
                + " Use --mode xdp or xdp-generic (or tc-ingress/tc-egress) to run the program in the kernel instead.",
                e);
    }

    /** Takes ownership of a program descriptor and reads what the kernel says about it. */
    public static BpfProgram adopt(Fd fd) {
        try {
            ObjectInfo i = ObjectInfo.read(fd, Uapi.PROG_INFO_SIZE);
            return new BpfProgram(fd, new ProgramInfo(i.u32(Uapi.PROG_INFO_ID), i.u32(Uapi.PROG_INFO_TYPE),
                    i.name(Uapi.PROG_INFO_NAME), i.bytes(Uapi.PROG_INFO_TAG, 8), i.u32(Uapi.PROG_INFO_IFINDEX),
                    i.u32(Uapi.PROG_INFO_XLATED_LEN), i.u32(Uapi.PROG_INFO_JITED_LEN)));
        } catch (SyscallException e) {
            fd.close();
            throw Failures.of("Reading the description of " + fd.what(), e);
        } catch (RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** Opens a pinned program. */
    public static BpfProgram fromPin(Path path) {
        return adopt(Bpffs.get(path, "program"));
    }

    /** Opens a program by its kernel id. */
    public static BpfProgram fromId(int id) {
        return adopt(KernelIds.open(Uapi.BPF_PROG_GET_FD_BY_ID, id, "program"));
    }

    public Fd fd() {
        return fd;
    }

    public ProgramInfo info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    public int id() {
        return info.id();
    }

    public void pin(Path path) {
        Bpffs.pin(fd, path);
    }

    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "program " + info.name() + " (" + info.typeName() + ", id " + info.id() + ")";
    }
}
