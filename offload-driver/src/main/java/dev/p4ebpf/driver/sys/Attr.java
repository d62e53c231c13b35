package dev.p4ebpf.driver.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A zeroed {@code union bpf_attr} being filled for one bpf(2) command. Field offsets come from
 * {@link Uapi}; every setter returns {@code this} so a call reads as one expression.
 */
public final class Attr {
    private final MemorySegment segment;

    public Attr(Arena arena) {
        this.segment = arena.allocate(Uapi.BPF_ATTR_SIZE, 8);
    }

    public MemorySegment segment() {
        return segment;
    }

    public Attr u32(long offset, int value) {
        segment.set(JAVA_INT_UNALIGNED, offset, value);
        return this;
    }

    public Attr u64(long offset, long value) {
        segment.set(JAVA_LONG_UNALIGNED, offset, value);
        return this;
    }

    /** Stores the address of {@code pointee} (or 0 for {@link MemorySegment#NULL}). */
    public Attr ptr(long offset, MemorySegment pointee) {
        return u64(offset, pointee.address());
    }

    /** A NUL-padded name of at most {@link Uapi#BPF_OBJ_NAME_LEN}-1 bytes, cut if longer. */
    public Attr name(long offset, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(bytes.length, Uapi.BPF_OBJ_NAME_LEN - 1);
        for (int i = 0; i < n; i++) {
            segment.set(JAVA_BYTE, offset + i, bytes[i]);
        }
        return this;
    }

    public int getU32(long offset) {
        return segment.get(JAVA_INT_UNALIGNED, offset);
    }

    public long getU64(long offset) {
        return segment.get(JAVA_LONG_UNALIGNED, offset);
    }
}
