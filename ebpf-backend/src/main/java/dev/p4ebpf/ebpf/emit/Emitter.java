package dev.p4ebpf.ebpf.emit;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.AtomicOp;
import dev.p4ebpf.ebpf.insn.ByteOrder;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Imm;
import dev.p4ebpf.ebpf.insn.Imm64;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.Meta;
import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.insn.Src;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.regalloc.Allocation;
import dev.p4ebpf.ebpf.regalloc.FrameLayout;
import dev.p4ebpf.ir.diag.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an allocated function into BPF instructions (ISA v3, plus the v4 sign-extending move):
 * blocks in {@link BlockOrder}, branches inverted so the likely successor falls through, jumps to
 * blocks that emit nothing sent straight on, moves between the same register dropped, 32-bit
 * operations in the ALU32/JMP32 classes, byte swaps as {@code be16/32/64}, constants outside a
 * 32-bit immediate as LD_IMM64, stack slots fp-relative. Every instruction's {@link Meta} carries
 * the span of the LIR instruction it came from.
 */
public final class Emitter {
    private final Allocation alloc;
    private final FrameLayout frame;
    private final Map<Integer, LBlock> byId;
    private final Code.Builder code = Code.builder();
    private Span span = Span.NONE;

    private Emitter(Allocation alloc) {
        this.alloc = alloc;
        this.frame = alloc.frame();
        this.byId = alloc.function().byId();
    }

    /** The code of {@code alloc.function()} under its allocation. */
    public static Code emit(Allocation alloc) {
        return new Emitter(alloc).run();
    }

    /** The label of a block's first instruction. */
    public static Label label(int block) {
        return Label.of("LBB" + block);
    }

    private Code run() {
        List<LBlock> order = BlockOrder.of(alloc.function());
        for (int k = 0; k < order.size(); k++) {
            LBlock b = order.get(k);
            int next = k + 1 < order.size() ? forward(order.get(k + 1).id()) : -1;
            code.bind(label(b.id()));
            b.insns().forEach(this::insn);
            term(b.term(), next);
        }
        return code.build();
    }

    private void add(Insn i) {
        code.emit(i.withMeta(Meta.of(span)));
    }

    private Reg r(VReg v) {
        return alloc.reg(v);
    }

    private Src src(Operand o, boolean is32) {
        return switch (o) {
            case VReg v -> r(v);
            case Operand.Imm(long v) -> {
                if (!is32 && v != (int) v) {
                    throw new IllegalStateException("immediate " + v + " does not fit 32 bits; the function is not in"
                            + " machine form");
                }
                yield new Imm((int) v);
            }
        };
    }

    private void move(Reg dst, Reg src) {
        if (dst != src) {
            add(new Insn.Arith(true, AluOp.MOV, dst, src, Meta.NONE));
        }
    }

    private void constant(Reg dst, long v) {
        if (v == (int) v) {
            add(new Insn.Arith(true, AluOp.MOV, dst, new Imm((int) v), Meta.NONE));
        } else if (v >>> 32 == 0) {
            add(new Insn.Arith(false, AluOp.MOV, dst, new Imm((int) v), Meta.NONE));
        } else {
            add(new Insn.LoadImm64(dst, new Imm64.Const(v), Meta.NONE));
        }
    }

    private void insn(LInsn i) {
        span = i.span();
        switch (i) {
            case LInsn.Mov m -> {
                switch (m.src()) {
                    case VReg s -> move(r(m.dst()), r(s));
                    case Operand.Imm(long v) -> constant(r(m.dst()), v);
                }
            }
            case LInsn.Alu a -> alu(a);
            case LInsn.Neg n -> {
                move(r(n.dst()), r(n.src()));
                add(new Insn.Arith(!n.is32(), AluOp.NEG, r(n.dst()), new Imm(0), Meta.NONE));
            }
            case LInsn.SignExtend s -> add(new Insn.Arith(true, switch (s.bits()) {
                case 8 -> AluOp.MOVSX8;
                case 16 -> AluOp.MOVSX16;
                case 32 -> AluOp.MOVSX32;
                default -> throw new IllegalArgumentException("sign extension from " + s.bits() + " bits");
            }, r(s.dst()), r(s.src()), Meta.NONE));
            case LInsn.ByteSwap b -> {
                move(r(b.dst()), r(b.src()));
                add(new Insn.Endian(ByteOrder.BE, b.bits(), r(b.dst()), Meta.NONE));
            }
            case LInsn.Load l -> add(new Insn.Load(l.size(), false, r(l.dst()), r(l.base()), l.offset(), Meta.NONE));
            case LInsn.Store s -> add(new Insn.Store(s.size(), r(s.base()), src(s.value(), s.size().bytes() < 8),
                    s.offset(), Meta.NONE));
            case LInsn.AtomicAdd a -> add(new Insn.Atomic(a.size(), AtomicOp.ADD, r(a.base()), r(a.value()),
                    a.offset(), Meta.NONE));
            case LInsn.StackAddr s -> {
                move(r(s.dst()), Reg.FP);
                int off = frame.offset(s.slot(), s.offset());
                if (off != 0) {
                    add(new Insn.Arith(true, AluOp.ADD, r(s.dst()), new Imm(off), Meta.NONE));
                }
            }
            case LInsn.LoadStack l -> add(new Insn.Load(l.size(), false, r(l.dst()), Reg.FP,
                    frame.offset(l.slot(), l.offset()), Meta.NONE));
            case LInsn.StoreStack s -> add(new Insn.Store(s.size(), Reg.FP, src(s.value(), s.size().bytes() < 8),
                    frame.offset(s.slot(), s.offset()), Meta.NONE));
            case LInsn.LoadMap m -> add(new Insn.LoadImm64(r(m.dst()), new Imm64.Map(m.map()), Meta.NONE));
            case LInsn.CallHelper c -> add(new Insn.CallHelper(c.helper().id(), Meta.NONE));
            case LInsn.CallLocal c -> add(new Insn.CallLocal(new Label(c.function()), Meta.NONE));
        }
    }

    private void alu(LInsn.Alu a) {
        Reg d = r(a.dst());
        Reg x = r(a.a());
        if (d != x) {
            if (a.b() instanceof VReg b && r(b) == d) {
                throw new IllegalStateException("ALU operation " + a + " is not in two-address form");
            }
            move(d, x);
        }
        add(new Insn.Arith(!a.is32(), a.op(), d, src(a.b(), a.is32()), Meta.NONE));
    }

    private void term(LTerm t, int next) {
        span = t.span();
        switch (t) {
            case LTerm.Jump j -> jumpUnless(forward(j.target()), next);
            case LTerm.Return r -> add(new Insn.Exit(Meta.NONE));
            case LTerm.Branch b -> branch(b, next);
        }
    }

    private void jumpUnless(int target, int next) {
        if (target != next) {
            add(new Insn.Goto(false, label(target), Meta.NONE));
        }
    }

    private void branch(LTerm.Branch b, int next) {
        int yes = forward(b.ifTrue());
        int no = forward(b.ifFalse());
        if (yes == no) {
            jumpUnless(yes, next);
            return;
        }
        Src s = src(b.b(), b.is32());
        Optional<JmpOp> inverse = inverse(b.cond());
        if (yes == next && inverse.isPresent()) {
            add(new Insn.Branch(b.is32(), inverse.get(), r(b.a()), s, label(no), Meta.NONE));
            return;
        }
        add(new Insn.Branch(b.is32(), b.cond(), r(b.a()), s, label(yes), Meta.NONE));
        jumpUnless(no, next);
    }

    static Optional<JmpOp> inverse(JmpOp op) {
        return Optional.ofNullable(switch (op) {
            case JEQ -> JmpOp.JNE;
            case JNE -> JmpOp.JEQ;
            case JGT -> JmpOp.JLE;
            case JLE -> JmpOp.JGT;
            case JGE -> JmpOp.JLT;
            case JLT -> JmpOp.JGE;
            case JSGT -> JmpOp.JSLE;
            case JSLE -> JmpOp.JSGT;
            case JSGE -> JmpOp.JSLT;
            case JSLT -> JmpOp.JSGE;
            case JSET -> null;
        });
    }

    /** Where a jump to {@code block} really lands: past blocks that emit nothing but a jump. */
    private int forward(int block) {
        Set<Integer> seen = new HashSet<>();
        int b = block;
        while (seen.add(b) && byId.get(b).term() instanceof LTerm.Jump j && emitsNothing(byId.get(b))) {
            b = j.target();
        }
        return b;
    }

    private final Map<Integer, Boolean> empty = new HashMap<>();

    private boolean emitsNothing(LBlock b) {
        return empty.computeIfAbsent(b.id(), k -> b.insns().stream().allMatch(i ->
                i instanceof LInsn.Mov m && m.src() instanceof VReg s && r(s) == r(m.dst())));
    }
}
