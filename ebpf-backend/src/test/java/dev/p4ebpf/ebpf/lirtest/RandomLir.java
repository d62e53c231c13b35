package dev.p4ebpf.ebpf.lirtest;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random XDP-shaped LIR programs for differential tests: a bounds check of the packet, scalar
 * variables with random constants, stack slots filled at entry, then straight-line code and
 * diamonds of ALU operations (all widths and operations, immediates of every magnitude), stack and
 * packet loads and stores, pointer accesses into the stack and helper calls; at the end every
 * variable is stored into the packet, which the test compares. No loops (the verifier must be able
 * to explore every path).
 */
public final class RandomLir {
    /** Bytes of packet the program checks, reads and writes. */
    public static final int PACKET = 128;

    private static final AluOp[] OPS = {AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.DIV, AluOp.SDIV, AluOp.MOD,
        AluOp.SMOD, AluOp.OR, AluOp.AND, AluOp.XOR, AluOp.LSH, AluOp.RSH, AluOp.ARSH};
    private static final long[] IMMS = {0, 1, -1, 2, 7, 31, 32, 33, 63, 64, 255, 0x7fff, 0x8000, 0xffff,
        0x7fffffffL, 0x80000000L, 0xffffffffL, -0x80000000L, 0x100000000L, 0x123456789abcdefL, Long.MIN_VALUE,
        Long.MAX_VALUE};

    private final Random rnd;
    private final boolean kernelHelpers;
    private final LBuilder b = new LBuilder("rand");
    private final List<VReg> vars = new ArrayList<>();
    private final List<StackSlot> slots = new ArrayList<>();
    private VReg ctx;
    private VReg data;
    private int budget;

    private RandomLir(Random rnd, boolean kernelHelpers) {
        this.rnd = rnd;
        this.kernelHelpers = kernelHelpers;
    }

    /**
     * A random program. With {@code kernelHelpers} it calls only helpers whose results the kernel
     * gives deterministically (csum_diff of nothing, xdp_get_buff_len); otherwise also
     * get_prandom_u32, which only {@link LirInterpreter} can reproduce.
     */
    public static LFunction generate(Random rnd, boolean kernelHelpers) {
        return new RandomLir(rnd, kernelHelpers).build();
    }

    private LFunction build() {
        ctx = b.param("ctx");
        int entry = b.newBlock();
        int bail = b.newBlock();
        int body = b.newBlock();
        b.switchTo(entry);
        data = b.reg("data");
        VReg end = b.reg("end");
        VReg lim = b.reg("lim");
        b.emit(new LInsn.Load(Size.W, data, ctx, 0, Span.NONE));
        b.emit(new LInsn.Load(Size.W, end, ctx, 4, Span.NONE));
        b.emit(new LInsn.Alu(AluOp.ADD, false, lim, data, Operand.imm(PACKET), Span.NONE));
        b.branch(JmpOp.JGT, false, lim, end, bail, body, Span.NONE);
        b.switchTo(bail);
        b.ret(Operand.imm(1), Span.NONE);
        b.switchTo(body);
        int nvars = 3 + rnd.nextInt(10);
        for (int i = 0; i < nvars; i++) {
            VReg v = b.reg("v" + i);
            vars.add(v);
            b.emit(new LInsn.Mov(v, Operand.imm(imm()), Span.NONE));
        }
        int nslots = 1 + rnd.nextInt(3);
        for (int i = 0; i < nslots; i++) {
            StackSlot s = b.slot(8 * (1 + rnd.nextInt(3)), 8, "s" + i);
            slots.add(s);
            for (int off = 0; off < s.size(); off += 8) {
                b.emit(new LInsn.StoreStack(Size.DW, s, off, Operand.imm(imm()), Span.NONE));
            }
        }
        budget = 6;
        region(10 + rnd.nextInt(40));
        for (int i = 0; i < vars.size() && i < 8; i++) {
            b.emit(new LInsn.Store(Size.DW, data, 8 * i, vars.get(i), Span.NONE));
        }
        b.ret(Operand.imm(2), Span.NONE);
        return b.build();
    }

    /** Emits about {@code n} operations into the open block, possibly through diamonds. */
    private void region(int n) {
        for (int i = 0; i < n; i++) {
            if (budget > 0 && rnd.nextInt(12) == 0) {
                budget--;
                diamond(n - i);
            } else {
                op();
            }
        }
    }

    private void diamond(int rest) {
        int yes = b.newBlock();
        int no = b.newBlock();
        int join = b.newBlock();
        boolean oneArm = rnd.nextInt(3) == 0;
        b.branch(JmpOp.values()[rnd.nextInt(JmpOp.values().length)], rnd.nextBoolean(), var(), operand(), yes,
                oneArm ? join : no, Span.NONE);
        b.switchTo(yes);
        region(1 + rnd.nextInt(Math.max(1, Math.min(rest, 8))));
        b.jump(join, Span.NONE);
        if (!oneArm) {
            b.switchTo(no);
            region(1 + rnd.nextInt(Math.max(1, Math.min(rest, 8))));
            b.jump(join, Span.NONE);
        }
        b.switchTo(join);
    }

    private void op() {
        int k = rnd.nextInt(100);
        VReg dst = var();
        if (k < 45) {
            b.emit(new LInsn.Alu(OPS[rnd.nextInt(OPS.length)], rnd.nextBoolean(), dst, var(), operand(), Span.NONE));
        } else if (k < 52) {
            b.emit(new LInsn.Mov(dst, operand(), Span.NONE));
        } else if (k < 56) {
            b.emit(new LInsn.Neg(rnd.nextBoolean(), dst, var(), Span.NONE));
        } else if (k < 60) {
            b.emit(new LInsn.SignExtend(new int[] {8, 16, 32}[rnd.nextInt(3)], dst, var(), Span.NONE));
        } else if (k < 65) {
            b.emit(new LInsn.ByteSwap(new int[] {16, 32, 64}[rnd.nextInt(3)], dst, var(), Span.NONE));
        } else if (k < 75) {
            stackAccess(dst);
        } else if (k < 82) {
            pointerAccess(dst);
        } else if (k < 88) {
            Size size = size();
            int off = rnd.nextInt(PACKET / size.bytes()) * size.bytes();
            b.emit(new LInsn.Load(size, dst, data, off, Span.NONE));
        } else {
            call(dst);
        }
    }

    private void stackAccess(VReg dst) {
        StackSlot s = slots.get(rnd.nextInt(slots.size()));
        Size size = size();
        int off = rnd.nextInt(s.size() / size.bytes()) * size.bytes();
        if (rnd.nextBoolean()) {
            b.emit(new LInsn.LoadStack(size, dst, s, off, Span.NONE));
        } else {
            b.emit(new LInsn.StoreStack(size, s, off, rnd.nextBoolean() ? var() : Operand.imm(storeImm(size)),
                    Span.NONE));
        }
    }

    private void pointerAccess(VReg dst) {
        StackSlot s = slots.get(rnd.nextInt(slots.size()));
        VReg p = b.reg("p");
        Size size = size();
        int at = rnd.nextInt(s.size() / size.bytes()) * size.bytes();
        int base = rnd.nextInt(at / size.bytes() + 1) * size.bytes();
        b.emit(new LInsn.StackAddr(p, s, base, Span.NONE));
        if (rnd.nextBoolean()) {
            b.emit(new LInsn.Load(size, dst, p, at - base, Span.NONE));
        } else {
            b.emit(new LInsn.Store(size, p, at - base, rnd.nextBoolean() ? var() : Operand.imm(storeImm(size)),
                    Span.NONE));
        }
    }

    private void call(VReg dst) {
        int k = rnd.nextInt(kernelHelpers ? 2 : 3);
        if (k == 0) {
            b.emit(new LInsn.CallHelper(Helper.CSUM_DIFF, List.of(Operand.imm(0), Operand.imm(0), Operand.imm(0),
                    Operand.imm(0), operand()), Optional.of(dst), Span.NONE));
        } else if (k == 1) {
            b.emit(new LInsn.CallHelper(Helper.XDP_GET_BUFF_LEN, List.of(ctx), Optional.of(dst), Span.NONE));
        } else {
            b.emit(new LInsn.CallHelper(Helper.GET_PRANDOM_U32, List.of(), Optional.of(dst), Span.NONE));
        }
    }

    private Size size() {
        return Size.values()[rnd.nextInt(4)];
    }

    private long storeImm(Size size) {
        long v = imm();
        return v;
    }

    private VReg var() {
        return vars.get(rnd.nextInt(vars.size()));
    }

    private Operand operand() {
        return rnd.nextInt(3) == 0 ? Operand.imm(imm()) : var();
    }

    private long imm() {
        return switch (rnd.nextInt(3)) {
            case 0 -> IMMS[rnd.nextInt(IMMS.length)];
            case 1 -> rnd.nextInt(2000) - 1000;
            default -> rnd.nextLong();
        };
    }
}
