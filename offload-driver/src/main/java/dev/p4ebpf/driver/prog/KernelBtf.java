package dev.p4ebpf.driver.prog;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** A BTF object loaded into the kernel (BPF_BTF_LOAD), which maps and programs refer to by descriptor. */
public final class KernelBtf implements AutoCloseable {
    private final Fd fd;

    private KernelBtf(Fd fd) {
        this.fd = fd;
    }

    /** Loads encoded BTF ({@code .BTF} section bytes); a refusal carries the kernel's BTF log. */
    public static KernelBtf load(byte[] btf, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocateFrom(JAVA_BYTE, btf);
            Attr attr = new Attr(arena).ptr(Uapi.BTF_LOAD_BTF, data).u32(Uapi.BTF_LOAD_SIZE, btf.length);
            try {
                return new KernelBtf(Bpf.callForFd(Uapi.BPF_BTF_LOAD, attr, "BTF of " + what));
            } catch (SyscallException first) {
                if (!first.is(Errno.EINVAL) && !first.is(Errno.E2BIG)) {
                    throw Failures.of("Loading the BTF of " + what, first);
                }
                MemorySegment log = arena.allocate(1 << 16);
                attr.ptr(Uapi.BTF_LOAD_LOG_BUF, log).u32(Uapi.BTF_LOAD_LOG_SIZE, (int) log.byteSize())
                        .u32(Uapi.BTF_LOAD_LOG_LEVEL, 1);
                try {
                    return new KernelBtf(Bpf.callForFd(Uapi.BPF_BTF_LOAD, attr, "BTF of " + what));
                } catch (SyscallException e) {
                    String text = log.getString(0, StandardCharsets.UTF_8).strip();
                    String last = text.isEmpty() ? "(no log)" : text.substring(text.lastIndexOf('\n') + 1);
                    throw new DriverException(Kind.BAD_INPUT, "The kernel refused the BTF (type information) of "
                            + what + " (" + e.errno().describe() + "): " + last + ". The object's .BTF section is"
                            + " malformed or uses BTF kinds this kernel does not know; rebuild it, or strip its BTF.",
                            e.errno(), e);
                }
            }
        }
    }

    public Fd fd() {
        return fd;
    }

    @Override
    public void close() {
        fd.close();
    }
}
