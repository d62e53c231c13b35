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
import java.util.List;
import java.util.Optional;

/**
 * Local algebraic rules, each exact under BPF semantics:
 * <ul>
 *   <li>identities of 64-bit operations ({@code x+0}, {@code x|0}, {@code x^0}, {@code x<<0},
 *       {@code x*1}, {@code x/1}, {@code x&-1}) become moves; {@code x*0}, {@code x&0} become 0;</li>
 *   <li>multiplication, unsigned division and remainder by a power of two become shifts and masks;</li>
 *   <li>a byte swap of a byte swap of the same width of a value that already fits the width (a
 *       zero-extending load no wider) is that value;</li>
 *   <li>{@code bswap16(x) == c} with {@code x} a 16-bit load becomes {@code x == bswap16(c)} (and
 *       likewise for 32 bits), the form clang gives {@code ntohs(eth->type) == 0x0800};</li>
 *   <li>a narrow store of {@code x & mask}, where the mask keeps every stored bit, stores {@code x};</li>
 *   <li>loads and stores through a pointer that always holds a stack address become fp-relative
 *       stack accesses (which forwarding and dead-store elimination understand).</li>
 * </ul>
 * Rules that look through a register to its definition require both registers to have a single
 * definition, so the value cannot have changed in between.
 */
public final class Peephole implements LPass {
    @Override
    public String name() {
        return "peephole";
    }

    @Override
    public LFunction run(LFunction f) {
        Defs defs = new Defs(f);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                insns.add(rewrite(i, defs));
            }
            out.add(new LBlock(b.id(), insns, rewrite(b.term(), defs)));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static LInsn rewrite(LInsn i, Defs defs) {
        return switch (i) {
            case LInsn.Alu a when a.b() instanceof Operand.Imm(long c) -> alu(a, c);
            case LInsn.ByteSwap s -> doubleSwap(s, defs).orElse(s);
            case LInsn.Store s when stackAddress(s.base(), defs).isPresent() -> {
                LInsn.StackAddr a = stackAddress(s.base(), defs).get();
                yield rewrite(new LInsn.StoreStack(s.size(), a.slot(), a.offset() + s.offset(), s.value(), s.span()),
                        defs);
            }
            case LInsn.Load l when stackAddress(l.base(), defs).isPresent() -> {
                LInsn.StackAddr a = stackAddress(l.base(), defs).get();
                yield new LInsn.LoadStack(l.size(), l.dst(), a.slot(), a.offset() + l.offset(), l.span());
            }
            case LInsn.Store s when s.size() != Size.DW && s.value() instanceof VReg v ->
                    new LInsn.Store(s.size(), s.base(), s.offset(), unmasked(v, s.size(), defs), s.span());
            case LInsn.StoreStack s when s.size() != Size.DW && s.value() instanceof VReg v ->
                    new LInsn.StoreStack(s.size(), s.slot(), s.offset(), unmasked(v, s.size(), defs), s.span());
            default -> i;
        };
    }

    /** The stack address {@code p} always holds, when its only definition is one. */
    private static Optional<LInsn.StackAddr> stackAddress(VReg p, Defs defs) {
        return defs.single(p).filter(d -> d instanceof LInsn.StackAddr).map(d -> (LInsn.StackAddr) d);
    }

    private static LInsn alu(LInsn.Alu a, long c) {
        VReg d = a.dst();
        LInsn copy = new LInsn.Mov(d, a.a(), a.span());
        LInsn zero = new LInsn.Mov(d, Operand.imm(0), a.span());
        long width = a.is32() ? 32 : 64;
        long cv = a.is32() ? c & 0xffffffffL : c;
        boolean pow2 = cv > 0 && Long.bitCount(cv) == 1;
        int log = Long.numberOfTrailingZeros(cv);
        if (!a.is32()) {
            switch (a.op()) {
                case ADD, SUB, OR, XOR, LSH, RSH, ARSH -> {
                    if ((isShift(a.op()) ? c & 63 : c) == 0) {
                        return copy;
                    }
                }
                case MUL, DIV, SDIV -> {
                    if (c == 1) {
                        return copy;
                    }
                }
                case AND -> {
                    if (c == -1) {
                        return copy;
                    }
                }
                default -> { }
            }
        }
        if ((a.op() == AluOp.MUL || a.op() == AluOp.AND) && cv == 0) {
            return zero;
        }
        if (pow2 && log < width) {
            switch (a.op()) {
                case MUL -> {
                    return new LInsn.Alu(AluOp.LSH, a.is32(), d, a.a(), Operand.imm(log), a.span());
                }
                case DIV -> {
                    return new LInsn.Alu(AluOp.RSH, a.is32(), d, a.a(), Operand.imm(log), a.span());
                }
                case MOD -> {
                    if (cv - 1 == (int) (cv - 1) || a.is32()) {
                        return new LInsn.Alu(AluOp.AND, a.is32(), d, a.a(), Operand.imm(cv - 1), a.span());
                    }
                }
                default -> { }
            }
        }
        return a;
    }

    private static boolean isShift(AluOp op) {
        return op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH;
    }

    /** Bytes {@code v} is known to fit in: the width of the zero-extending load that defines it. */
    private static int knownBytes(VReg v, Defs defs) {
        return defs.single(v).map(d -> switch (d) {
            case LInsn.Load l -> l.size().bytes();
            case LInsn.LoadStack l -> l.size().bytes();
            default -> 8;
        }).orElse(8);
    }

    private static Optional<LInsn> doubleSwap(LInsn.ByteSwap s, Defs defs) {
        if (!defs.isSingle(s.src())) {
            return Optional.empty();
        }
        return defs.single(s.src()).flatMap(d -> d instanceof LInsn.ByteSwap inner && inner.bits() == s.bits()
                && defs.isSingle(inner.src()) && knownBytes(inner.src(), defs) * 8 <= s.bits()
                ? Optional.of(new LInsn.Mov(s.dst(), inner.src(), s.span())) : Optional.empty());
    }

    private static VReg unmasked(VReg v, Size size, Defs defs) {
        long keep = (1L << (8 * size.bytes())) - 1;
        return defs.single(v).flatMap(d -> d instanceof LInsn.Alu a && a.op() == AluOp.AND
                && a.b() instanceof Operand.Imm(long m) && (m & keep) == keep && defs.isSingle(a.a())
                ? Optional.of(a.a()) : Optional.empty()).orElse(v);
    }

    private static LTerm rewrite(LTerm t, Defs defs) {
        if (!(t instanceof LTerm.Branch b) || (b.cond() != JmpOp.JEQ && b.cond() != JmpOp.JNE)
                || !(b.b() instanceof Operand.Imm(long c))) {
            return t;
        }
        Optional<LInsn> d = defs.single(b.a());
        if (d.isPresent() && d.get() instanceof LInsn.ByteSwap s && s.bits() <= 32 && defs.isSingle(s.src())
                && knownBytes(s.src(), defs) * 8 <= s.bits()) {
            long width = (1L << s.bits()) - 1;
            long k = b.is32() ? c & 0xffffffffL : c;
            if (k >= 0 && k <= width) {
                long swapped = Semantics.byteSwap(s.bits(), k);
                boolean need32 = swapped != (int) swapped;
                return new LTerm.Branch(b.cond(), b.is32() || need32, s.src(), Operand.imm(swapped), b.ifTrue(),
                        b.ifFalse(), b.span());
            }
        }
        return t;
    }
}
