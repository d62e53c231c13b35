package dev.p4ebpf.ebpf.insn;

/**
 * Opcode field values of the eBPF instruction encoding (RFC 9669 §3–§5, linux/bpf_common.h and
 * linux/bpf.h), the one place they are declared.
 */
final class Opcodes {
    private Opcodes() {
    }

    static final int CLASS_MASK = 0x07;
    static final int LD = 0x00;
    static final int LDX = 0x01;
    static final int ST = 0x02;
    static final int STX = 0x03;
    static final int ALU = 0x04;
    static final int JMP = 0x05;
    static final int JMP32 = 0x06;
    static final int ALU64 = 0x07;

    /** Source bit of ALU/JMP opcodes: {@code BPF_K} 0, {@code BPF_X} 8; for END it is TO_LE/TO_BE. */
    static final int SRC_X = 0x08;
    static final int OP_MASK = 0xf0;
    static final int END = 0xd0;
    static final int JA = 0x00;
    static final int CALL = 0x80;
    static final int EXIT = 0x90;

    static final int SIZE_MASK = 0x18;
    static final int MODE_MASK = 0xe0;
    static final int MODE_IMM = 0x00;
    static final int MODE_ABS = 0x20;
    static final int MODE_IND = 0x40;
    static final int MODE_MEM = 0x60;
    static final int MODE_MEMSX = 0x80;
    static final int MODE_ATOMIC = 0xc0;

    /** {@code BPF_LD | BPF_DW | BPF_IMM}. */
    static final int LD_IMM64 = 0x18;

    static final int PSEUDO_CALL = 1;
    static final int PSEUDO_KFUNC_CALL = 2;
}
