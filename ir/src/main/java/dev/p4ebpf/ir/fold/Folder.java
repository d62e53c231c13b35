package dev.p4ebpf.ir.fold;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Folds one expression node whose operands are literals into a literal. Callers fold bottom-up.
 * Errors the spec makes compile-time errors (division by zero, negative shift amounts) are
 * reported and leave the node unfolded.
 */
public final class Folder {
    private final Diagnostics diagnostics;

    public Folder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The folded form of {@code e}, or {@code e} itself when it is not foldable. */
    public Expr fold(Expr e) {
        return switch (e) {
            case Expr.Unary u -> unary(u).orElse(e);
            case Expr.Binary b -> binary(b).orElse(e);
            case Expr.Cast c -> cast(c).orElse(e);
            case Expr.Slice s -> slice(s).orElse(e);
            case Expr.Mux m -> m.condition() instanceof Expr.BoolLit c ? (c.value() ? m.ifTrue() : m.ifFalse()) : e;
            default -> e;
        };
    }

    private static Optional<BigInteger> intValue(Expr e) {
        return e instanceof Expr.IntLit i ? Optional.of(i.value()) : Optional.empty();
    }

    private static Optional<Boolean> boolValue(Expr e) {
        return e instanceof Expr.BoolLit b ? Optional.of(b.value()) : Optional.empty();
    }

    private Optional<Expr> unary(Expr.Unary u) {
        return switch (u.op()) {
            case NOT -> boolValue(u.operand()).map(v -> new Expr.BoolLit(!v, u.span()));
            case NEG -> intValue(u.operand()).map(v -> lit(v.negate(), u.type(), u));
            case COMPLEMENT -> intValue(u.operand()).map(v -> lit(v.not(), u.type(), u));
        };
    }

    private static Expr.IntLit lit(BigInteger v, Type type, Expr at) {
        return new Expr.IntLit(IntOps.wrap(v, type), type, at.span());
    }

    private Optional<Expr> binary(Expr.Binary b) {
        if (b.op() == Expr.BinOp.LAND || b.op() == Expr.BinOp.LOR) {
            return logical(b);
        }
        Optional<Expr> symbolic = symbolic(b);
        if (symbolic.isPresent()) {
            return symbolic;
        }
        if (b.left() instanceof Expr.BoolLit l && b.right() instanceof Expr.BoolLit r) {
            return switch (b.op()) {
                case EQ -> Optional.of(new Expr.BoolLit(l.value() == r.value(), b.span()));
                case NE -> Optional.of(new Expr.BoolLit(l.value() != r.value(), b.span()));
                default -> Optional.empty();
            };
        }
        if (!(b.left() instanceof Expr.IntLit l) || !(b.right() instanceof Expr.IntLit r)) {
            return Optional.empty();
        }
        BigInteger x = l.value();
        BigInteger y = r.value();
        Type t = b.type();
        return switch (b.op()) {
            case ADD -> Optional.of(lit(x.add(y), t, b));
            case SUB -> Optional.of(lit(x.subtract(y), t, b));
            case MUL -> Optional.of(lit(x.multiply(y), t, b));
            case DIV, MOD -> divide(b, x, y);
            case ADD_SAT -> saturating(b, x, y, true);
            case SUB_SAT -> saturating(b, x, y, false);
            case SHL, SHR -> shift(b, x, y);
            case LE -> bool(x.compareTo(y) <= 0, b);
            case GE -> bool(x.compareTo(y) >= 0, b);
            case LT -> bool(x.compareTo(y) < 0, b);
            case GT -> bool(x.compareTo(y) > 0, b);
            case EQ -> bool(x.equals(y), b);
            case NE -> bool(!x.equals(y), b);
            case BAND -> Optional.of(lit(x.and(y), t, b));
            case BOR -> Optional.of(lit(x.or(y), t, b));
            case BXOR -> Optional.of(lit(x.xor(y), t, b));
            case CONCAT -> l.type() instanceof Type.Bits lt && r.type() instanceof Type.Bits rt
                    ? Optional.of(new Expr.IntLit(IntOps.concat(x, lt, y, rt), t, b.span()))
                    : Optional.empty();
            case LAND, LOR -> Optional.empty();
        };
    }

    /** {@code ==}/{@code !=} of enum members, errors and strings; {@code ++} of strings. */
    private static Optional<Expr> symbolic(Expr.Binary b) {
        Object l = symbol(b.left());
        Object r = symbol(b.right());
        if (l == null || r == null) {
            return Optional.empty();
        }
        return switch (b.op()) {
            case EQ -> bool(l.equals(r), b);
            case NE -> bool(!l.equals(r), b);
            case CONCAT -> b.left() instanceof Expr.StrLit x && b.right() instanceof Expr.StrLit y
                    ? Optional.of(new Expr.StrLit(x.value() + y.value(), b.span())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Object symbol(Expr e) {
        return switch (e) {
            case Expr.EnumLit en -> java.util.List.of(en.type(), en.member());
            case Expr.ErrorLit er -> java.util.List.of("error", er.member());
            case Expr.StrLit s -> java.util.List.of("string", s.value());
            default -> null;
        };
    }

    private static Optional<Expr> bool(boolean v, Expr at) {
        return Optional.of(new Expr.BoolLit(v, at.span()));
    }

    private static Optional<Expr> logical(Expr.Binary b) {
        Optional<Boolean> l = boolValue(b.left());
        if (l.isEmpty()) {
            return Optional.empty();
        }
        boolean and = b.op() == Expr.BinOp.LAND;
        // false && x == false; true || x == true; otherwise the result is the right operand
        if (l.get() != and) {
            return Optional.of(new Expr.BoolLit(!and, b.span()));
        }
        return Optional.of(b.right());
    }

    private Optional<Expr> divide(Expr.Binary b, BigInteger x, BigInteger y) {
        if (y.signum() == 0) {
            diagnostics.report(Code.DIVISION_BY_ZERO, b.span());
            return Optional.empty();
        }
        if (x.signum() < 0 || y.signum() < 0) {
            diagnostics.report(Code.NEGATIVE_DIVISION, b.span(), b.op().symbol());
            return Optional.empty();
        }
        BigInteger v = b.op() == Expr.BinOp.DIV ? x.divide(y) : x.mod(y);
        return Optional.of(lit(v, b.type(), b));
    }

    private static Optional<Expr> saturating(Expr.Binary b, BigInteger x, BigInteger y, boolean add) {
        if (!(b.type() instanceof Type.Bits t)) {
            return Optional.empty();
        }
        BigInteger v = add ? IntOps.addSaturating(x, y, t) : IntOps.subSaturating(x, y, t);
        return Optional.of(new Expr.IntLit(v, t, b.span()));
    }

    private Optional<Expr> shift(Expr.Binary b, BigInteger x, BigInteger n) {
        if (n.signum() < 0) {
            diagnostics.report(Code.NEGATIVE_SHIFT, b.span(), n);
            return Optional.empty();
        }
        if (b.type() instanceof Type.InfInt && n.bitLength() > 20) {
            diagnostics.report(Code.SHIFT_TOO_LARGE, b.span(), n);
            return Optional.empty();
        }
        BigInteger v = b.op() == Expr.BinOp.SHL ? IntOps.shl(x, n, b.type()) : IntOps.shr(x, n, b.type());
        return Optional.of(new Expr.IntLit(v, b.type(), b.span()));
    }

    private static Optional<Expr> cast(Expr.Cast c) {
        Type to = Types.representation(c.type());
        Expr v = c.operand();
        if (v instanceof Expr.IntLit i && (to instanceof Type.Bits || to instanceof Type.InfInt)) {
            return c.type() instanceof Type.NewType ? Optional.empty()
                    : Optional.of(new Expr.IntLit(IntOps.convert(i.value(), to), to, c.span()));
        }
        if (v instanceof Expr.IntLit i && to instanceof Type.Bool) {
            return Optional.of(new Expr.BoolLit(i.value().signum() != 0, c.span()));
        }
        if (v instanceof Expr.BoolLit bl && to instanceof Type.Bits bits) {
            return Optional.of(new Expr.IntLit(bl.value() ? BigInteger.ONE : BigInteger.ZERO, bits, c.span()));
        }
        if (v instanceof Expr.EnumLit en && en.type() instanceof Type.SerEnum se && to instanceof Type.Bits bits) {
            return se.member(en.member()).map(m -> new Expr.IntLit(IntOps.convert(m.value(), bits), bits, c.span()));
        }
        return Optional.empty();
    }

    private static Optional<Expr> slice(Expr.Slice s) {
        if (s.operand() instanceof Expr.IntLit i) {
            int width = i.type() instanceof Type.Bits b ? b.width() : 0;
            return Optional.of(new Expr.IntLit(IntOps.slice(i.value(), width, s.hi(), s.lo()), s.type(), s.span()));
        }
        return Optional.empty();
    }
}
