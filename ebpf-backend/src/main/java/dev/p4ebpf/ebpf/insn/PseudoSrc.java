package dev.p4ebpf.ebpf.insn;

/** The {@code src_reg} values that give an {@code LD_IMM64} its meaning (linux/bpf.h). */
public enum PseudoSrc {
    /** {@code imm} is a map fd. */
    MAP_FD(1),
    /** {@code imm} is a map fd, the second {@code imm} an offset into its value. */
    MAP_VALUE(2),
    /** {@code imm} is a kernel BTF id of a variable, the second {@code imm} a BTF object fd. */
    BTF_ID(3),
    /** {@code imm} is the relative offset of a subprogram. */
    FUNC(4),
    /** {@code imm} is an index into the {@code fd_array} given at load time. */
    MAP_IDX(5),
    /** As {@link #MAP_IDX}, the second {@code imm} an offset into the map value. */
    MAP_IDX_VALUE(6);

    private final int code;

    PseudoSrc(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static PseudoSrc of(int code) {
        for (PseudoSrc p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
