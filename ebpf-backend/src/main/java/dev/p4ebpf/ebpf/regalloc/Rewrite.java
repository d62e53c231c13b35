package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rewrites the registers of LIR instructions and terminators: replaces what an instruction reads
 * (with a register or, where the operand may be one, an immediate) or the register it writes. The
 * optimization passes and the allocator share it.
 */
public final class Rewrite {
    private Rewrite() {}

    /**
     * {@code i} with each register it reads mapped by {@code f}. Where the operand is a plain
     * register position (a base pointer, the left side of an ALU operation) an immediate result
     * keeps the old register.
     */
    public static LInsn uses(LInsn i, Function<VReg, Operand> f) {
        return switch (i) {
            case LInsn.Mov m -> new LInsn.Mov(m.dst(), op(m.src(), f), m.span());
            case LInsn.Alu a -> new LInsn.Alu(a.op(), a.is32(), a.dst(), reg(a.a(), f), op(a.b(), f), a.span());
            case LInsn.Neg n -> new LInsn.Neg(n.is32(), n.dst(), reg(n.src(), f), n.span());
            case LInsn.SignExtend s -> new LInsn.SignExtend(s.bits(), s.dst(), reg(s.src(), f), s.span());
            case LInsn.ByteSwap b -> new LInsn.ByteSwap(b.bits(), b.dst(), reg(b.src(), f), b.span());
            case LInsn.Load l -> new LInsn.Load(l.size(), l.dst(), reg(l.base(), f), l.offset(), l.span());
            case LInsn.Store s -> new LInsn.Store(s.size(), reg(s.base(), f), s.offset(), op(s.value(), f), s.span());
            case LInsn.AtomicAdd a -> new LInsn.AtomicAdd(a.size(), reg(a.base(), f), a.offset(), reg(a.value(), f),
                    a.span());
            case LInsn.StackAddr s -> s;
            case LInsn.LoadStack l -> l;
            case LInsn.StoreStack s -> new LInsn.StoreStack(s.size(), s.slot(), s.offset(), op(s.value(), f), s.span());
            case LInsn.LoadMap m -> m;
            case LInsn.CallHelper c -> new LInsn.CallHelper(c.helper(), ops(c.args(), f), c.result(), c.span());
            case LInsn.CallLocal c -> new LInsn.CallLocal(c.function(), ops(c.args(), f), c.result(), c.span());
        };
    }

    /** {@code i} writing {@code dst} instead of its own destination (it must have one). */
    public static LInsn def(LInsn i, VReg dst) {
        return switch (i) {
            case LInsn.Mov m -> new LInsn.Mov(dst, m.src(), m.span());
            case LInsn.Alu a -> new LInsn.Alu(a.op(), a.is32(), dst, a.a(), a.b(), a.span());
            case LInsn.Neg n -> new LInsn.Neg(n.is32(), dst, n.src(), n.span());
            case LInsn.SignExtend s -> new LInsn.SignExtend(s.bits(), dst, s.src(), s.span());
            case LInsn.ByteSwap b -> new LInsn.ByteSwap(b.bits(), dst, b.src(), b.span());
            case LInsn.Load l -> new LInsn.Load(l.size(), dst, l.base(), l.offset(), l.span());
            case LInsn.StackAddr s -> new LInsn.StackAddr(dst, s.slot(), s.offset(), s.span());
            case LInsn.LoadStack l -> new LInsn.LoadStack(l.size(), dst, l.slot(), l.offset(), l.span());
            case LInsn.LoadMap m -> new LInsn.LoadMap(dst, m.map(), m.span());
            case LInsn.CallHelper c -> new LInsn.CallHelper(c.helper(), c.args(), Optional.of(dst), c.span());
            case LInsn.CallLocal c -> new LInsn.CallLocal(c.function(), c.args(), Optional.of(dst), c.span());
            case LInsn.Store s -> throw new IllegalArgumentException("a store defines no register: " + s);
            case LInsn.AtomicAdd a -> throw new IllegalArgumentException("an atomic add defines no register: " + a);
            case LInsn.StoreStack s -> throw new IllegalArgumentException("a store defines no register: " + s);
        };
    }

    /** {@code t} with each register it reads mapped by {@code f}. */
    public static LTerm uses(LTerm t, Function<VReg, Operand> f) {
        return switch (t) {
            case LTerm.Jump j -> j;
            case LTerm.Branch b -> new LTerm.Branch(b.cond(), b.is32(), reg(b.a(), f), op(b.b(), f), b.ifTrue(),
                    b.ifFalse(), b.span());
            case LTerm.Return r -> new LTerm.Return(op(r.value(), f), r.span());
        };
    }

    /** {@code t} with its successor blocks mapped by {@code f}. */
    public static LTerm targets(LTerm t, Function<Integer, Integer> f) {
        return switch (t) {
            case LTerm.Jump j -> new LTerm.Jump(f.apply(j.target()), j.span());
            case LTerm.Branch b -> new LTerm.Branch(b.cond(), b.is32(), b.a(), b.b(), f.apply(b.ifTrue()),
                    f.apply(b.ifFalse()), b.span());
            case LTerm.Return r -> r;
        };
    }

    /** True when the instruction has an effect besides writing its destination register. */
    public static boolean hasSideEffect(LInsn i) {
        return switch (i) {
            case LInsn.Store s -> true;
            case LInsn.AtomicAdd a -> true;
            case LInsn.StoreStack s -> true;
            case LInsn.CallHelper c -> true;
            case LInsn.CallLocal c -> true;
            case LInsn.Mov m -> false;
            case LInsn.Alu a -> false;
            case LInsn.Neg n -> false;
            case LInsn.SignExtend s -> false;
            case LInsn.ByteSwap b -> false;
            case LInsn.Load l -> false;
            case LInsn.StackAddr s -> false;
            case LInsn.LoadStack l -> false;
            case LInsn.LoadMap m -> false;
        };
    }

    /** True for a helper or local call (which clobbers r0–r5). */
    public static boolean isCall(LInsn i) {
        return i instanceof LInsn.CallHelper || i instanceof LInsn.CallLocal;
    }

    private static Operand op(Operand o, Function<VReg, Operand> f) {
        return o instanceof VReg v ? f.apply(v) : o;
    }

    private static VReg reg(VReg v, Function<VReg, Operand> f) {
        return f.apply(v) instanceof VReg r ? r : v;
    }

    private static List<Operand> ops(List<Operand> args, Function<VReg, Operand> f) {
        return args.stream().map(a -> op(a, f)).toList();
    }
}
