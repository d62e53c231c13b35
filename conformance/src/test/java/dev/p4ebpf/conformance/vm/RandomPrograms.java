package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.ebpf.insn.Reg.FP;
import static dev.p4ebpf.ebpf.insn.Reg.R0;
import static dev.p4ebpf.ebpf.insn.Reg.R1;
import static dev.p4ebpf.ebpf.insn.Reg.R2;

import dev.p4ebpf.ebpf.insn.Alu;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.AtomicOp;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.Jmp32;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Mem;
import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random straight-line and forward-branching programs over scalars, built with the instruction DSL,
 * that the verifier accepts: every register starts as a random constant; the body mixes 32- and
 * 64-bit ALU operations of every kind (division and shifts by registers of any value included),
 * byte swaps, conditional jumps of both widths, stack stores and (sign-extending) loads and
 * atomics; the end stores r0–r9 into the value of array map {@code out}. Comparing that value
 * between the kernel and the VM compares the whole computation.
 */
final class RandomPrograms {
    static final int BODY_LOW = -512;
    static final int BODY_HIGH = -104;
    private static final int[] SHIFTS = {0x60, 0x70, 0xc0};

    private final Random rnd;

    RandomPrograms(long seed) {
        this.rnd = new Random(seed);
    }

    /** A program of about {@code size} body instructions, in an object with the {@code out} map. */
    BpfObject next(int size) {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> Optional.empty());
        int u32 = ob.btf().integer("unsigned int", 4, false);
        int u64 = ob.btf().integer("unsigned long long", 8, false);
        ob.map(MapSpec.of("out", MapType.ARRAY, 1, u32, 4, ob.btf().array(u64, 10), 80));
        ob.program("xdp", "random_prog", code(size));
        return ob.build();
    }

    private Code code(int size) {
        Code.Builder b = Code.builder();
        Label exit = Label.of("exit");
        b.emit(Mem.st(Size.W, FP, -4, 0), Alu64.MOV.reg(R2, FP), Alu64.ADD.imm(R2, -4), LdImm64.map(R1, "out"),
                Call.helper(Helper.MAP_LOOKUP_ELEM), Jmp.JEQ.imm(R0, 0, exit), Mem.stx(Size.DW, FP, -16, R0));
        for (int off = BODY_LOW; off < BODY_HIGH; off += 8) {
            b.emit(Mem.st(Size.DW, FP, off, rnd.nextInt()));
        }
        for (int r = 0; r <= 9; r++) {
            b.emit(LdImm64.imm(Reg.of(r), constant()));
        }
        List<Label> pending = new ArrayList<>();
        int labels = 0;
        for (int i = 0; i < size; i++) {
            for (Label l : takeDue(pending, i)) {
                b.bind(l);
            }
            if (rnd.nextInt(8) == 0) {
                Label to = Label.of("L" + labels++);
                int at = i + 1 + rnd.nextInt(6);
                pending.add(to);
                due.add(Math.min(at, size));
                b.emit(branch(to));
            } else {
                b.emit(body());
            }
        }
        for (Label l : pending) {
            b.bind(l);
        }
        pending.clear();
        due.clear();
        for (int r = 0; r <= 9; r++) {
            b.emit(Mem.stx(Size.DW, FP, -24 - 8 * r, Reg.of(r)));
        }
        b.emit(Mem.ldx(Size.DW, R1, FP, -16));
        for (int r = 0; r <= 9; r++) {
            b.emit(Mem.ldx(Size.DW, R2, FP, -24 - 8 * r), Mem.stx(Size.DW, R1, 8 * r, R2));
        }
        b.bind(exit);
        b.emit(Alu64.MOV.imm(R0, 0), Jmp.exit());
        return b.build();
    }

    private final List<Integer> due = new ArrayList<>();

    private List<Label> takeDue(List<Label> pending, int i) {
        List<Label> out = new ArrayList<>();
        for (int k = pending.size() - 1; k >= 0; k--) {
            if (due.get(k) == i) {
                out.add(pending.remove(k));
                due.remove(k);
            }
        }
        return out;
    }

    private long constant() {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextInt(16) - 8;
            case 1 -> Long.MIN_VALUE + rnd.nextInt(3);
            case 2 -> Integer.MIN_VALUE + (long) rnd.nextInt(3);
            case 3 -> 0xffff_ffffL - rnd.nextInt(3);
            default -> rnd.nextLong();
        };
    }

    private int imm() {
        return switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextInt(16) - 8;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> -1;
            default -> rnd.nextInt();
        };
    }

    private Reg reg() {
        return Reg.of(rnd.nextInt(10));
    }

    private Insn branch(Label to) {
        boolean j32 = rnd.nextBoolean();
        boolean x = rnd.nextBoolean();
        int op = rnd.nextInt(Jmp.values().length);
        if (j32) {
            Jmp32 j = Jmp32.values()[op];
            return x ? j.reg(reg(), reg(), to) : j.imm(reg(), imm(), to);
        }
        Jmp j = Jmp.values()[op];
        return x ? j.reg(reg(), reg(), to) : j.imm(reg(), imm(), to);
    }

    private Insn body() {
        int k = rnd.nextInt(20);
        if (k < 12) {
            return alu();
        }
        if (k < 14) {
            return endian();
        }
        if (k < 16) {
            return store();
        }
        if (k < 18) {
            return load();
        }
        if (k < 19) {
            return atomic();
        }
        return LdImm64.imm(reg(), constant());
    }

    private Insn alu() {
        boolean wide = rnd.nextBoolean();
        Reg dst = reg();
        int which = rnd.nextInt(Alu64.values().length + 4);
        if (which >= Alu64.values().length) {
            return switch (which - Alu64.values().length) {
                case 0 -> wide ? Alu64.neg(dst) : Alu.neg(dst);
                case 1 -> wide ? Alu64.movsx8(dst, reg()) : Alu.movsx8(dst, reg());
                case 2 -> wide ? Alu64.movsx16(dst, reg()) : Alu.movsx16(dst, reg());
                default -> Alu64.movsx32(dst, reg());
            };
        }
        boolean x = rnd.nextInt(3) > 0;
        if (wide) {
            Alu64 op = Alu64.values()[which];
            return x ? op.reg(dst, reg()) : op.imm(dst, safeImm(op.name(), 64));
        }
        Alu op = Alu.values()[which];
        return x ? op.reg(dst, reg()) : op.imm(dst, safeImm(op.name(), 32));
    }

    /** An immediate the verifier accepts for the operation: no division by 0, shifts below the width. */
    private int safeImm(String op, int width) {
        if (op.equals("LSH") || op.equals("RSH") || op.equals("ARSH")) {
            return rnd.nextInt(width);
        }
        int v = imm();
        boolean division = op.contains("DIV") || op.contains("MOD");
        return division && v == 0 ? 7 : v;
    }

    private Insn endian() {
        int bits = new int[] {16, 32, 64}[rnd.nextInt(3)];
        return switch (rnd.nextInt(3)) {
            case 0 -> Alu.le(reg(), bits);
            case 1 -> Alu.be(reg(), bits);
            default -> Alu64.bswap(reg(), bits);
        };
    }

    private Size size() {
        return Size.values()[rnd.nextInt(4)];
    }

    private int offset(Size s) {
        int slots = (BODY_HIGH - BODY_LOW) / s.bytes();
        return BODY_LOW + rnd.nextInt(slots) * s.bytes();
    }

    private Insn store() {
        Size s = size();
        return rnd.nextBoolean() ? Mem.stx(s, FP, offset(s), reg()) : Mem.st(s, FP, offset(s), imm());
    }

    private Insn load() {
        Size s = size();
        if (s != Size.DW && rnd.nextBoolean()) {
            return Mem.ldxs(s, reg(), FP, offset(s));
        }
        return Mem.ldx(s, reg(), FP, offset(s));
    }

    private Insn atomic() {
        Size s = rnd.nextBoolean() ? Size.W : Size.DW;
        AtomicOp op = AtomicOp.values()[rnd.nextInt(AtomicOp.values().length)];
        return Mem.atomic(s, op, FP, offset(s), reg());
    }
}
