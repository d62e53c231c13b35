package dev.p4ebpf.driver.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * BPF_OBJ_GET_INFO_BY_FD: the kernel's description of a map, program or link, read into a zeroed
 * buffer of the given size (the kernel fills what it knows and leaves the rest zero).
 */
public final class ObjectInfo {
    private final MemorySegment info;

    private ObjectInfo(MemorySegment info) {
        this.info = info;
    }

    public static ObjectInfo read(Fd fd, int size) throws SyscallException {
        MemorySegment buffer = Arena.ofAuto().allocate(size, 8);
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).u32(Uapi.INFO_BPF_FD, fd.value()).u32(Uapi.INFO_LEN, size)
                    .ptr(Uapi.INFO_INFO, buffer);
            Bpf.call(Uapi.BPF_OBJ_GET_INFO_BY_FD, attr);
        }
        return new ObjectInfo(buffer);
    }

    public int u32(long offset) {
        return info.get(JAVA_INT_UNALIGNED, offset);
    }

    public byte[] bytes(long offset, int length) {
        return info.asSlice(offset, length).toArray(JAVA_BYTE);
    }

    /** A NUL-terminated name of at most {@link Uapi#BPF_OBJ_NAME_LEN} bytes. */
    public String name(long offset) {
        byte[] raw = bytes(offset, Uapi.BPF_OBJ_NAME_LEN);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.US_ASCII);
    }
}
