package dev.p4ebpf.ebpf.insn;

/** The 16-byte 64-bit loads as an assembler DSL: {@code LdImm64.map(R1, "tbl")}. */
public final class LdImm64 {
    private LdImm64() {
    }

    /** {@code dst = value ll}. */
    public static Insn.LoadImm64 imm(Reg dst, long value) {
        return new Insn.LoadImm64(dst, new Imm64.Const(value), Meta.NONE);
    }

    /** {@code dst = &map}, resolved by name (a relocation in an ELF object). */
    public static Insn.LoadImm64 map(Reg dst, String mapName) {
        return new Insn.LoadImm64(dst, new Imm64.Map(mapName), Meta.NONE);
    }

    /** {@code dst = &value_of(map) + offset} for an array map of one element. */
    public static Insn.LoadImm64 mapValue(Reg dst, String mapName, int offset) {
        return new Insn.LoadImm64(dst, new Imm64.MapValue(mapName, offset), Meta.NONE);
    }

    /** {@code dst = &subprogram} ({@code BPF_PSEUDO_FUNC}). */
    public static Insn.LoadImm64 func(Reg dst, Target target) {
        return new Insn.LoadImm64(dst, new Imm64.Func(target), Meta.NONE);
    }

    /** A raw {@code BPF_PSEUDO_MAP_FD} load of map {@code fd}. */
    public static Insn.LoadImm64 mapFd(Reg dst, int fd) {
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(PseudoSrc.MAP_FD, fd, 0), Meta.NONE);
    }

    /** A raw {@code BPF_PSEUDO_MAP_VALUE} load: map {@code fd}, byte {@code offset} of its value. */
    public static Insn.LoadImm64 mapFdValue(Reg dst, int fd, int offset) {
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(PseudoSrc.MAP_VALUE, fd, offset), Meta.NONE);
    }

    /** A raw {@code BPF_PSEUDO_BTF_ID} load of a kernel variable. */
    public static Insn.LoadImm64 btfId(Reg dst, int btfId, int btfObjFd) {
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(PseudoSrc.BTF_ID, btfId, btfObjFd), Meta.NONE);
    }

    /** A raw {@code BPF_PSEUDO_MAP_IDX} load: map number {@code index} of the load's fd_array. */
    public static Insn.LoadImm64 mapIdx(Reg dst, int index) {
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(PseudoSrc.MAP_IDX, index, 0), Meta.NONE);
    }

    /** A raw {@code BPF_PSEUDO_MAP_IDX_VALUE} load. */
    public static Insn.LoadImm64 mapIdxValue(Reg dst, int index, int offset) {
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(PseudoSrc.MAP_IDX_VALUE, index, offset), Meta.NONE);
    }
}
