package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;

/**
 * Lowers expressions of any scalar width to {@link Wide} values; those of at most 64 bits become one
 * limb through {@link Exprs}. Wider values support what P4 programs do with addresses and keys:
 * reads and writes, casts, slices, concatenation, {@code + - * & | ^ ~}, unary minus, shifts, and
 * comparisons (in {@link Exprs}).
 */
final class WideExprs {
    private final Lowering lo;
    private final Gen g;
    private final WideOps ops;

    WideExprs(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
        this.ops = new WideOps(lo.g);
    }

    WideOps ops() {
        return ops;
    }

    /** The value of a scalar expression of any width. */
    Wide of(Expr e) throws Unsupported {
        int w = Exprs.width(e);
        if (w <= 64) {
            return new Wide(w, List.of(lo.exprs.value(e)));
        }
        Span at = e.span();
        java.util.Optional<Expr.StackElement> indexed = StackIndex.find(e);
        if (indexed.isPresent()) {
            return lo.stackIndex.wide(e, indexed.get());
        }
        return switch (e) {
            case Expr.IntLit i -> ops.constant(i.value(), w, at);
            case Expr.Var v -> lo.readWide(lo.loc(e), at);
            case Expr.Member m -> lo.readWide(lo.loc(e), at);
            case Expr.StackElement s -> lo.readWide(lo.loc(e), at);
            case Expr.TupleElement t -> lo.readWide(lo.loc(e), at);
            case Expr.Unary u -> switch (u.op()) {
                case COMPLEMENT -> ops.not(of(u.operand()), at);
                case NEG -> ops.neg(of(u.operand()), at);
                case NOT -> throw new IllegalStateException("! on " + w + " bits");
            };
            case Expr.Binary b -> binary(b, w);
            case Expr.Mux m -> mux(m, w);
            case Expr.Cast c -> c.operand() instanceof Expr.IntLit i ? ops.constant(i.value(), w, at)
                    : ops.resize(of(c.operand()), w, Scalars.signed(c.operand().type()), at);
            case Expr.Slice s -> ops.slice(of(s.operand()), s.lo(), s.hi() - s.lo() + 1, at);
            case dev.p4ebpf.ir.Call.MethodCall m when m.externName().equals("packet_in")
                    && m.method().name().equals("lookahead") -> lo.extraction.lookaheadWide(m);
            default -> throw unsupported(e, w);
        };
    }

    private Wide binary(Expr.Binary b, int w) throws Unsupported {
        Span at = b.span();
        boolean signed = Scalars.signed(b.left().type());
        return switch (b.op()) {
            case ADD -> ops.add(of(b.left()), operand(b.right(), w), at);
            case SUB -> ops.sub(of(b.left()), operand(b.right(), w), at);
            case MUL -> ops.mul(of(b.left()), operand(b.right(), w), at);
            case BAND -> ops.and(of(b.left()), operand(b.right(), w), at);
            case BOR -> ops.or(of(b.left()), operand(b.right(), w), at);
            case BXOR -> ops.xor(of(b.left()), operand(b.right(), w), at);
            case CONCAT -> ops.concat(of(b.left()), of(b.right()), at);
            case SHL, SHR -> shift(b.op() == Expr.BinOp.SHL, of(b.left()), b.right(), signed, at);
            default -> throw unsupported(b, w);
        };
    }

    /** The right operand of a binary operation resized to the result's width (literals are typed already). */
    private Wide operand(Expr e, int w) throws Unsupported {
        if (e instanceof Expr.IntLit i) {
            return ops.constant(i.value(), w, e.span());
        }
        return ops.resize(of(e), w, Scalars.signed(e.type()), e.span());
    }

    /**
     * A shift by a constant, or by a run-time amount as a cascade of conditional shifts by the powers of
     * two that make it up (an amount of the width or more shifts every bit out).
     */
    private Wide shift(boolean left, Wide v, Expr amount, boolean signed, Span at) throws Unsupported {
        if (amount instanceof Expr.IntLit n) {
            int k = n.value().min(BigInteger.valueOf(v.width())).intValueExact();
            return left ? ops.shl(v, k, at) : ops.shr(v, k, signed, at);
        }
        VReg n = lo.exprs.value(amount);
        Wide r = ops.copy(v, "shift", at);
        for (int bit = 1; bit < v.width(); bit <<= 1) {
            int apply = g.block();
            int join = g.block();
            g.branch(JmpOp.JSET, n, Operand.imm(bit), apply, join, at);
            g.enter(apply);
            ops.set(r, left ? ops.shl(r, bit, at) : ops.shr(r, bit, signed, at), at);
            g.jump(join, at);
            g.enter(join);
        }
        int all = g.block();
        int join = g.block();
        g.branch(JmpOp.JGE, n, Operand.imm(v.width()), all, join, at);
        g.enter(all);
        ops.set(r, left ? ops.shl(v, v.width(), at) : ops.shr(v, v.width(), signed, at), at);
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    private Wide mux(Expr.Mux m, int w) throws Unsupported {
        Span at = m.span();
        Wide r = ops.fresh(w, "mux");
        int t = g.block();
        int f = g.block();
        int join = g.block();
        lo.exprs.cond(m.condition()).branch(t, f);
        g.enter(t);
        ops.set(r, of(m.ifTrue()), at);
        g.jump(join, at);
        g.enter(f);
        ops.set(r, of(m.ifFalse()), at);
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    /** {@code a OP b} on values wider than 64 bits, as a condition ({@code OP} a comparison). */
    Conditions.Cond compare(Expr.Binary b) throws Unsupported {
        int w = Math.max(Exprs.width(b.left()), Exprs.width(b.right()));
        boolean signed = Scalars.signed(b.left().type());
        Wide x = operand(b.left(), w);
        Wide y = operand(b.right(), w);
        Span at = b.span();
        return switch (b.op()) {
            case EQ -> (t, f) -> ops.equal(x, y, t, f, at);
            case NE -> (t, f) -> ops.equal(x, y, f, t, at);
            case LT -> (t, f) -> ops.less(x, y, false, signed, t, f, at);
            case LE -> (t, f) -> ops.less(x, y, true, signed, t, f, at);
            case GT -> (t, f) -> ops.less(y, x, false, signed, t, f, at);
            case GE -> (t, f) -> ops.less(y, x, true, signed, t, f, at);
            default -> throw new IllegalStateException(b.op().toString());
        };
    }

    /** A narrow value computed from a wide operand: a slice of at most 64 bits or a cast to a narrower type. */
    VReg narrow(Expr e) throws Unsupported {
        Span at = e.span();
        return switch (e) {
            case Expr.Slice s -> ops.bits(of(s.operand()), s.lo(), s.hi() - s.lo() + 1, at);
            case Expr.Cast c when Types.representation(c.type()) instanceof dev.p4ebpf.ir.Type.Bool -> {
                Wide v = of(c.operand());
                VReg any = v.limb(0);
                for (int i = 1; i < v.size(); i++) {
                    any = g.alu(dev.p4ebpf.ebpf.insn.AluOp.OR, any, v.limb(i), at);
                }
                VReg nonZero = any;
                yield g.materialize((t, f) -> g.branch(JmpOp.JNE, nonZero, Operand.imm(0), t, f, at), at);
            }
            case Expr.Cast c -> ops.bits(of(c.operand()), 0, Exprs.width(c), at);
            default -> throw new IllegalStateException("narrowing " + e);
        };
    }

    static Unsupported unsupported(Expr e, int w) {
        return new Unsupported("this operation on " + w + " bits (" + dev.p4ebpf.ir.print.ExprPrinter.expr(e) + ")",
                "values wider than 64 bits can be assigned, compared, sliced, cast, concatenated, shifted, negated and"
                        + " combined with + - * & | ^ ~, and used as table keys and action data; compute the rest on"
                        + " slices of at most 64 bits", e.span());
    }
}
