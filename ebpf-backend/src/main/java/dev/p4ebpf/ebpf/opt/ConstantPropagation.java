package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constant propagation and folding: which registers hold a known constant at each point (a forward
 * must-analysis over the CFG), then operations on constants are folded with BPF's exact semantics
 * ({@link Semantics}), constant operands become immediates where an instruction can hold them
 * (within 32 signed bits, so that no LD_IMM64 is added), a constant left operand of a commutative
 * operation or a comparison is swapped to the right, and branches on constants become jumps.
 */
public final class ConstantPropagation implements LPass {
    @Override
    public String name() {
        return "constant-propagation";
    }

    private record Consts(Map<Integer, Long> known) {
        Consts {
            known = Map.copyOf(known);
        }
    }

    /** The registers known to hold a constant on entry to each reachable block. */
    static Map<Integer, Map<Integer, Long>> constantsIn(LFunction f) {
        ForwardFlow<Consts> flow = new ForwardFlow<>() {
            @Override
            public Consts entry() {
                return new Consts(Map.of());
            }

            @Override
            public Consts transfer(LBlock b, Consts in) {
                Map<Integer, Long> k = new HashMap<>(in.known());
                b.insns().forEach(i -> step(i, k));
                return new Consts(k);
            }

            @Override
            public Consts meet(Consts a, Consts b) {
                Map<Integer, Long> k = new HashMap<>();
                a.known().forEach((r, v) -> {
                    if (v.equals(b.known().get(r))) {
                        k.put(r, v);
                    }
                });
                return new Consts(k);
            }
        };
        Map<Integer, Map<Integer, Long>> out = new HashMap<>();
        ForwardFlow.solve(f, flow).forEach((b, c) -> out.put(b, c.known()));
        return out;
    }

    @Override
    public LFunction run(LFunction f) {
        Map<Integer, Map<Integer, Long>> in = constantsIn(f);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            Map<Integer, Long> s = in.get(b.id());
            if (s == null) {
                out.add(b);
                continue;
            }
            Map<Integer, Long> k = new HashMap<>(s);
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                insns.add(rewrite(i, k));
                step(i, k);
            }
            out.add(new LBlock(b.id(), insns, rewrite(b.term(), k)));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    static Optional<Long> value(Operand o, Map<Integer, Long> k) {
        return switch (o) {
            case VReg v -> Optional.ofNullable(k.get(v.id()));
            case Operand.Imm(long v) -> Optional.of(v);
        };
    }

    /** The constant {@code i} writes, if the inputs are known. */
    static Optional<Long> fold(LInsn i, Map<Integer, Long> k) {
        return switch (i) {
            case LInsn.Mov m -> value(m.src(), k);
            case LInsn.Alu a -> value(a.a(), k).flatMap(x -> value(a.b(), k)
                    .map(y -> Semantics.alu(a.op(), a.is32(), x, y)));
            case LInsn.Neg n -> value(n.src(), k).map(x -> Semantics.neg(n.is32(), x));
            case LInsn.SignExtend s -> value(s.src(), k).map(x -> Semantics.signExtend(s.bits(), x));
            case LInsn.ByteSwap b -> value(b.src(), k).map(x -> Semantics.byteSwap(b.bits(), x));
            default -> Optional.empty();
        };
    }

    /** Updates the known constants {@code k} across {@code i}. */
    static void step(LInsn i, Map<Integer, Long> k) {
        Optional<Long> c = fold(i, k);
        i.def().ifPresent(d -> {
            if (c.isPresent()) {
                k.put(d.id(), c.get());
            } else {
                k.remove(d.id());
            }
        });
    }

    /** An immediate for {@code o} if it is a known constant that fits where it goes. */
    private static Operand imm(Operand o, Map<Integer, Long> k, boolean low32) {
        Optional<Long> v = value(o, k);
        if (v.isPresent() && (low32 || v.get() == (long) (int) (long) v.get())) {
            return Operand.imm(low32 ? (int) (long) v.get() : v.get());
        }
        return o;
    }

    private static LInsn rewrite(LInsn i, Map<Integer, Long> k) {
        Optional<Long> c = fold(i, k);
        boolean copiesWide = i instanceof LInsn.Mov m && m.src() instanceof VReg && c.isPresent()
                && c.get() != (long) (int) (long) c.get();
        if (c.isPresent() && i.def().isPresent() && !copiesWide) {
            return new LInsn.Mov(i.def().get(), Operand.imm(c.get()), i.span());
        }
        return switch (i) {
            case LInsn.Alu a -> {
                if (value(a.a(), k).isPresent() && commutative(a.op()) && a.b() instanceof VReg b) {
                    yield new LInsn.Alu(a.op(), a.is32(), a.dst(), b, imm(a.a(), k, a.is32()), a.span());
                }
                yield new LInsn.Alu(a.op(), a.is32(), a.dst(), a.a(), imm(a.b(), k, a.is32()), a.span());
            }
            case LInsn.Store s -> new LInsn.Store(s.size(), s.base(), s.offset(),
                    imm(s.value(), k, s.size() != Size.DW), s.span());
            case LInsn.StoreStack s -> new LInsn.StoreStack(s.size(), s.slot(), s.offset(),
                    imm(s.value(), k, s.size() != Size.DW), s.span());
            case LInsn.CallHelper h -> new LInsn.CallHelper(h.helper(), h.args().stream()
                    .map(x -> imm(x, k, false)).toList(), h.result(), h.span());
            case LInsn.CallLocal h -> new LInsn.CallLocal(h.function(), h.args().stream()
                    .map(x -> imm(x, k, false)).toList(), h.result(), h.span());
            default -> i;
        };
    }

    private static LTerm rewrite(LTerm t, Map<Integer, Long> k) {
        return switch (t) {
            case LTerm.Branch b -> {
                Optional<Long> x = value(b.a(), k);
                Optional<Long> y = value(b.b(), k);
                if (x.isPresent() && y.isPresent()) {
                    boolean taken = Semantics.branch(b.cond(), b.is32(), x.get(), y.get());
                    yield new LTerm.Jump(taken ? b.ifTrue() : b.ifFalse(), b.span());
                }
                if (x.isPresent() && b.b() instanceof VReg r) {
                    Operand swapped = imm(b.a(), k, b.is32());
                    if (swapped instanceof Operand.Imm) {
                        yield new LTerm.Branch(swapped(b.cond()), b.is32(), r, swapped, b.ifTrue(), b.ifFalse(),
                                b.span());
                    }
                }
                yield new LTerm.Branch(b.cond(), b.is32(), b.a(), imm(b.b(), k, b.is32()), b.ifTrue(), b.ifFalse(),
                        b.span());
            }
            case LTerm.Return r -> new LTerm.Return(imm(r.value(), k, false), r.span());
            case LTerm.Jump j -> j;
        };
    }

    /** The condition with its operands exchanged: {@code a < b} is {@code b > a}. */
    static JmpOp swapped(JmpOp op) {
        return switch (op) {
            case JEQ, JNE, JSET -> op;
            case JGT -> JmpOp.JLT;
            case JLT -> JmpOp.JGT;
            case JGE -> JmpOp.JLE;
            case JLE -> JmpOp.JGE;
            case JSGT -> JmpOp.JSLT;
            case JSLT -> JmpOp.JSGT;
            case JSGE -> JmpOp.JSLE;
            case JSLE -> JmpOp.JSGE;
        };
    }

    static boolean commutative(AluOp op) {
        return op == AluOp.ADD || op == AluOp.MUL || op == AluOp.AND || op == AluOp.OR || op == AluOp.XOR;
    }
}
