package dev.p4ebpf.ebpf.lir;

/**
 * A region of the function's stack frame: a local, a map key being built, a spill. The register
 * allocator gives each slot its frame offset; {@code size} is in bytes, {@code align} a power of two
 * (8 for anything a helper reads as a key or value).
 */
public record StackSlot(int id, int size, int align, String hint) {
    public StackSlot {
        if (size <= 0 || align <= 0 || (align & (align - 1)) != 0) {
            throw new IllegalArgumentException("bad stack slot " + size + "/" + align);
        }
    }

    @Override
    public String toString() {
        return "$" + id + (hint.isEmpty() ? "" : "." + hint) + "[" + size + "]";
    }
}
