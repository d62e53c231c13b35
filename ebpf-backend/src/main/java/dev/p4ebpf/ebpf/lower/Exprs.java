package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;

/**
 * Lowers expressions of scalar type to registers and boolean expressions to branches. Values are
 * kept canonical: a W-bit value in the low W bits of its register, zero above; signed values are
 * sign-extended only where an operation needs it (comparisons, right shifts).
 */
final class Exprs {
    private final Lowering lo;
    private final Gen g;

    Exprs(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    /** The value of a scalar expression of at most 64 bits (wider ones are {@link WideExprs}). */
    VReg value(Expr e) throws Unsupported {
        Span at = e.span();
        int w = width(e);
        if (Types.representation(e.type()) instanceof Type.Varbit) {
            throw varbitValue(at);
        }
        if (w > 64) {
            throw WideExprs.unsupported(e, w);
        }
        java.util.Optional<Expr.StackElement> indexed = StackIndex.find(e);
        if (indexed.isPresent()) {
            return lo.stackIndex.value(e, indexed.get());
        }
        if (fromWide(e)) {
            return lo.wide.narrow(e);
        }
        return switch (e) {
            case Expr.IntLit i -> g.imm(literal(i.value(), w), at);
            case Expr.BoolLit b -> g.imm(b.value() ? 1 : 0, at);
            case Expr.ErrorLit er -> g.imm(lo.errorCode(er.member()), at);
            case Expr.EnumLit en -> g.imm(enumValue(en), at);
            case Expr.MatchKindLit m -> throw new Unsupported("match_kind value " + m.member(), "it exists at compile time only; use it in a table key's match kind", at);
            case Expr.Var v -> lo.read(lo.loc(e), at);
            case Expr.Member m when m.base() instanceof Call.TableApply t -> tableResult(m, t);
            case Expr.Member m -> lo.read(lo.loc(e), at);
            case Expr.StackElement s -> lo.read(lo.loc(e), at);
            case Expr.StackProperty p when p.property() == Expr.StackProp.LAST_INDEX -> {
                Loc.Stack st = (Loc.Stack) lo.loc(p.stack());
                yield g.truncate(g.alu(AluOp.SUB, st.next(), 1, at), 32, at);
            }
            case Expr.StackProperty p -> lo.read(lo.loc(e), at);
            case Expr.TupleElement t -> lo.read(lo.loc(e), at);
            case Expr.Unary u -> unary(u, w);
            case Expr.Binary b -> binary(b, w);
            case Expr.Mux m -> mux(m);
            case Expr.Cast c -> cast(c);
            case Expr.Slice s -> g.truncate(shiftRight(value(s.operand()), s.lo(), at), s.hi() - s.lo() + 1, at);
            case Expr.DynSlice d -> g.truncate(g.alu(AluOp.RSH, value(d.operand()), value(d.lo()), at), d.width(), at);
            case Call c -> lo.calls.value(c);
            case Expr.StrLit s -> throw new Unsupported("a string", "strings exist at compile time only; use them in annotations", at);
            case Expr.InvalidHeader h -> throw new IllegalStateException("invalid header as a scalar");
            case Expr.DontCareArg d -> throw new IllegalStateException("_ as a value");
            case Expr.InstanceRef r -> throw new IllegalStateException("instance as a value");
            case Expr.This t -> throw new Unsupported("'this'", "abstract methods are not supported by the eBPF backend; implement the extern without them", at);
            case Expr.StructValue s -> throw new IllegalStateException("struct value as a scalar");
            case Expr.TupleValue t -> throw new IllegalStateException("tuple value as a scalar");
        };
    }

    static Unsupported varbitValue(Span at) {
        return new Unsupported("the value of a varbit field", "the eBPF backend extracts and emits varbit fields but"
                + " does not read, write or compare them; keep the data in the packet or use bit<N> fields", at);
    }

    /** A slice of, or a cast from, a value wider than 64 bits. */
    private static boolean fromWide(Expr e) throws Unsupported {
        return switch (e) {
            case Expr.Slice s -> width(s.operand()) > 64;
            case Expr.Cast c -> !(c.operand() instanceof Expr.IntLit) && width(c.operand()) > 64;
            default -> false;
        };
    }

    /** {@code t.apply().hit} or {@code .miss}: applies the table and yields the flag. */
    private VReg tableResult(Expr.Member m, Call.TableApply t) throws Unsupported {
        Tables.Result r = lo.tables.apply(t.table(), m.span());
        return switch (m.field()) {
            case "hit" -> r.hit();
            case "miss" -> g.alu(AluOp.XOR, r.hit(), 1, m.span());
            default -> throw new Unsupported("table result ." + m.field(),
                    "only hit, miss and action_run (in a switch) are results of apply(); use one of those", m.span());
        };
    }

    private VReg shiftRight(VReg v, int n, Span at) {
        return n == 0 ? v : g.alu(AluOp.RSH, v, n, at);
    }

    /** The width of a scalar expression's type. */
    static int width(Expr e) throws Unsupported {
        if (e.type() instanceof Type.InfInt) {
            return 64;
        }
        return Scalars.width(e.type()).orElse(64);
    }

    static long literal(BigInteger v, int width) {
        return v.and(BigInteger.ONE.shiftLeft(Math.min(width, 64)).subtract(BigInteger.ONE)).longValue();
    }

    private long enumValue(Expr.EnumLit en) {
        return switch (en.type()) {
            case Type.SerEnum se -> literal(se.member(en.member()).orElseThrow().value(), se.underlying().width());
            case Type.Enum e -> e.members().indexOf(en.member());
            default -> throw new IllegalStateException("enum literal of " + en.type());
        };
    }

    private VReg unary(Expr.Unary u, int w) throws Unsupported {
        Span at = u.span();
        VReg v = value(u.operand());
        return switch (u.op()) {
            case NOT -> g.alu(AluOp.XOR, v, 1, at);
            case COMPLEMENT -> g.truncate(g.alu(AluOp.XOR, v, -1, at), w, at);
            case NEG -> {
                VReg r = g.reg("neg");
                lo.g.b.emit(new dev.p4ebpf.ebpf.lir.LInsn.Neg(false, r, v, at));
                yield g.truncate(r, w, at);
            }
        };
    }

    private VReg binary(Expr.Binary b, int w) throws Unsupported {
        Span at = b.span();
        if (b.op() == Expr.BinOp.CONCAT) {
            java.util.Optional<Loc.PacketField> adjacent = adjacentFields(b);
            if (adjacent.isPresent()) {
                return lo.access.read(adjacent.get(), at);
            }
        }
        if (b.op() == Expr.BinOp.LAND || b.op() == Expr.BinOp.LOR || b.op().isComparison()) {
            return g.materialize(cond(b), at);
        }
        int ow = width(b.left());
        boolean signed = Scalars.signed(b.left().type());
        VReg l = value(b.left());
        return switch (b.op()) {
            case ADD -> g.truncate(g.alu(AluOp.ADD, l, operand(b.right()), at), w, at);
            case SUB -> g.truncate(g.alu(AluOp.SUB, l, operand(b.right()), at), w, at);
            case MUL -> g.truncate(g.alu(AluOp.MUL, l, operand(b.right()), at), w, at);
            case DIV -> g.alu(AluOp.DIV, l, operand(b.right()), at);
            case MOD -> g.alu(AluOp.MOD, l, operand(b.right()), at);
            case BAND -> g.alu(AluOp.AND, l, operand(b.right()), at);
            case BOR -> g.alu(AluOp.OR, l, operand(b.right()), at);
            case BXOR -> g.alu(AluOp.XOR, l, operand(b.right()), at);
            case SHL -> shift(true, l, b.right(), w, signed, at);
            case SHR -> shift(false, l, b.right(), w, signed, at);
            case CONCAT -> g.alu(AluOp.OR, g.alu(AluOp.LSH, l, width(b.right()), at), operand(b.right()), at);
            case ADD_SAT, SUB_SAT -> saturating(b.op() == Expr.BinOp.ADD_SAT, l, value(b.right()), ow, signed, at);
            default -> throw new IllegalStateException(b.op().toString());
        };
    }

    /**
     * {@code a ++ b} of two fields that follow each other in a header kept in the packet: one read of
     * the bits they span.
     */
    private java.util.Optional<Loc.PacketField> adjacentFields(Expr.Binary b) throws Unsupported {
        if (!(b.left() instanceof Expr.Member) || !(b.right() instanceof Expr.Member)) {
            return java.util.Optional.empty();
        }
        if (lo.loc(b.left()) instanceof Loc.PacketField x && lo.loc(b.right()) instanceof Loc.PacketField y
                && x.header() == y.header() && x.field().bitOffset() + x.field().width() == y.field().bitOffset()
                && x.field().width() + y.field().width() <= 64 && !Scalars.signed(b.left().type())) {
            var joined = new HeaderLayout.FieldLayout(x.field().name() + "++" + y.field().name(), b.type(),
                    x.field().bitOffset(), x.field().width() + y.field().width());
            return java.util.Optional.of(new Loc.PacketField(x.header(), joined));
        }
        return java.util.Optional.empty();
    }

    /** An operand: an immediate for a constant that fits 32 signed bits, else a register. */
    Operand operand(Expr e) throws Unsupported {
        if (e instanceof Expr.IntLit i) {
            long v = literal(i.value(), width(e));
            if (v == (int) v) {
                return Operand.imm(v);
            }
        }
        return value(e);
    }

    private VReg shift(boolean left, VReg v, Expr amount, int w, boolean signed, Span at) throws Unsupported {
        if (amount instanceof Expr.IntLit n) {
            long k = n.value().min(BigInteger.valueOf(64)).longValue();
            if (k >= w) {
                return !left && signed ? g.truncate(g.alu(AluOp.ARSH, g.signExtend(v, w, at), 63, at), w, at)
                        : g.imm(0, at);
            }
            if (left) {
                return g.truncate(g.alu(AluOp.LSH, v, k, at), w, at);
            }
            return signed ? g.truncate(g.alu(AluOp.ARSH, g.signExtend(v, w, at), k, at), w, at) : g.alu(AluOp.RSH, v, k, at);
        }
        VReg n = value(amount);
        VReg r = g.reg("shift");
        int small = g.block();
        int big = g.block();
        int join = g.block();
        g.branch(JmpOp.JGE, n, Operand.imm(w), big, small, at);
        g.enter(small);
        VReg s = left ? g.truncate(g.alu(AluOp.LSH, v, n, at), w, at)
                : signed ? g.truncate(g.alu(AluOp.ARSH, g.signExtend(v, w, at), n, at), w, at) : g.alu(AluOp.RSH, v, n, at);
        g.set(r, s, at);
        g.jump(join, at);
        g.enter(big);
        if (!left && signed) {
            g.set(r, g.truncate(g.alu(AluOp.ARSH, g.signExtend(v, w, at), 63, at), w, at), at);
        } else {
            g.set(r, Operand.imm(0), at);
        }
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    private VReg saturating(boolean add, VReg a, VReg c, int w, boolean signed, Span at) {
        VReg r = g.reg("sat");
        if (!signed) {
            VReg res = g.alu(add ? AluOp.ADD : AluOp.SUB, a, c, at);
            int over = g.block();
            int ok = g.block();
            int join = g.block();
            if (add) {
                // overflow when the sum needs more than w bits, or (w == 64) wrapped below a
                if (w >= 64) {
                    g.b.branch(JmpOp.JLT, false, res, a, over, ok, at);
                } else {
                    g.b.branch(JmpOp.JGT, false, res, g.imm(Scalars.mask(w), at), over, ok, at);
                }
            } else {
                g.b.branch(JmpOp.JGT, false, c, a, over, ok, at);
            }
            g.enter(over);
            g.set(r, add ? g.imm(Scalars.mask(w), at) : Operand.imm(0), at);
            g.jump(join, at);
            g.enter(ok);
            g.set(r, res, at);
            g.jump(join, at);
            g.enter(join);
            return r;
        }
        if (w >= 64) {
            return signed64Saturating(add, a, c, at);
        }
        VReg x = g.signExtend(a, w, at);
        VReg y = g.signExtend(c, w, at);
        VReg s = g.alu(add ? AluOp.ADD : AluOp.SUB, x, y, at);
        long max = (1L << (w - 1)) - 1;
        long min = -(1L << (w - 1));
        VReg clamped = g.reg("clamp");
        int high = g.block();
        int notHigh = g.block();
        int low = g.block();
        int mid = g.block();
        int join = g.block();
        g.b.branch(JmpOp.JSGT, false, s, g.imm(max, at), high, notHigh, at);
        g.enter(high);
        g.set(clamped, g.imm(max, at), at);
        g.jump(join, at);
        g.enter(notHigh);
        g.b.branch(JmpOp.JSLT, false, s, g.imm(min, at), low, mid, at);
        g.enter(low);
        g.set(clamped, g.imm(min, at), at);
        g.jump(join, at);
        g.enter(mid);
        g.set(clamped, s, at);
        g.jump(join, at);
        g.enter(join);
        g.set(r, g.truncate(clamped, w, at), at);
        return r;
    }

    /** int<64> saturation: overflow when both operands' signs agree (for +) and the result's differs. */
    private VReg signed64Saturating(boolean add, VReg a, VReg c, Span at) {
        VReg s = g.alu(add ? AluOp.ADD : AluOp.SUB, a, c, at);
        VReg y = add ? c : g.alu(AluOp.XOR, c, -1, at);
        VReg overflow = g.alu(AluOp.AND, g.alu(AluOp.XOR, a, s, at), g.alu(AluOp.XOR, y, s, at), at);
        VReg r = g.reg("sat");
        int over = g.block();
        int ok = g.block();
        int join = g.block();
        g.b.branch(JmpOp.JSLT, false, overflow, Operand.imm(0), over, ok, at);
        g.enter(over);
        // a's sign decides the bound: a >= 0 overflows upward
        int pos = g.block();
        int neg = g.block();
        g.b.branch(JmpOp.JSGE, false, a, Operand.imm(0), pos, neg, at);
        g.enter(pos);
        g.set(r, g.imm(Long.MAX_VALUE, at), at);
        g.jump(join, at);
        g.enter(neg);
        g.set(r, g.imm(Long.MIN_VALUE, at), at);
        g.jump(join, at);
        g.enter(ok);
        g.set(r, s, at);
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    private VReg mux(Expr.Mux m) throws Unsupported {
        Span at = m.span();
        VReg r = g.reg("mux");
        int t = g.block();
        int f = g.block();
        int join = g.block();
        cond(m.condition()).branch(t, f);
        g.enter(t);
        g.set(r, value(m.ifTrue()), at);
        g.jump(join, at);
        g.enter(f);
        g.set(r, value(m.ifFalse()), at);
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    private VReg cast(Expr.Cast c) throws Unsupported {
        Span at = c.span();
        Type to = Types.representation(c.type());
        Expr operand = c.operand();
        if (operand instanceof Expr.IntLit i) {
            return g.imm(literal(i.value(), width(c)), at);
        }
        VReg v = value(operand);
        int from = width(operand);
        int toWidth = width(c);
        if (to instanceof Type.Bool) {
            return from == 1 ? v : g.materialize((t, f) -> g.branch(JmpOp.JNE, v, Operand.imm(0), t, f, at), at);
        }
        if (toWidth == from) {
            return v;
        }
        if (toWidth < from) {
            return g.truncate(v, toWidth, at);
        }
        return Scalars.signed(operand.type()) ? g.truncate(g.signExtend(v, from, at), toWidth, at) : v;
    }

    /** A boolean expression as branches. */
    Conditions.Cond cond(Expr e) throws Unsupported {
        Span at = e.span();
        java.util.Optional<Expr.StackElement> indexed = StackIndex.find(e);
        if (indexed.isPresent()) {
            VReg v = lo.stackIndex.value(e, indexed.get());
            return (t, f) -> g.branch(JmpOp.JNE, v, Operand.imm(0), t, f, at);
        }
        return switch (e) {
            case Expr.BoolLit b -> (t, f) -> g.jump(b.value() ? t : f, at);
            case Expr.Unary u when u.op() == Expr.UnOp.NOT -> {
                Conditions.Cond inner = cond(u.operand());
                yield (t, f) -> inner.branch(f, t);
            }
            case Expr.Binary b when b.op() == Expr.BinOp.LAND -> {
                Conditions.Cond l = cond(b.left());
                yield (t, f) -> {
                    int right = g.block();
                    l.branch(right, f);
                    g.enter(right);
                    rethrow(() -> cond(b.right()).branch(t, f));
                };
            }
            case Expr.Binary b when b.op() == Expr.BinOp.LOR -> {
                Conditions.Cond l = cond(b.left());
                yield (t, f) -> {
                    int right = g.block();
                    l.branch(t, right);
                    g.enter(right);
                    rethrow(() -> cond(b.right()).branch(t, f));
                };
            }
            case Expr.Binary b when b.op().isComparison() && Scalars.isScalar(b.left().type()) -> compare(b);
            case Expr.Binary b when b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE -> {
                Conditions.Cond eq = lo.equality(b.left(), b.right(), at);
                yield b.op() == Expr.BinOp.EQ ? eq : (t, f) -> eq.branch(f, t);
            }
            default -> {
                VReg v = value(e);
                yield (t, f) -> g.branch(JmpOp.JNE, v, Operand.imm(0), t, f, at);
            }
        };
    }

    private Conditions.Cond compare(Expr.Binary b) throws Unsupported {
        Span at = b.span();
        if (width(b.left()) > 64 || width(b.right()) > 64) {
            return lo.wide.compare(b);
        }
        boolean signed = Scalars.signed(b.left().type());
        int w = width(b.left());
        VReg l = signed ? g.signExtend(value(b.left()), w, at) : value(b.left());
        Operand r = signed ? g.signExtend(value(b.right()), w, at) : operand(b.right());
        JmpOp op = switch (b.op()) {
            case EQ -> JmpOp.JEQ;
            case NE -> JmpOp.JNE;
            case LT -> signed ? JmpOp.JSLT : JmpOp.JLT;
            case LE -> signed ? JmpOp.JSLE : JmpOp.JLE;
            case GT -> signed ? JmpOp.JSGT : JmpOp.JGT;
            case GE -> signed ? JmpOp.JSGE : JmpOp.JGE;
            default -> throw new IllegalStateException(b.op().toString());
        };
        return (t, f) -> g.branch(op, l, r, t, f, at);
    }

    /** Conditions are built lazily inside branch(), which cannot throw checked exceptions. */
    @FunctionalInterface
    interface Action {
        void run() throws Unsupported;
    }

    static void rethrow(Action a) {
        try {
            a.run();
        } catch (Unsupported u) {
            throw new Deferred(u);
        }
    }

    @FunctionalInterface
    interface ValueAction {
        long run() throws Unsupported;
    }

    static long rethrowValue(ValueAction a) {
        try {
            return a.run();
        } catch (Unsupported u) {
            throw new Deferred(u);
        }
    }

    /** Carries an {@link Unsupported} out of a lambda; unwrapped where lowering catches it. */
    static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Deferred(Unsupported u) {
            super(u);
        }

        Unsupported unsupported() {
            return (Unsupported) getCause();
        }
    }
}
