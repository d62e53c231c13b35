package dev.p4ebpf.ebpf.insn;

import static dev.p4ebpf.ebpf.insn.Opcodes.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the wire format into instructions, the inverse of {@link Encoder}: for every byte
 * sequence it accepts, encoding the result gives the same bytes back. It rejects what the kernel
 * verifier rejects as malformed (unknown opcodes, reserved fields that are set, registers above
 * r10, a truncated LD_IMM64, jumps that leave the block or land inside an LD_IMM64) with a
 * {@link DecodeException}. Semantic checks (division by a zero immediate, shifts wider than the
 * operand, writes to r10) are left to the verifier.
 *
 * <p>Jump targets come back as raw {@link Offset}s. Slots named by a {@link Reloc} become symbolic:
 * {@link Imm64.Map}, {@link Imm64.MapValue}, {@link Imm64.Func} or a {@link Insn.CallLocal} of a
 * {@link Label} with the relocation's symbol.
 */
public final class Decoder {
    private final ByteBuffer in;
    private final int slots;
    private final Map<Integer, Reloc> relocAt = new HashMap<>();

    private Decoder(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        this.slots = bytes.length / Encoder.SLOT;
    }

    /** Decodes bytes without relocations. */
    public static Code decode(byte[] bytes) throws DecodeException {
        return decode(bytes, List.of());
    }

    /** Decodes bytes whose symbolic references are listed in {@code relocs}. */
    public static Code decode(byte[] bytes, List<Reloc> relocs) throws DecodeException {
        if (bytes.length % Encoder.SLOT != 0) {
            throw new DecodeException(bytes.length - bytes.length % Encoder.SLOT,
                    "truncated: " + bytes.length % Encoder.SLOT + " bytes left over after the last whole instruction");
        }
        Decoder d = new Decoder(bytes);
        for (Reloc r : relocs) {
            if (r.slot() >= d.slots || d.relocAt.putIfAbsent(r.slot(), r) != null) {
                throw new DecodeException(r.slot() * Encoder.SLOT, "relocation " + r.kind() + " of '" + r.symbol()
                        + "' is " + (r.slot() >= d.slots ? "past the end of the code" : "one of two on the same slot"));
            }
        }
        return d.run();
    }

    private Code run() throws DecodeException {
        List<Insn> out = new ArrayList<>();
        boolean[] start = new boolean[slots];
        int[] slotOf = new int[slots];
        int used = 0;
        for (int s = 0; s < slots; s += out.getLast().slots()) {
            start[s] = true;
            slotOf[out.size()] = s;
            out.add(decodeAt(s));
            used += relocAt.containsKey(s) ? 1 : 0;
        }
        if (used != relocAt.size()) {
            int bad = relocAt.keySet().stream().filter(s -> !start[s]).findFirst().orElse(0);
            throw new DecodeException(bad * Encoder.SLOT, "relocation " + relocAt.get(bad).kind()
                    + " points into the middle of an LD_IMM64");
        }
        for (int i = 0; i < out.size(); i++) {
            checkTarget(out.get(i), slotOf[i], start);
        }
        return Code.of(out);
    }

    private void checkTarget(Insn insn, int slot, boolean[] start) throws DecodeException {
        Target t = switch (insn) {
            case Insn.Branch b -> b.target();
            case Insn.Goto g -> g.target();
            case Insn.CallLocal c -> c.target();
            case Insn.LoadImm64 l when l.value() instanceof Imm64.Func f -> f.target();
            default -> null;
        };
        if (t instanceof Offset(int delta)) {
            long to = (long) slot + 1 + delta;
            if (to < 0 || to >= slots) {
                throw new DecodeException(slot * Encoder.SLOT, "target " + new Offset(delta) + " is slot " + to
                        + ", outside the " + slots + " slots of the code");
            }
            if (!start[(int) to]) {
                throw new DecodeException(slot * Encoder.SLOT, "target " + new Offset(delta) + " is slot " + to
                        + ", the second half of an LD_IMM64");
            }
        }
    }

    /** One raw 8-byte slot. */
    private record Raw(int at, int code, int dst, int src, int off, int imm) {
    }

    private Raw raw(int slot) {
        int p = slot * Encoder.SLOT;
        int regs = in.get(p + 1) & 0xff;
        return new Raw(p, in.get(p) & 0xff, regs & 0x0f, regs >>> 4, in.getShort(p + 2), in.getInt(p + 4));
    }

    private Insn decodeAt(int slot) throws DecodeException {
        Raw r = raw(slot);
        try {
            Insn insn = switch (r.code & CLASS_MASK) {
                case ALU, ALU64 -> alu(r);
                case JMP, JMP32 -> jump(r);
                case LD -> ld(r, slot);
                case LDX -> ldx(r);
                case ST -> st(r);
                case STX -> stx(r);
                default -> throw new AssertionError("three bits have eight values");
            };
            Reloc rel = relocAt.get(slot);
            if (rel != null && !(insn instanceof Insn.LoadImm64 || insn instanceof Insn.CallLocal)) {
                throw bad(r, "relocation " + rel.kind() + " of '" + rel.symbol() + "' on an instruction that takes none");
            }
            return insn;
        } catch (IllegalArgumentException e) {
            throw bad(r, e.getMessage());
        }
    }

    private Insn alu(Raw r) throws DecodeException {
        boolean wide = (r.code & CLASS_MASK) == ALU64;
        int op = r.code & OP_MASK;
        boolean x = (r.code & SRC_X) != 0;
        String cls = wide ? "ALU64" : "ALU";
        if (op == END) {
            if (wide && x) {
                throw bad(r, "ALU64 END with the TO_BE bit is reserved");
            }
            zero(r, "src_reg", r.src);
            zero(r, "off", r.off);
            if (r.imm != 16 && r.imm != 32 && r.imm != 64) {
                throw bad(r, "byte swap width imm=" + r.imm + " must be 16, 32 or 64");
            }
            return new Insn.Endian(wide ? ByteOrder.BSWAP : x ? ByteOrder.BE : ByteOrder.LE, r.imm, reg(r, r.dst), Meta.NONE);
        }
        if (op == 0xe0 || op == 0xf0) {
            throw bad(r, String.format("unknown %s operation 0x%02x", cls, op));
        }
        if (op == AluOp.NEG.code()) {
            if (x) {
                throw bad(r, "NEG with a register source is reserved");
            }
            zero(r, "src_reg", r.src);
            zero(r, "off", r.off);
            zero(r, "imm", r.imm);
            return new Insn.Arith(wide, AluOp.NEG, reg(r, r.dst), new Imm(0), Meta.NONE);
        }
        AluOp aluOp = AluOp.of(op, r.off);
        if (aluOp == null || (aluOp.signExtendingMove() && !x) || (aluOp == AluOp.MOVSX32 && !wide)) {
            throw bad(r, String.format("off=%d is reserved for %s %s with %s source", r.off, cls,
                    AluOp.of(op, 0), x ? "a register" : "an immediate"));
        }
        Src src = x ? reg(r, r.src) : new Imm(r.imm);
        if (x) {
            zero(r, "imm", r.imm);
        } else {
            zero(r, "src_reg", r.src);
        }
        return new Insn.Arith(wide, aluOp, reg(r, r.dst), src, Meta.NONE);
    }

    private Insn jump(Raw r) throws DecodeException {
        boolean j32 = (r.code & CLASS_MASK) == JMP32;
        int op = r.code & OP_MASK;
        boolean x = (r.code & SRC_X) != 0;
        String cls = j32 ? "JMP32" : "JMP";
        switch (op) {
            case JA -> {
                noX(r, x, "JA");
                zero(r, "src_reg", r.src);
                zero(r, "dst_reg", r.dst);
                zero(r, j32 ? "off" : "imm", j32 ? r.off : r.imm);
                return new Insn.Goto(j32, new Offset(j32 ? r.imm : r.off), Meta.NONE);
            }
            case CALL -> {
                return call(r, j32, x);
            }
            case EXIT -> {
                if (j32) {
                    throw bad(r, "EXIT in the JMP32 class is reserved");
                }
                noX(r, x, "EXIT");
                zero(r, "src_reg", r.src);
                zero(r, "dst_reg", r.dst);
                zero(r, "off", r.off);
                zero(r, "imm", r.imm);
                return new Insn.Exit(Meta.NONE);
            }
            case 0xe0 -> throw bad(r, "JCOND (may_goto) is not part of ISA v1-v4 and is not supported");
            default -> {
                JmpOp jop = JmpOp.of(op);
                if (jop == null) {
                    throw bad(r, String.format("unknown %s operation 0x%02x", cls, op));
                }
                if (x) {
                    zero(r, "imm", r.imm);
                } else {
                    zero(r, "src_reg", r.src);
                }
                return new Insn.Branch(j32, jop, reg(r, r.dst), x ? reg(r, r.src) : new Imm(r.imm),
                        new Offset(r.off), Meta.NONE);
            }
        }
    }

    private Insn call(Raw r, boolean j32, boolean x) throws DecodeException {
        if (j32) {
            throw bad(r, "CALL in the JMP32 class is reserved");
        }
        noX(r, x, "CALL");
        zero(r, "dst_reg", r.dst);
        Reloc rel = relocAt.get(r.at / Encoder.SLOT);
        switch (r.src) {
            case 0 -> {
                zero(r, "off", r.off);
                return new Insn.CallHelper(r.imm, Meta.NONE);
            }
            case PSEUDO_CALL -> {
                zero(r, "off", r.off);
                if (rel != null) {
                    expect(r, rel, Reloc.Kind.CALL);
                    return new Insn.CallLocal(new Label(rel.symbol()), Meta.NONE);
                }
                return new Insn.CallLocal(new Offset(r.imm), Meta.NONE);
            }
            case PSEUDO_KFUNC_CALL -> {
                return new Insn.CallKfunc(r.imm, r.off, Meta.NONE);
            }
            default -> throw bad(r, "CALL src_reg=" + r.src + " is reserved (0 helper, 1 BPF function, 2 kfunc)");
        }
    }

    private Insn ld(Raw r, int slot) throws DecodeException {
        int mode = r.code & MODE_MASK;
        Size size = Size.ofCode(r.code & SIZE_MASK);
        switch (mode) {
            case MODE_IMM -> {
                if (size != Size.DW) {
                    throw bad(r, "LD IMM of size " + size + " is reserved (only the 16-byte DW form exists)");
                }
                return ldImm64(r, slot);
            }
            case MODE_ABS, MODE_IND -> {
                if (size == Size.DW) {
                    throw bad(r, "legacy packet load of size DW is reserved");
                }
                zero(r, "dst_reg", r.dst);
                zero(r, "off", r.off);
                if (mode == MODE_ABS) {
                    zero(r, "src_reg", r.src);
                    return new Insn.LoadAbs(size, r.imm, Meta.NONE);
                }
                return new Insn.LoadInd(size, reg(r, r.src), r.imm, Meta.NONE);
            }
            default -> throw bad(r, String.format("LD mode 0x%02x is reserved", mode));
        }
    }

    private Insn ldImm64(Raw r, int slot) throws DecodeException {
        if (slot + 1 >= slots) {
            throw bad(r, "truncated LD_IMM64: its second 8-byte half is missing");
        }
        Raw hi = raw(slot + 1);
        if (hi.code != 0 || hi.dst != 0 || hi.src != 0 || hi.off != 0) {
            throw bad(r, "the second half of LD_IMM64 must have opcode, registers and off all 0");
        }
        zero(r, "off", r.off);
        Reg dst = reg(r, r.dst);
        long value = (r.imm & 0xffffffffL) | ((long) hi.imm << 32);
        Reloc rel = relocAt.get(slot);
        if (r.src == 0) {
            if (rel == null) {
                return new Insn.LoadImm64(dst, new Imm64.Const(value), Meta.NONE);
            }
            if (rel.kind() == Reloc.Kind.MAP && value == 0) {
                return new Insn.LoadImm64(dst, new Imm64.Map(rel.symbol()), Meta.NONE);
            }
            if (rel.kind() == Reloc.Kind.MAP_VALUE && hi.imm == 0) {
                return new Insn.LoadImm64(dst, new Imm64.MapValue(rel.symbol(), r.imm), Meta.NONE);
            }
            throw bad(r, "relocation " + rel.kind() + " of '" + rel.symbol() + "' does not fit LD_IMM64 with value " + value);
        }
        PseudoSrc kind = PseudoSrc.of(r.src);
        if (kind == null) {
            throw bad(r, "LD_IMM64 src_reg=" + r.src + " is reserved (pseudo sources are 1-6)");
        }
        if (kind == PseudoSrc.FUNC) {
            zero(r, "second imm of a BPF_PSEUDO_FUNC load", hi.imm);
            if (rel != null) {
                expect(r, rel, Reloc.Kind.FUNC);
                return new Insn.LoadImm64(dst, new Imm64.Func(new Label(rel.symbol())), Meta.NONE);
            }
            return new Insn.LoadImm64(dst, new Imm64.Func(new Offset(r.imm)), Meta.NONE);
        }
        if (rel != null) {
            throw bad(r, "relocation " + rel.kind() + " on an already resolved pseudo load (src_reg=" + r.src + ")");
        }
        return new Insn.LoadImm64(dst, new Imm64.Pseudo(kind, r.imm, hi.imm), Meta.NONE);
    }

    private Insn ldx(Raw r) throws DecodeException {
        int mode = r.code & MODE_MASK;
        Size size = Size.ofCode(r.code & SIZE_MASK);
        if (mode != MODE_MEM && mode != MODE_MEMSX) {
            throw bad(r, String.format("LDX mode 0x%02x is reserved", mode));
        }
        if (mode == MODE_MEMSX && size == Size.DW) {
            throw bad(r, "sign-extending load of size DW is reserved");
        }
        zero(r, "imm", r.imm);
        return new Insn.Load(size, mode == MODE_MEMSX, reg(r, r.dst), reg(r, r.src), r.off, Meta.NONE);
    }

    private Insn st(Raw r) throws DecodeException {
        if ((r.code & MODE_MASK) != MODE_MEM) {
            throw bad(r, String.format("ST mode 0x%02x is reserved", r.code & MODE_MASK));
        }
        zero(r, "src_reg", r.src);
        return new Insn.Store(Size.ofCode(r.code & SIZE_MASK), reg(r, r.dst), new Imm(r.imm), r.off, Meta.NONE);
    }

    private Insn stx(Raw r) throws DecodeException {
        int mode = r.code & MODE_MASK;
        Size size = Size.ofCode(r.code & SIZE_MASK);
        if (mode == MODE_MEM) {
            zero(r, "imm", r.imm);
            return new Insn.Store(size, reg(r, r.dst), reg(r, r.src), r.off, Meta.NONE);
        }
        if (mode != MODE_ATOMIC) {
            throw bad(r, String.format("STX mode 0x%02x is reserved", mode));
        }
        if (size != Size.W && size != Size.DW) {
            throw bad(r, "atomic operation of size " + size + " is reserved (W and DW only)");
        }
        AtomicOp op = AtomicOp.of(r.imm);
        if (op == null) {
            throw bad(r, String.format("unknown atomic operation imm=0x%x", r.imm));
        }
        return new Insn.Atomic(size, op, reg(r, r.dst), reg(r, r.src), r.off, Meta.NONE);
    }

    private static Reg reg(Raw r, int number) throws DecodeException {
        if (number > 10) {
            throw bad(r, "register r" + number + " does not exist (r0-r10)");
        }
        return Reg.of(number);
    }

    private static void zero(Raw r, String field, int value) throws DecodeException {
        if (value != 0) {
            throw bad(r, String.format("reserved field %s=%d must be 0 for opcode 0x%02x", field, value, r.code));
        }
    }

    private static void noX(Raw r, boolean x, String what) throws DecodeException {
        if (x) {
            throw bad(r, what + " with the BPF_X source bit is reserved");
        }
    }

    private static void expect(Raw r, Reloc rel, Reloc.Kind kind) throws DecodeException {
        if (rel.kind() != kind) {
            throw bad(r, "relocation " + rel.kind() + " of '" + rel.symbol() + "' on an instruction that needs " + kind);
        }
    }

    private static DecodeException bad(Raw r, String reason) {
        return new DecodeException(r.at, reason);
    }
}
