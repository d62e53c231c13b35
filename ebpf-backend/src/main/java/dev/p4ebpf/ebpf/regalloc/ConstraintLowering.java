package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a function into {@link MachineForm}: two-address ALU operations, immediates that fit,
 * shift counts masked and divisions by a constant zero replaced by their defined results (the
 * verifier rejects both as immediates), and moves into and out of the registers the calling
 * convention fixes. The moves it adds are what the allocator's coalescing removes.
 */
public final class ConstraintLowering {
    private static final Reg[] ARGS = {Reg.R1, Reg.R2, Reg.R3, Reg.R4, Reg.R5};

    private final Fresh fresh;
    private final Map<Integer, Reg> fixed = new HashMap<>();
    private List<LInsn> out;

    private ConstraintLowering(LFunction f) {
        this.fresh = new Fresh(f);
    }

    public static MachineForm lower(LFunction f) {
        return new ConstraintLowering(f).run(f);
    }

    private MachineForm run(LFunction f) {
        List<VReg> params = new ArrayList<>();
        List<LInsn> entryMoves = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            VReg p = fixedReg(ARGS[i], "arg" + (i + 1));
            params.add(p);
            entryMoves.add(new LInsn.Mov(f.params().get(i), p, Span.NONE));
        }
        List<LBlock> blocks = new ArrayList<>();
        boolean entryHasPreds = f.blocks().stream().anyMatch(b -> b.term().successors().contains(f.entry().id()));
        if (entryHasPreds) {
            blocks.add(new LBlock(fresh.block(), entryMoves, new LTerm.Jump(f.entry().id(), Span.NONE)));
        }
        for (LBlock b : f.blocks()) {
            out = new ArrayList<>();
            if (b == f.entry() && !entryHasPreds) {
                out.addAll(entryMoves);
            }
            b.insns().forEach(this::lower);
            LTerm t = lower(b.term());
            blocks.add(new LBlock(b.id(), out, t));
        }
        return new MachineForm(new LFunction(f.name(), params, blocks, f.slots()), fixed);
    }

    private VReg fixedReg(Reg r, String hint) {
        VReg v = fresh.reg(hint);
        fixed.put(v.id(), r);
        return v;
    }

    private void lower(LInsn i) {
        switch (i) {
            case LInsn.Alu a -> alu(a);
            case LInsn.Neg n -> {
                moveIfNeeded(n.dst(), n.src(), n.span());
                out.add(new LInsn.Neg(n.is32(), n.dst(), n.dst(), n.span()));
            }
            case LInsn.ByteSwap b -> {
                moveIfNeeded(b.dst(), b.src(), b.span());
                out.add(new LInsn.ByteSwap(b.bits(), b.dst(), b.dst(), b.span()));
            }
            case LInsn.Store s -> out.add(new LInsn.Store(s.size(), s.base(), s.offset(),
                    storeValue(s.size(), s.value(), s.span()), s.span()));
            case LInsn.StoreStack s -> out.add(new LInsn.StoreStack(s.size(), s.slot(), s.offset(),
                    storeValue(s.size(), s.value(), s.span()), s.span()));
            case LInsn.CallHelper c -> {
                List<Operand> args = arguments(c.args(), c.span());
                Optional<VReg> r0 = c.result().map(r -> fixedReg(Reg.R0, "ret"));
                out.add(new LInsn.CallHelper(c.helper(), args, r0, c.span()));
                r0.ifPresent(r -> out.add(new LInsn.Mov(c.result().orElseThrow(), r, c.span())));
            }
            case LInsn.CallLocal c -> {
                List<Operand> args = arguments(c.args(), c.span());
                Optional<VReg> r0 = c.result().map(r -> fixedReg(Reg.R0, "ret"));
                out.add(new LInsn.CallLocal(c.function(), args, r0, c.span()));
                r0.ifPresent(r -> out.add(new LInsn.Mov(c.result().orElseThrow(), r, c.span())));
            }
            case LInsn.Mov m -> out.add(m);
            case LInsn.SignExtend s -> out.add(s);
            case LInsn.Load l -> out.add(l);
            case LInsn.AtomicAdd a -> out.add(a);
            case LInsn.StackAddr s -> out.add(s);
            case LInsn.LoadStack l -> out.add(l);
            case LInsn.LoadMap m -> out.add(m);
        }
    }

    private List<Operand> arguments(List<Operand> args, Span span) {
        List<Operand> regs = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            VReg a = fixedReg(ARGS[k], "a" + (k + 1));
            out.add(new LInsn.Mov(a, args.get(k), span));
            regs.add(a);
        }
        return regs;
    }

    private void alu(LInsn.Alu a) {
        Operand b = a.b();
        if (b instanceof Operand.Imm(long v)) {
            if (isShift(a.op())) {
                b = Operand.imm(v & (a.is32() ? 31 : 63));
            } else if ((a.is32() ? (int) v == 0 : v == 0) && isDivision(a.op())) {
                divisionByZero(a);
                return;
            } else if (!a.is32() && !fitsInt(v)) {
                VReg t = fresh.reg("k");
                out.add(new LInsn.Mov(t, b, a.span()));
                b = t;
            }
        }
        VReg dst = a.dst();
        if (dst.id() == a.a().id()) {
            out.add(new LInsn.Alu(a.op(), a.is32(), dst, dst, b, a.span()));
        } else if (b instanceof VReg rb && rb.id() == dst.id()) {
            if (commutative(a.op())) {
                out.add(new LInsn.Alu(a.op(), a.is32(), dst, dst, a.a(), a.span()));
            } else {
                VReg t = fresh.reg(dst.hint());
                out.add(new LInsn.Mov(t, a.a(), a.span()));
                out.add(new LInsn.Alu(a.op(), a.is32(), t, t, b, a.span()));
                out.add(new LInsn.Mov(dst, t, a.span()));
            }
        } else {
            out.add(new LInsn.Mov(dst, a.a(), a.span()));
            out.add(new LInsn.Alu(a.op(), a.is32(), dst, dst, b, a.span()));
        }
    }

    /** BPF defines x / 0 = 0 and x % 0 = x (its low half for 32 bits); the verifier refuses the constant. */
    private void divisionByZero(LInsn.Alu a) {
        if (a.op() == AluOp.DIV || a.op() == AluOp.SDIV) {
            out.add(new LInsn.Mov(a.dst(), Operand.imm(0), a.span()));
            return;
        }
        moveIfNeeded(a.dst(), a.a(), a.span());
        if (a.is32()) {
            out.add(new LInsn.Alu(AluOp.AND, true, a.dst(), a.dst(), Operand.imm(0xffffffffL), a.span()));
        }
    }

    private Operand storeValue(Size size, Operand value, Span span) {
        if (size == Size.DW && value instanceof Operand.Imm(long v) && !fitsInt(v)) {
            VReg t = fresh.reg("k");
            out.add(new LInsn.Mov(t, value, span));
            return t;
        }
        return value;
    }

    private LTerm lower(LTerm t) {
        return switch (t) {
            case LTerm.Jump j -> j;
            case LTerm.Branch b -> {
                if (!b.is32() && b.b() instanceof Operand.Imm(long v) && !fitsInt(v)) {
                    VReg k = fresh.reg("k");
                    out.add(new LInsn.Mov(k, b.b(), b.span()));
                    yield new LTerm.Branch(b.cond(), false, b.a(), k, b.ifTrue(), b.ifFalse(), b.span());
                }
                yield b;
            }
            case LTerm.Return r -> {
                VReg r0 = fixedReg(Reg.R0, "result");
                out.add(new LInsn.Mov(r0, r.value(), r.span()));
                yield new LTerm.Return(r0, r.span());
            }
        };
    }

    private void moveIfNeeded(VReg dst, VReg src, Span span) {
        if (dst.id() != src.id()) {
            out.add(new LInsn.Mov(dst, src, span));
        }
    }

    static boolean fitsInt(long v) {
        return v == (int) v;
    }

    static boolean isShift(AluOp op) {
        return op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH;
    }

    static boolean isDivision(AluOp op) {
        return op == AluOp.DIV || op == AluOp.SDIV || op == AluOp.MOD || op == AluOp.SMOD;
    }

    static boolean commutative(AluOp op) {
        return op == AluOp.ADD || op == AluOp.MUL || op == AluOp.AND || op == AluOp.OR || op == AluOp.XOR;
    }
}
