package dev.p4ebpf.ebpf.insn;

/**
 * What a 16-byte {@code LD_IMM64} loads. Symbolic forms ({@link Map}, {@link MapValue}, and
 * {@link Func} with a {@link Label}) stay names until encoding; the raw pseudo forms are what a
 * loader writes after it created the maps, and what the decoder returns for unrelocated bytes.
 */
public sealed interface Imm64 {

    /** The {@code src_reg} value on the wire in a loaded (fully resolved) program. */
    int pseudoSrc();

    /** A plain 64-bit constant ({@code src_reg = 0}). */
    record Const(long value) implements Imm64 {
        @Override
        public int pseudoSrc() {
            return 0;
        }
    }

    /**
     * The map called {@code name} in the object. In an ELF object it is encoded as libbpf expects
     * from clang: {@code src_reg = 0, imm = 0} with an {@code R_BPF_64_64} relocation on the map's
     * symbol; a loader turns it into {@link PseudoSrc#MAP_FD} with the map's fd.
     */
    record Map(String name) implements Imm64 {
        public Map {
            requireName(name);
        }

        @Override
        public int pseudoSrc() {
            return PseudoSrc.MAP_FD.code();
        }
    }

    /**
     * The address of byte {@code offset} of the value of the single-element array map
     * {@code name} (a data section). Encoded with {@code imm = offset} and a relocation; a loader
     * turns it into {@link PseudoSrc#MAP_VALUE}.
     */
    record MapValue(String name, int offset) implements Imm64 {
        public MapValue {
            requireName(name);
        }

        @Override
        public int pseudoSrc() {
            return PseudoSrc.MAP_VALUE.code();
        }
    }

    /** The address of a subprogram ({@code BPF_PSEUDO_FUNC}), for callbacks such as bpf_loop. */
    record Func(Target target) implements Imm64 {
        public Func {
            if (target == null) {
                throw new IllegalArgumentException("a function reference needs a target");
            }
        }

        @Override
        public int pseudoSrc() {
            return PseudoSrc.FUNC.code();
        }
    }

    /**
     * A raw pseudo load as a loader writes it: {@code imm} is an fd, a BTF id or a map index, and
     * {@code next} is the second slot's {@code imm} (the value offset, or the BTF object fd).
     */
    record Pseudo(PseudoSrc kind, int imm, int next) implements Imm64 {
        public Pseudo {
            if (kind == null || kind == PseudoSrc.FUNC) {
                throw new IllegalArgumentException("use Imm64.Func for BPF_PSEUDO_FUNC");
            }
        }

        @Override
        public int pseudoSrc() {
            return kind.code();
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a map reference needs a map name");
        }
    }
}
