package dev.p4ebpf.conformance.vm;

/**
 * A piece of memory a register can point into, and the type of such a pointer: a register holds
 * either a scalar (no region) or a pointer, which is a region plus an offset. Offsets are indices
 * into {@link #mem}; the bytes {@code [lo, hi)} may be accessed. A pointer's numeric value, where a
 * program compares it or stores it as a scalar, is the region's fake kernel address {@link #base}
 * plus the offset — deterministic, and laid out so that pointers into one packet compare like the
 * kernel's.
 *
 * <p>A region becomes invalid when the kernel would invalidate pointers into it: packet regions when
 * a helper changes the packet, a stack when its frame returns. Using a pointer into an invalid region
 * is an {@link VmFault#INVALID_POINTER} fault.
 */
final class Region {

    /** What the memory is, which decides what a pointer into it may do. */
    enum Kind {
        STACK("the stack"), MAP_VALUE("a map value"), PACKET("the packet"), PACKET_META("the packet metadata"),
        PACKET_END("the end of the packet (data_end)"),
        CTX("the context"), MAP("a map"), RINGBUF_RECORD("a ring buffer record"), FUNC("a function"),
        UNINIT("nothing (uninitialized)");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** The register type of a register nothing was written to, or that a call clobbered. */
    static final Region UNINIT = new Region(Kind.UNINIT, "uninitialized", null, 0, 0, false, 0);

    private static final long KERNEL_BASE = 0xffff_8880_0000_0000L;

    final Kind kind;
    final String name;
    final byte[] mem;
    final int lo;
    final int hi;
    final boolean writable;
    final long base;
    boolean valid = true;
    /** For {@link Kind#MAP} (the map) and {@link Kind#MAP_VALUE} (the map the value belongs to). */
    VmMap map;
    /** For {@link Kind#STACK}: the pointer spilled into each 8-byte slot, or null. */
    Region[] spills;
    /** For {@link Kind#FUNC}: the instruction index of the function. */
    int funcIndex;

    private Region(Kind kind, String name, byte[] mem, int lo, int hi, boolean writable, long base) {
        this.kind = kind;
        this.name = name;
        this.mem = mem;
        this.lo = lo;
        this.hi = hi;
        this.writable = writable;
        this.base = base;
    }

    /** The fake kernel address of region number {@code id} (each region gets 1 MiB of address space). */
    static long address(long id) {
        return KERNEL_BASE + (id << 20);
    }

    static Region memory(Kind kind, String name, byte[] mem, int lo, int hi, boolean writable, long base) {
        return new Region(kind, name, mem, lo, hi, writable, base);
    }

    static Region stack(String name, int size, long base) {
        Region r = new Region(Kind.STACK, name, new byte[size], 0, size, true, base);
        r.spills = new Region[size / 8];
        return r;
    }

    static Region mapPointer(VmMap map, long base) {
        Region r = new Region(Kind.MAP, "map " + map.name(), null, 0, 0, false, base);
        r.map = map;
        return r;
    }

    static Region context(String name, long base) {
        return new Region(Kind.CTX, name, null, 0, 0, false, base);
    }

    static Region function(int index, long base) {
        Region r = new Region(Kind.FUNC, "function at instruction " + index, null, 0, 0, false, base);
        r.funcIndex = index;
        return r;
    }

    /** Checks that {@code [off, off + size)} may be read (or written) through a pointer into this region. */
    void check(long off, long size, boolean write) {
        if (!valid) {
            throw new Trap(VmFault.INVALID_POINTER, "the pointer into " + name + " is no longer valid ("
                    + (kind == Kind.STACK ? "its function returned" : "a helper changed the packet since it was made")
                    + "): re-read it after the change");
        }
        if (mem == null) {
            throw new Trap(VmFault.INVALID_POINTER, (write ? "write to " : "read from ") + name + " through a pointer"
                    + " that points to " + kind.text + ", which is not memory the program may access");
        }
        if (off < lo || size < 0 || off + size > hi) {
            throw new Trap(VmFault.OUT_OF_BOUNDS, "out-of-bounds " + (write ? "write" : "read") + " of " + size
                    + " bytes at offset " + (off - lo) + " of " + name + ", which has " + (hi - lo) + " bytes");
        }
        if (write && !writable) {
            throw new Trap(VmFault.INVALID_POINTER, "write to " + name + ", which is read-only");
        }
    }

    /** A little-endian load of {@code size} bytes, zero-extended. */
    long load(long off, int size) {
        check(off, size, false);
        int at = (int) off;
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (mem[at + i] & 0xffL);
        }
        return v;
    }

    /** A little-endian store of the low {@code size} bytes of {@code value}. */
    void store(long off, int size, long value) {
        check(off, size, true);
        int at = (int) off;
        for (int i = 0; i < size; i++) {
            mem[at + i] = (byte) (value >>> (8 * i));
        }
        clearSpills(at, size);
    }

    byte[] read(long off, int len) {
        check(off, len, false);
        byte[] out = new byte[len];
        System.arraycopy(mem, (int) off, out, 0, len);
        return out;
    }

    void write(long off, byte[] bytes) {
        check(off, bytes.length, true);
        System.arraycopy(bytes, 0, mem, (int) off, bytes.length);
        clearSpills((int) off, bytes.length);
    }

    /** The pointer spilled at stack offset {@code off} by an aligned 8-byte store, or null. */
    Region spillAt(long off) {
        return spills != null && (off & 7) == 0 && off >= 0 && off < hi ? spills[(int) (off >>> 3)] : null;
    }

    /** Spills a pointer: its offset goes into the bytes, its region into the slot's tag. */
    void spill(long off, Region pointee, long offset) {
        store(off, 8, offset);
        spills[(int) (off >>> 3)] = pointee;
    }

    private void clearSpills(int at, int size) {
        if (spills != null) {
            for (int s = at >>> 3; s <= (at + size - 1) >>> 3; s++) {
                spills[s] = null;
            }
        }
    }
}
