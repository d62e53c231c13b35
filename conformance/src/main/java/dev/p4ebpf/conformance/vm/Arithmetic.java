package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.ByteOrder;
import dev.p4ebpf.ebpf.insn.JmpOp;

/**
 * The scalar semantics of ISA v1–v4 as RFC 9669 defines them and the kernel executes them, as pure
 * functions of 64-bit values:
 * <ul>
 *   <li>32-bit ALU operations work on the low 32 bits and zero-extend the result;</li>
 *   <li>division by zero gives 0, modulo by zero leaves the dividend (its low 32 bits, zero-extended,
 *       in the 32-bit class); signed division truncates, and {@code MIN / -1} gives {@code MIN}, {@code MIN % -1}
 *       gives 0;</li>
 *   <li>shift amounts are masked to the operand width (63 or 31);</li>
 *   <li>{@code MOVSX} sign-extends 8, 16 or 32 bits; byte swaps and conversions zero-extend.</li>
 * </ul>
 * Immediates are turned into operands by the caller: sign-extended to 64 bits for ALU64 and JMP, as
 * 32 bits for ALU and JMP32.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    private static final long LOW32 = 0xffff_ffffL;

    /** {@code dst op src} in the ALU64 class. */
    static long alu64(AluOp op, long dst, long src) {
        return switch (op) {
            case ADD -> dst + src;
            case SUB -> dst - src;
            case MUL -> dst * src;
            case DIV -> src == 0 ? 0 : Long.divideUnsigned(dst, src);
            case SDIV -> src == 0 ? 0 : dst / src;
            case MOD -> src == 0 ? dst : Long.remainderUnsigned(dst, src);
            case SMOD -> src == 0 ? dst : dst % src;
            case OR -> dst | src;
            case AND -> dst & src;
            case XOR -> dst ^ src;
            case LSH -> dst << (src & 63);
            case RSH -> dst >>> (src & 63);
            case ARSH -> dst >> (src & 63);
            case NEG -> -dst;
            case MOV -> src;
            case MOVSX8 -> (byte) src;
            case MOVSX16 -> (short) src;
            case MOVSX32 -> (int) src;
        };
    }

    /** {@code dst op src} in the 32-bit ALU class, zero-extended to 64 bits. */
    static long alu32(AluOp op, long dst, long src) {
        int d = (int) dst;
        int s = (int) src;
        int r = switch (op) {
            case ADD -> d + s;
            case SUB -> d - s;
            case MUL -> d * s;
            case DIV -> s == 0 ? 0 : Integer.divideUnsigned(d, s);
            case SDIV -> s == 0 ? 0 : d / s;
            case MOD -> s == 0 ? d : Integer.remainderUnsigned(d, s);
            case SMOD -> s == 0 ? d : d % s;
            case OR -> d | s;
            case AND -> d & s;
            case XOR -> d ^ s;
            case LSH -> d << (s & 31);
            case RSH -> d >>> (s & 31);
            case ARSH -> d >> (s & 31);
            case NEG -> -d;
            case MOV -> s;
            case MOVSX8 -> (byte) s;
            case MOVSX16 -> (short) s;
            case MOVSX32 -> s;
        };
        return r & LOW32;
    }

    /** A byte-order conversion of the low {@code bits} of {@code v} on a little-endian host, zero-extended. */
    static long endian(ByteOrder order, int bits, long v) {
        return switch (order) {
            case LE -> truncate(v, bits);
            case BE, BSWAP -> switch (bits) {
                case 16 -> Short.reverseBytes((short) v) & 0xffffL;
                case 32 -> Integer.reverseBytes((int) v) & LOW32;
                default -> Long.reverseBytes(v);
            };
        };
    }

    private static long truncate(long v, int bits) {
        return bits == 64 ? v : v & ((1L << bits) - 1);
    }

    /** Whether a conditional jump is taken: 64-bit compare, or (JMP32) of the low 32 bits. */
    static boolean taken(JmpOp op, boolean jmp32, long a, long b) {
        if (jmp32) {
            return taken32(op, (int) a, (int) b);
        }
        return switch (op) {
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

    private static boolean taken32(JmpOp op, int a, int b) {
        return switch (op) {
            case JEQ -> a == b;
            case JNE -> a != b;
            case JGT -> Integer.compareUnsigned(a, b) > 0;
            case JGE -> Integer.compareUnsigned(a, b) >= 0;
            case JLT -> Integer.compareUnsigned(a, b) < 0;
            case JLE -> Integer.compareUnsigned(a, b) <= 0;
            case JSGT -> a > b;
            case JSGE -> a >= b;
            case JSLT -> a < b;
            case JSLE -> a <= b;
            case JSET -> (a & b) != 0;
        };
    }

    /** Sign-extends the low {@code bytes} bytes of {@code v} to 64 bits. */
    static long signExtend(long v, int bytes) {
        return switch (bytes) {
            case 1 -> (byte) v;
            case 2 -> (short) v;
            case 4 -> (int) v;
            default -> v;
        };
    }
}
