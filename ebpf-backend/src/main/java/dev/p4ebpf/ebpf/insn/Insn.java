package dev.p4ebpf.ebpf.insn;

import dev.p4ebpf.ir.diag.Span;

/**
 * One eBPF instruction of ISA v1–v4 (RFC 9669), immutable. Every shape the wire format can carry
 * has exactly one representation here, so encoding is a function and decoding its inverse. The
 * records validate their operands when built: a record that exists can be encoded (except that a
 * {@link Label} must be bound when the enclosing {@link Code} is encoded).
 *
 * <p>Build instructions with the DSL ({@link Alu}, {@link Alu64}, {@link Jmp}, {@link Jmp32},
 * {@link Mem}, {@link LdImm64}, {@link Call}) rather than these constructors. Each instruction
 * carries {@link Meta} (P4 source span, comment) that never takes part in equality.
 */
public sealed interface Insn {

    /** Source metadata; never part of equality. */
    Meta meta();

    /** This instruction with other metadata. */
    Insn withMeta(Meta meta);

    default Insn withSpan(Span span) {
        return withMeta(meta().withSpan(span));
    }

    default Insn withComment(String comment) {
        return withMeta(meta().withComment(comment));
    }

    /** Instruction slots (8 bytes each) this instruction takes: 2 for LD_IMM64, else 1. */
    default int slots() {
        return this instanceof LoadImm64 ? 2 : 1;
    }

    /**
     * An arithmetic or logic operation {@code dst op= src} in the ALU64 ({@code wide}) or 32-bit
     * ALU class. NEG has the source {@code Imm(0)}; sign-extending moves need a register source.
     */
    record Arith(boolean wide, AluOp op, Reg dst, Src src, Meta meta) implements Insn {
        public Arith {
            requireNonNull(op, dst, src, meta);
            if (op == AluOp.NEG && !(src instanceof Imm(int v) && v == 0)) {
                throw new IllegalArgumentException("NEG takes no source (use Imm(0))");
            }
            if (op.signExtendingMove() && !(src instanceof Reg)) {
                throw new IllegalArgumentException(op + " needs a register source");
            }
            if (op == AluOp.MOVSX32 && !wide) {
                throw new IllegalArgumentException("MOVSX32 exists only in the ALU64 class");
            }
        }

        @Override
        public Arith withMeta(Meta m) {
            return new Arith(wide, op, dst, src, m);
        }
    }

    /** A byte-order conversion of the low {@code bits} (16, 32 or 64) of {@code dst}. */
    record Endian(ByteOrder order, int bits, Reg dst, Meta meta) implements Insn {
        public Endian {
            requireNonNull(order, dst, meta);
            if (bits != 16 && bits != 32 && bits != 64) {
                throw new IllegalArgumentException("byte swap width must be 16, 32 or 64, not " + bits);
            }
        }

        @Override
        public Endian withMeta(Meta m) {
            return new Endian(order, bits, dst, m);
        }
    }

    /** {@code if dst op src goto target}, comparing 64 bits or (JMP32) the low 32 bits. */
    record Branch(boolean jmp32, JmpOp op, Reg dst, Src src, Target target, Meta meta) implements Insn {
        public Branch {
            requireNonNull(op, dst, src, target, meta);
            requireOff(target);
        }

        @Override
        public Branch withMeta(Meta m) {
            return new Branch(jmp32, op, dst, src, target, m);
        }
    }

    /**
     * An unconditional jump: {@code goto} ({@code BPF_JMP | BPF_JA}, 16-bit offset) or, when
     * {@code wide}, {@code gotol} ({@code BPF_JMP32 | BPF_JA}, v4, 32-bit offset in {@code imm}).
     */
    record Goto(boolean wide, Target target, Meta meta) implements Insn {
        public Goto {
            requireNonNull(target, meta);
            if (!wide) {
                requireOff(target);
            }
        }

        @Override
        public Goto withMeta(Meta m) {
            return new Goto(wide, target, m);
        }
    }

    /** A call of the kernel helper with this id ({@code src_reg = 0}). */
    record CallHelper(int id, Meta meta) implements Insn {
        public CallHelper {
            requireNonNull(meta);
        }

        @Override
        public CallHelper withMeta(Meta m) {
            return new CallHelper(id, m);
        }
    }

    /**
     * A call of a BPF subprogram ({@code BPF_PSEUDO_CALL}): a label in the same block, a function
     * symbol elsewhere in the object (a label the block does not bind), or a raw offset.
     */
    record CallLocal(Target target, Meta meta) implements Insn {
        public CallLocal {
            requireNonNull(target, meta);
        }

        @Override
        public CallLocal withMeta(Meta m) {
            return new CallLocal(target, m);
        }
    }

    /**
     * A call of a kernel function ({@code BPF_PSEUDO_KFUNC_CALL}) by BTF id; {@code btfFdIndex} is
     * the {@code off} field (0 for vmlinux, else an index into the load's fd_array).
     */
    record CallKfunc(int btfId, int btfFdIndex, Meta meta) implements Insn {
        public CallKfunc {
            requireNonNull(meta);
            requireShort(btfFdIndex, "kfunc BTF fd index");
        }

        @Override
        public CallKfunc withMeta(Meta m) {
            return new CallKfunc(btfId, btfFdIndex, m);
        }
    }

    /** Return R0 to the caller. */
    record Exit(Meta meta) implements Insn {
        public Exit {
            requireNonNull(meta);
        }

        @Override
        public Exit withMeta(Meta m) {
            return new Exit(m);
        }
    }

    /**
     * {@code dst = *(size *)(src + off)}, zero-extending, or sign-extending to 64 bits
     * ({@code BPF_MEMSX}, v4, sizes B/H/W only).
     */
    record Load(Size size, boolean signExtend, Reg dst, Reg src, int off, Meta meta) implements Insn {
        public Load {
            requireNonNull(size, dst, src, meta);
            requireShort(off, "offset");
            if (signExtend && size == Size.DW) {
                throw new IllegalArgumentException("a sign-extending load of 64 bits does not exist");
            }
        }

        @Override
        public Load withMeta(Meta m) {
            return new Load(size, signExtend, dst, src, off, m);
        }
    }

    /** {@code *(size *)(dst + off) = src}: STX for a register source, ST for an immediate. */
    record Store(Size size, Reg dst, Src src, int off, Meta meta) implements Insn {
        public Store {
            requireNonNull(size, dst, src, meta);
            requireShort(off, "offset");
        }

        @Override
        public Store withMeta(Meta m) {
            return new Store(size, dst, src, off, m);
        }
    }

    /** An atomic read-modify-write of {@code *(size *)(dst + off)} with {@code src}; size W or DW. */
    record Atomic(Size size, AtomicOp op, Reg dst, Reg src, int off, Meta meta) implements Insn {
        public Atomic {
            requireNonNull(size, op, dst, src, meta);
            requireShort(off, "offset");
            if (size != Size.W && size != Size.DW) {
                throw new IllegalArgumentException("atomic operations are 32 or 64 bits wide, not " + size);
            }
        }

        @Override
        public Atomic withMeta(Meta m) {
            return new Atomic(size, op, dst, src, off, m);
        }
    }

    /** The 16-byte {@code dst = imm64} load, with a constant or a (pseudo) reference. */
    record LoadImm64(Reg dst, Imm64 value, Meta meta) implements Insn {
        public LoadImm64 {
            requireNonNull(dst, value, meta);
        }

        @Override
        public LoadImm64 withMeta(Meta m) {
            return new LoadImm64(dst, value, m);
        }
    }

    /** Legacy socket-filter packet load {@code r0 = *(size *)skb[imm]} (sizes B/H/W). */
    record LoadAbs(Size size, int imm, Meta meta) implements Insn {
        public LoadAbs {
            requireNonNull(size, meta);
            requireLegacySize(size);
        }

        @Override
        public LoadAbs withMeta(Meta m) {
            return new LoadAbs(size, imm, m);
        }
    }

    /** Legacy packet load {@code r0 = *(size *)skb[src + imm]} (sizes B/H/W). */
    record LoadInd(Size size, Reg src, int imm, Meta meta) implements Insn {
        public LoadInd {
            requireNonNull(size, src, meta);
            requireLegacySize(size);
        }

        @Override
        public LoadInd withMeta(Meta m) {
            return new LoadInd(size, src, imm, m);
        }
    }

    private static void requireNonNull(Object... parts) {
        for (Object p : parts) {
            if (p == null) {
                throw new IllegalArgumentException("instruction operand is null");
            }
        }
    }

    private static void requireShort(int value, String what) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + value + " does not fit in 16 signed bits");
        }
    }

    private static void requireOff(Target target) {
        if (target instanceof Offset(int d)) {
            requireShort(d, "jump offset");
        }
    }

    private static void requireLegacySize(Size size) {
        if (size == Size.DW) {
            throw new IllegalArgumentException("legacy packet loads are 8, 16 or 32 bits wide");
        }
    }
}
