package dev.p4ebpf.driver.testutil;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.SyscallException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Drops the calling thread's effective capabilities (capabilities are per thread in Linux), so a
 * test running as root can see what an unprivileged caller sees. Use it on a dedicated thread.
 */
public final class Capabilities {
    private Capabilities() {}

    private static final long SYS_CAPGET = 125, SYS_CAPSET = 126;
    private static final int VERSION_3 = 0x20080522;

    public static void dropEffective() throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(8, 4);
            header.set(JAVA_INT, 0, VERSION_3);
            MemorySegment data = arena.allocate(24, 4);
            Native.syscall("capget", SYS_CAPGET, header.address(), data, 0);
            data.set(JAVA_INT, 0, 0);
            data.set(JAVA_INT, 12, 0);
            header.set(JAVA_INT, 0, VERSION_3);
            header.set(JAVA_INT, 4, 0);
            Native.syscall("capset", SYS_CAPSET, header.address(), data, 0);
        }
    }
}
