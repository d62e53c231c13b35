package dev.p4ebpf.ebpf.insn;

/**
 * A reference from an encoded instruction to a symbol outside its block, left for a linker or
 * loader to fill in.
 *
 * @param slot   the instruction's slot index in the encoded block (the kernel's instruction index;
 *               the byte offset is {@code slot * 8})
 * @param kind   what the instruction is and what the symbol names
 * @param symbol the map or function name
 */
public record Reloc(int slot, Kind kind, String symbol) {

    /** What a relocation patches. */
    public enum Kind {
        /** An {@code LD_IMM64} of a map: a loader sets {@code src_reg = BPF_PSEUDO_MAP_FD}, {@code imm = fd}. */
        MAP,
        /**
         * An {@code LD_IMM64} of an address inside a map's value (a data section): the first
         * {@code imm} holds the offset; a loader sets {@code BPF_PSEUDO_MAP_VALUE}, fd and offset.
         */
        MAP_VALUE,
        /** A {@code BPF_PSEUDO_CALL} of a function outside the block; {@code imm} is the relative offset. */
        CALL,
        /** An {@code LD_IMM64} with {@code BPF_PSEUDO_FUNC} of a function outside the block. */
        FUNC
    }

    public Reloc {
        if (slot < 0 || kind == null || symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("bad relocation " + slot + " " + kind + " " + symbol);
        }
    }
}
