package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.Optional;

/** The typing rules of P4's operators (spec 8.4–8.9). */
final class Operators {
    private final Checker ck;

    Operators(Checker ck) {
        this.ck = ck;
    }

    Expr unary(Expression.UnaryOp op, Expr v, Span span) {
        Type t = numeric(v).type();
        if (t instanceof Type.DontCare) {
            return Conversions.poisoned(v);
        }
        return switch (op) {
            case NOT -> {
                Expr b = ck.conv.coerce(v, Type.BOOL, v.span(), "the operand of '!'");
                yield ck.fold(new Expr.Unary(Expr.UnOp.NOT, b, Type.BOOL, span));
            }
            case COMPLEMENT -> t instanceof Type.Bits
                    ? ck.fold(new Expr.Unary(Expr.UnOp.COMPLEMENT, numeric(v), t, span))
                    : bad("~", v, span);
            case NEG -> t instanceof Type.Bits || t instanceof Type.InfInt
                    ? ck.fold(new Expr.Unary(Expr.UnOp.NEG, numeric(v), t, span))
                    : bad("-", v, span);
            case PLUS -> t instanceof Type.Bits || t instanceof Type.InfInt ? numeric(v) : bad("+", v, span);
        };
    }

    private Expr bad(String op, Expr v, Span span) {
        ck.diags.report(Code.BAD_OPERAND, span, "'" + op + "'", ExprText.type(v.type()));
        return Conversions.poisoned(v);
    }

    /** A serializable enum value used as a number becomes its underlying value. */
    private Expr numeric(Expr v) {
        if (v.type() instanceof Type.SerEnum se) {
            return ck.fold(new Expr.Cast(se.underlying(), v, v.span()));
        }
        return v;
    }

    Expr binary(Expression.BinaryOp op, Expr l, Expr r, Span opSpan, Span span) {
        if (l.type() instanceof Type.DontCare || r.type() instanceof Type.DontCare) {
            return Conversions.poisoned(l);
        }
        return switch (op) {
            case LAND -> logical(Expr.BinOp.LAND, l, r, span);
            case LOR -> logical(Expr.BinOp.LOR, l, r, span);
            case EQ -> equality(Expr.BinOp.EQ, l, r, opSpan, span);
            case NE -> equality(Expr.BinOp.NE, l, r, opSpan, span);
            case LT -> arithmetic(Expr.BinOp.LT, l, r, opSpan, span);
            case LE -> arithmetic(Expr.BinOp.LE, l, r, opSpan, span);
            case GT -> arithmetic(Expr.BinOp.GT, l, r, opSpan, span);
            case GE -> arithmetic(Expr.BinOp.GE, l, r, opSpan, span);
            case ADD -> arithmetic(Expr.BinOp.ADD, l, r, opSpan, span);
            case SUB -> arithmetic(Expr.BinOp.SUB, l, r, opSpan, span);
            case MUL -> arithmetic(Expr.BinOp.MUL, l, r, opSpan, span);
            case DIV -> arithmetic(Expr.BinOp.DIV, l, r, opSpan, span);
            case MOD -> arithmetic(Expr.BinOp.MOD, l, r, opSpan, span);
            case ADD_SAT -> arithmetic(Expr.BinOp.ADD_SAT, l, r, opSpan, span);
            case SUB_SAT -> arithmetic(Expr.BinOp.SUB_SAT, l, r, opSpan, span);
            case BAND -> arithmetic(Expr.BinOp.BAND, l, r, opSpan, span);
            case BOR -> arithmetic(Expr.BinOp.BOR, l, r, opSpan, span);
            case BXOR -> arithmetic(Expr.BinOp.BXOR, l, r, opSpan, span);
            case SHL -> shift(Expr.BinOp.SHL, l, r, opSpan, span);
            case SHR -> shift(Expr.BinOp.SHR, l, r, opSpan, span);
            case CONCAT -> concat(l, r, opSpan, span);
        };
    }

    private Expr logical(Expr.BinOp op, Expr l, Expr r, Span span) {
        Expr a = ck.conv.coerce(l, Type.BOOL, l.span(), "the left operand of '" + op.symbol() + "'");
        Expr b = ck.conv.coerce(r, Type.BOOL, r.span(), "the right operand of '" + op.symbol() + "'");
        return ck.fold(new Expr.Binary(op, a, b, Type.BOOL, span));
    }

    private Expr equality(Expr.BinOp op, Expr l, Expr r, Span opSpan, Span span) {
        Optional<Expr[]> same = sameType(l, r);
        if (same.isEmpty()) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'",
                    ExprText.type(l.type()) + " and " + ExprText.type(r.type()));
            return Conversions.poisoned(l);
        }
        Expr a = same.get()[0];
        Expr b = same.get()[1];
        if (!comparable(a.type())) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'", ExprText.type(a.type()));
            return Conversions.poisoned(l);
        }
        return ck.fold(new Expr.Binary(op, a, b, Type.BOOL, span));
    }

    private static boolean comparable(Type t) {
        return !(t instanceof Type.Extern || t instanceof Type.Block || t instanceof Type.Void
                || t instanceof Type.Str || t instanceof Type.Table || t instanceof Type.ActionEnum
                || t instanceof Type.TableResult || t instanceof Type.MatchKind);
    }

    /** The two operands converted to one type, for {@code ==}, {@code !=} and {@code ?:}. */
    Optional<Expr[]> sameType(Expr l, Expr r) {
        if (l.type().equals(r.type())) {
            return Optional.of(new Expr[] {l, r});
        }
        if (l.type() instanceof Type.SerEnum a && r.type() instanceof Type.SerEnum b) {
            return a.underlying().equals(b.underlying()) ? sameType(numeric(l), numeric(r)) : Optional.empty();
        }
        Optional<Expr> r2 = ck.conv.tryCoerce(r, l.type());
        if (r2.isPresent() && !(l.type() instanceof Type.SerEnum && r.type() instanceof Type.InfInt)) {
            return Optional.of(new Expr[] {l, r2.get()});
        }
        Optional<Expr> l2 = ck.conv.tryCoerce(l, r.type());
        if (l2.isPresent()) {
            return Optional.of(new Expr[] {l2.get(), r});
        }
        Expr nl = numeric(l);
        Expr nr = numeric(r);
        if (nl != l || nr != r) {
            return sameType(nl, nr);
        }
        return Optional.empty();
    }

    private Expr arithmetic(Expr.BinOp op, Expr l, Expr r, Span opSpan, Span span) {
        Expr a = numeric(l);
        Expr b = numeric(r);
        if ((op == Expr.BinOp.DIV || op == Expr.BinOp.MOD) && !divisionOperands(op, a, b)) {
            return Conversions.poisoned(l);
        }
        Type ta = a.type();
        Type tb = b.type();
        Type t;
        if (ta instanceof Type.InfInt && tb instanceof Type.Bits) {
            a = ck.conv.coerce(a, tb, a.span(), "the left operand");
            t = tb;
        } else if (tb instanceof Type.InfInt && ta instanceof Type.Bits) {
            b = ck.conv.coerce(b, ta, b.span(), "the right operand");
            t = ta;
        } else if (ta.equals(tb) && (ta instanceof Type.Bits || ta instanceof Type.InfInt)) {
            t = ta;
        } else {
            String types = ta.equals(tb) ? ExprText.type(ta) : ExprText.type(ta) + " and " + ExprText.type(tb);
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'", types);
            return Conversions.poisoned(l);
        }
        boolean signed = t instanceof Type.Bits bits && bits.signed();
        if ((op == Expr.BinOp.DIV || op == Expr.BinOp.MOD) && signed) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'",
                    ExprText.type(t) + " (it is defined on unsigned values only)");
            return Conversions.poisoned(l);
        }
        if ((op == Expr.BinOp.ADD_SAT || op == Expr.BinOp.SUB_SAT) && t instanceof Type.InfInt) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'", "'int' (saturation needs a width)");
            return Conversions.poisoned(l);
        }
        Type result = op.isComparison() ? Type.BOOL : t;
        return ck.fold(new Expr.Binary(op, a, b, result, span));
    }

    /** Division and modulo by zero, or with a negative constant, are errors even when the other side is not constant. */
    private boolean divisionOperands(Expr.BinOp op, Expr a, Expr b) {
        if (b instanceof Expr.IntLit d && d.value().signum() == 0) {
            ck.diags.report(Code.DIVISION_BY_ZERO, b.span());
            return false;
        }
        for (Expr x : new Expr[] {a, b}) {
            if (x instanceof Expr.IntLit lit && lit.value().signum() < 0) {
                ck.diags.report(Code.NEGATIVE_DIVISION, x.span(), op.symbol());
                return false;
            }
        }
        return true;
    }

    private Expr shift(Expr.BinOp op, Expr l, Expr r, Span opSpan, Span span) {
        Expr a = numeric(l);
        Expr b = numeric(r);
        if (!(a.type() instanceof Type.Bits || a.type() instanceof Type.InfInt)) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'" + op.symbol() + "'", ExprText.type(a.type()));
            return Conversions.poisoned(l);
        }
        if (b instanceof Expr.IntLit n && n.value().signum() < 0) {
            ck.diags.report(Code.NEGATIVE_SHIFT, b.span(), n.value());
            return Conversions.poisoned(l);
        }
        boolean amountOk = b.type() instanceof Type.Bits bb && !bb.signed()
                || b instanceof Expr.IntLit lit && lit.value().signum() >= 0;
        if (!amountOk) {
            ck.diags.report(Code.BAD_OPERAND, b.span(), "'" + op.symbol() + "'",
                    "a shift amount of type " + ExprText.type(b.type()) + " (it must be unsigned)");
            return Conversions.poisoned(l);
        }
        if (a.type() instanceof Type.InfInt && !(b instanceof Expr.IntLit)) {
            ck.diags.report(Code.NEEDS_WIDTH, a.span(), ExprText.of(a));
            return Conversions.poisoned(l);
        }
        return ck.fold(new Expr.Binary(op, a, b, a.type(), span));
    }

    private Expr concat(Expr l, Expr r, Span opSpan, Span span) {
        if (l.type() instanceof Type.Str && r.type() instanceof Type.Str) {
            Expr folded = ck.fold(new Expr.Binary(Expr.BinOp.CONCAT, l, r, Type.STRING, span));
            if (!(folded instanceof Expr.StrLit)) {
                ck.diags.report(Code.NOT_CONSTANT, span, "a concatenation of strings");
            }
            return folded;
        }
        Expr a = numeric(l);
        Expr b = numeric(r);
        if (a.type() instanceof Type.InfInt || b.type() instanceof Type.InfInt) {
            ck.diags.report(Code.NEEDS_WIDTH, (a.type() instanceof Type.InfInt ? a : b).span(),
                    ExprText.of(a.type() instanceof Type.InfInt ? a : b));
            return Conversions.poisoned(l);
        }
        if (!(a.type() instanceof Type.Bits ta) || !(b.type() instanceof Type.Bits tb)) {
            ck.diags.report(Code.BAD_OPERAND, opSpan, "'++'", ExprText.type(a.type()) + " and " + ExprText.type(b.type()));
            return Conversions.poisoned(l);
        }
        return ck.fold(new Expr.Binary(Expr.BinOp.CONCAT, a, b, new Type.Bits(ta.width() + tb.width(), ta.signed()), span));
    }

    Expr mux(Expr cond, Expr t, Expr f, Span span) {
        Optional<Expr[]> same = sameType(t, f);
        if (same.isEmpty()) {
            ck.diags.report(Code.TYPE_MISMATCH, span, "the branches of '?:'", ExprText.type(t.type()),
                    ExprText.type(f.type()));
            return Conversions.poisoned(t);
        }
        Expr a = same.get()[0];
        Expr b = same.get()[1];
        if (a.type() instanceof Type.InfInt && !(cond instanceof Expr.BoolLit)) {
            ck.diags.report(Code.NEEDS_WIDTH, span, ExprText.of(a));
            return Conversions.poisoned(a);
        }
        return ck.fold(new Expr.Mux(cond, a, b, a.type(), span));
    }
}
