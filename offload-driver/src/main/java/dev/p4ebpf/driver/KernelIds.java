package dev.p4ebpf.driver;

import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;

/** Opening kernel BPF objects (maps, programs) by their ids, with the failures users read. */
public final class KernelIds {
    private KernelIds() {}

    /**
     * A new descriptor for the object {@code id} through {@code cmd} ({@code BPF_MAP_GET_FD_BY_ID},
     * {@code BPF_PROG_GET_FD_BY_ID}); {@code kind} names it in messages ("map", "program").
     */
    public static Fd open(int cmd, int id, String kind) {
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).u32(Uapi.GET_FD_BY_ID_ID, id);
            return Bpf.callForFd(cmd, attr, kind + " id " + id);
        } catch (SyscallException e) {
            throw e.is(Errno.ENOENT) ? new DriverException(Kind.NOT_FOUND, "There is no " + kind + " with id " + id + ".")
                    : Failures.of("Opening " + kind + " id " + id, e);
        }
    }
}
