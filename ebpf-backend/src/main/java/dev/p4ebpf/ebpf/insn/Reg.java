package dev.p4ebpf.ebpf.insn;

/**
 * The eleven eBPF registers. R0 holds return values, R1–R5 arguments (clobbered by calls),
 * R6–R9 are callee-saved, R10 is the read-only frame pointer. The 32-bit view of a register
 * ({@code w1}) is the same register used by a 32-bit operation.
 */
public enum Reg implements Src {
    R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10;

    /** The frame pointer. */
    public static final Reg FP = R10;

    private static final Reg[] ALL = values();

    /** The register number, as encoded in the {@code dst_reg}/{@code src_reg} nibbles. */
    public int number() {
        return ordinal();
    }

    /** The register with this number; {@code number} must be 0–10. */
    public static Reg of(int number) {
        if (number < 0 || number >= ALL.length) {
            throw new IllegalArgumentException("no register r" + number);
        }
        return ALL[number];
    }

    /** {@code r1} or, for a 32-bit use, {@code w1}. */
    public String name(boolean wide) {
        return (wide ? "r" : "w") + ordinal();
    }
}
