package dev.p4ebpf.ebpf.insn;

import java.util.Arrays;
import java.util.List;

/**
 * An encoded block: the instruction bytes in the ELF object form (symbolic references encoded as
 * clang does, with {@code imm} 0 or −1 and a {@link Reloc}) and the relocations, in slot order.
 */
public record Encoded(byte[] bytes, List<Reloc> relocs) {

    public Encoded {
        bytes = bytes.clone();
        relocs = List.copyOf(relocs);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int slots() {
        return bytes.length / Encoder.SLOT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoded e && Arrays.equals(bytes, e.bytes) && relocs.equals(e.relocs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + relocs.hashCode();
    }

    @Override
    public String toString() {
        return "Encoded[" + slots() + " slots, " + relocs.size() + " relocations]";
    }
}
