package dev.p4ebpf.ebpf.insn;

/** The width of a memory access: the {@code BPF_SIZE} bits of a load, store or atomic opcode. */
public enum Size {
    /** 32 bits, {@code BPF_W}. */
    W(0x00, 4),
    /** 16 bits, {@code BPF_H}. */
    H(0x08, 2),
    /** 8 bits, {@code BPF_B}. */
    B(0x10, 1),
    /** 64 bits, {@code BPF_DW}. */
    DW(0x18, 8);

    private final int code;
    private final int bytes;

    Size(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The opcode bits (already shifted into place). */
    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    /** The C type llvm prints for it: {@code u8}…{@code u64}, or {@code s8}… when sign-extending. */
    public String cType(boolean signed) {
        return (signed ? "s" : "u") + bytes * 8;
    }

    static Size ofCode(int code) {
        for (Size s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a size code: " + code);
    }
}
