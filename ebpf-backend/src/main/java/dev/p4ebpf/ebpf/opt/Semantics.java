package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;

/**
 * BPF's arithmetic exactly as RFC 9669 defines it, for constant folding: 32-bit operations work on
 * the low halves and zero the upper one; shift counts are masked to the width; {@code x / 0 = 0},
 * {@code x % 0 = x} (its low half for 32 bits); signed division of the minimum by -1 gives the
 * minimum and the remainder 0.
 */
public final class Semantics {
    private Semantics() {}

    private static final long LOW = 0xffffffffL;

    /** {@code a op b}; {@code op} is one of the binary operations of {@link dev.p4ebpf.ebpf.lir.LInsn.Alu}. */
    public static long alu(AluOp op, boolean is32, long a, long b) {
        return is32 ? alu32(op, (int) a, (int) b) & LOW : alu64(op, a, b);
    }

    private static long alu64(AluOp op, long a, long b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? 0 : Long.divideUnsigned(a, b);
            case SDIV -> b == 0 ? 0 : (a == Long.MIN_VALUE && b == -1 ? a : a / b);
            case MOD -> b == 0 ? a : Long.remainderUnsigned(a, b);
            case SMOD -> b == 0 ? a : (b == -1 ? 0 : a % b);
            case OR -> a | b;
            case AND -> a & b;
            case XOR -> a ^ b;
            case LSH -> a << (b & 63);
            case RSH -> a >>> (b & 63);
            case ARSH -> a >> (b & 63);
            case MOV, NEG, MOVSX8, MOVSX16, MOVSX32 -> throw new IllegalArgumentException(op + " is not binary");
        };
    }

    private static int alu32(AluOp op, int a, int b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? 0 : Integer.divideUnsigned(a, b);
            case SDIV -> b == 0 ? 0 : (a == Integer.MIN_VALUE && b == -1 ? a : a / b);
            case MOD -> b == 0 ? a : Integer.remainderUnsigned(a, b);
            case SMOD -> b == 0 ? a : (b == -1 ? 0 : a % b);
            case OR -> a | b;
            case AND -> a & b;
            case XOR -> a ^ b;
            case LSH -> a << (b & 31);
            case RSH -> a >>> (b & 31);
            case ARSH -> a >> (b & 31);
            case MOV, NEG, MOVSX8, MOVSX16, MOVSX32 -> throw new IllegalArgumentException(op + " is not binary");
        };
    }

    public static long neg(boolean is32, long a) {
        return is32 ? (-(int) a) & LOW : -a;
    }

    /** Byte swap of the low {@code bits}, zero-extended. */
    public static long byteSwap(int bits, long a) {
        return switch (bits) {
            case 16 -> Short.reverseBytes((short) a) & 0xffffL;
            case 32 -> Integer.reverseBytes((int) a) & LOW;
            case 64 -> Long.reverseBytes(a);
            default -> throw new IllegalArgumentException("byte swap of " + bits + " bits");
        };
    }

    public static long signExtend(int bits, long a) {
        return switch (bits) {
            case 8 -> (byte) a;
            case 16 -> (short) a;
            case 32 -> (int) a;
            default -> throw new IllegalArgumentException("sign extension from " + bits + " bits");
        };
    }

    /** The outcome of {@code if a cond b}. */
    public static boolean branch(JmpOp cond, boolean is32, long a, long b) {
        if (is32) {
            a = is32Signed(cond) ? (int) a : a & LOW;
            b = is32Signed(cond) ? (int) b : b & LOW;
        }
        return switch (cond) {
            case JEQ -> a == b;
            case JNE -> a != b;
            case JGT -> Long.compareUnsigned(a, b) > 0;
            case JGE -> Long.compareUnsigned(a, b) >= 0;
            case JLT -> Long.compareUnsigned(a, b) < 0;
            case JLE -> Long.compareUnsigned(a, b) <= 0;
            case JSGT -> a > b;
            case JSGE -> a >= b;
            case JSLT -> a < b;
            case JSLE -> a <= b;
            case JSET -> (a & b) != 0;
        };
    }

    private static boolean is32Signed(JmpOp op) {
        return op == JmpOp.JSGT || op == JmpOp.JSGE || op == JmpOp.JSLT || op == JmpOp.JSLE;
    }

    /** The low {@code bytes} bytes of {@code v}, zero-extended. */
    public static long truncate(int bytes, long v) {
        return bytes >= 8 ? v : v & ((1L << (8 * bytes)) - 1);
    }
}
