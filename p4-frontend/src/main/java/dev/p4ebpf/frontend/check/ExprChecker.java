package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Checks expressions and produces their typed IR. {@link #check} gives an expression its own type
 * (integer literals without a width stay {@code int}); {@link #checkAs} checks it where the context
 * expects a type, which types list and structure expressions, {@code {#}} and literals. Every node
 * is constant-folded as it is built.
 */
final class ExprChecker {
    private final Checker ck;
    private final Operators ops;

    ExprChecker(Checker ck) {
        this.ck = ck;
        this.ops = new Operators(ck);
    }

    Expr check(Expression e, Ctx ctx) {
        return switch (e) {
            case Expression.IntLiteral i -> intLiteral(i);
            case Expression.BoolLiteral b -> new Expr.BoolLit(b.value(), b.span());
            case Expression.StringLiteral s -> new Expr.StrLit(s.value(), s.span());
            case Expression.Name n -> name(n, ctx);
            case Expression.This t -> ctx.thisType().<Expr>map(tt -> new Expr.This(tt, t.span()))
                    .orElseGet(() -> notHere("'this'", "only abstract-method implementations have it", t.span()));
            case Expression.ErrorMember em -> errorMember(em);
            case Expression.Dots d -> notHere("'...'", "it stands only at the end of a list or structure expression",
                    d.span());
            case Expression.DontCare d -> notHere("'_'", "it stands only for an ignored out argument or in a keyset",
                    d.span());
            case Expression.Invalid i -> notHere("'{#}'", "its header type must be known; write (H){#}", i.span());
            case Expression.Member m -> member(m, ctx);
            case Expression.Index i -> index(i, ctx);
            case Expression.Slice s -> slice(s, ctx);
            case Expression.DynSlice d -> dynSlice(d, ctx);
            case Expression.Unary u -> ops.unary(u.op(), check(u.operand(), ctx), u.span());
            case Expression.Binary b -> binary(b, ctx);
            case Expression.Mux m -> mux(m, Optional.empty(), ctx);
            case Expression.Cast c -> cast(c, ctx);
            case Expression.Call c -> ck.calls.call(c, ctx);
            case Expression.ListExpr l -> new Literals(ck).naturalList(l, ctx);
            case Expression.StructExpr s -> new Literals(ck).naturalStruct(s, ctx);
            case Expression.Specialized s -> notHere("a specialized type", "only '.apply(...)' can follow it", s.span());
        };
    }

    /** Checks {@code e} where a value of type {@code expected} is needed. */
    Expr checkAs(Expression e, Type expected, Ctx ctx, String what) {
        return switch (e) {
            case Expression.ListExpr l -> new Literals(ck).list(l, expected, ctx, what);
            case Expression.StructExpr s -> new Literals(ck).struct(s, expected, ctx, what);
            case Expression.Invalid i -> invalid(i.span(), expected, what);
            case Expression.Dots d -> ck.conv.defaultValue(expected, d.span()).orElseGet(() -> {
                ck.diags.report(Code.NOT_ALLOWED_HERE, d.span(), "'...'", ExprText.type(expected) + " has no default value");
                return Conversions.poisoned(new Expr.BoolLit(false, d.span()));
            });
            case Expression.Mux m -> ck.conv.coerce(mux(m, Optional.of(expected), ctx), expected, e.span(), what);
            default -> ck.conv.coerce(check(e, ctx), expected, e.span(), what);
        };
    }

    /** A condition: an expression of type {@code bool}. */
    Expr condition(Expression e, Ctx ctx) {
        return checkAs(e, Type.BOOL, ctx, "the condition");
    }

    /** An integer the compiler must know: a width, an index, a slice bound. */
    Optional<BigInteger> constant(Expression e, Ctx ctx, String what) {
        Expr v = check(e, ctx);
        if (v instanceof Expr.IntLit lit) {
            return Optional.of(lit.value());
        }
        if (v instanceof Expr.EnumLit en && en.type() instanceof Type.SerEnum se && se.member(en.member()).isPresent()) {
            return Optional.of(se.member(en.member()).get().value());
        }
        if (!(v.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, e.span(), what);
        }
        return Optional.empty();
    }

    Expr invalid(Span at, Type expected, String what) {
        if (expected instanceof Type.Header || expected instanceof Type.HeaderUnion || expected instanceof Type.DontCare) {
            return new Expr.InvalidHeader(expected, at);
        }
        ck.diags.report(Code.TYPE_MISMATCH, at, what, ExprText.type(expected), "'{#}', an invalid header");
        return Conversions.poisoned(new Expr.InvalidHeader(Type.DONT_CARE, at));
    }

    private Expr notHere(String what, String why, Span at) {
        ck.diags.report(Code.NOT_ALLOWED_HERE, at, what, why);
        return Conversions.poisoned(new Expr.BoolLit(false, at));
    }

    private Expr intLiteral(Expression.IntLiteral i) {
        if (i.width().isEmpty()) {
            return new Expr.IntLit(i.value(), Type.INF_INT, i.span());
        }
        int width = i.width().get();
        if (i.signed() && width == 0) {
            ck.diags.report(Code.BAD_WIDTH, i.span(), i.text(), 1, 0);
            return Conversions.poisoned(new Expr.IntLit(i.value(), Type.INF_INT, i.span()));
        }
        var type = new Type.Bits(width, i.signed());
        var wrapped = dev.p4ebpf.ir.fold.IntOps.wrap(i.value(), type);
        if (!wrapped.equals(i.value())) {
            ck.diags.report(Code.VALUE_TRUNCATED, i.span(), i.text(), ExprText.type(type), wrapped);
        }
        return new Expr.IntLit(wrapped, type, i.span());
    }

    private Expr name(Expression.Name n, Ctx ctx) {
        List<Symbol> found = n.dotPrefix() ? ctx.scope().lookupGlobal(n.name()) : ctx.scope().lookup(n.name());
        if (found.isEmpty()) {
            ck.diags.report(Code.UNDECLARED, n.span(), n.name());
            return Conversions.poisoned(new Expr.BoolLit(false, n.span()));
        }
        return switch (found.getFirst()) {
            case Symbol.VarSym v -> v.ref(n.span());
            case Symbol.ConstSym c -> Relocate.to(c.value(), n.span());
            case Symbol.InstanceSym i -> i.ref(n.span());
            case Symbol other -> {
                ck.diags.report(Code.NOT_A_VALUE, n.span(), n.name(), other.describe());
                yield Conversions.poisoned(new Expr.BoolLit(false, n.span()));
            }
        };
    }

    private Expr errorMember(Expression.ErrorMember em) {
        if (!ck.errors.contains(em.member())) {
            ck.diags.report(Code.NO_MEMBER, em.span(), "error", em.member());
            return Conversions.poisoned(new Expr.ErrorLit(em.member(), em.span()));
        }
        return new Expr.ErrorLit(em.member(), em.span());
    }

    /** The type a name denotes when it stands before a member ({@code E.A}), if it names a type. */
    Optional<Symbol> typeName(Expression base, Ctx ctx) {
        if (base instanceof Expression.Name n) {
            List<Symbol> found = n.dotPrefix() ? ctx.scope().lookupGlobal(n.name()) : ctx.scope().lookup(n.name());
            if (!found.isEmpty() && isTypeSymbol(found.getFirst())) {
                return Optional.of(found.getFirst());
            }
        }
        return Optional.empty();
    }

    static boolean isTypeSymbol(Symbol s) {
        return s instanceof Symbol.TypeSym || s instanceof Symbol.TypeVarSym || s instanceof Symbol.ExternSym
                || s instanceof Symbol.BlockSym || s instanceof Symbol.BlockTypeSym;
    }

    private Expr member(Expression.Member m, Ctx ctx) {
        Optional<Symbol> type = typeName(m.base(), ctx);
        if (type.isPresent()) {
            return enumMember(type.get(), m);
        }
        Expr base = check(m.base(), ctx);
        Expr member = ck.members.member(base, m.member(), m.memberSpan(), m.span());
        if (member instanceof Expr.StackProperty && ctx.body() != Ctx.Body.PARSER_STATE) {
            ck.diags.report(Code.NOT_ALLOWED_HERE, m.memberSpan(), "'" + m.member() + "'",
                    "it depends on how far a parser has filled the stack, so it is used in parsers");
        }
        return member;
    }

    private Expr enumMember(Symbol sym, Expression.Member m) {
        Type t = sym instanceof Symbol.TypeSym ts ? ts.type() : Type.DONT_CARE;
        boolean has = switch (t) {
            case Type.Enum e -> e.members().contains(m.member());
            case Type.SerEnum e -> e.member(m.member()).isPresent();
            default -> false;
        };
        if (!has) {
            ck.diags.report(Code.NO_MEMBER, m.memberSpan(), sym.describe(), m.member());
            return Conversions.poisoned(new Expr.BoolLit(false, m.span()));
        }
        return new Expr.EnumLit(t, m.member(), m.span());
    }

    private Expr index(Expression.Index i, Ctx ctx) {
        Expr base = check(i.base(), ctx);
        Expr index = check(i.index(), ctx);
        return ck.members.index(base, index, i.index().span(), i.span());
    }

    private Expr slice(Expression.Slice s, Ctx ctx) {
        Expr base = check(s.base(), ctx);
        Optional<BigInteger> hi = constant(s.hi(), ctx, "a slice bound");
        Optional<BigInteger> lo = constant(s.lo(), ctx, "a slice bound");
        if (hi.isEmpty() || lo.isEmpty()) {
            return Conversions.poisoned(base);
        }
        return ck.members.slice(base, hi.get(), lo.get(), s.span());
    }

    private Expr dynSlice(Expression.DynSlice d, Ctx ctx) {
        Expr base = check(d.base(), ctx);
        Expr lo = check(d.lo(), ctx);
        Optional<BigInteger> width = constant(d.width(), ctx, "the width of a '+:' slice");
        if (width.isEmpty()) {
            return Conversions.poisoned(base);
        }
        return ck.members.dynSlice(base, lo, width.get(), d.span());
    }

    /** Operands such as {@code {#}} or {@code {1, 2}} take the type of the other side of {@code ==}/{@code !=}. */
    private Expr binary(Expression.Binary b, Ctx ctx) {
        boolean equality = b.op() == Expression.BinaryOp.EQ || b.op() == Expression.BinaryOp.NE;
        if (equality && needsContext(b.right()) && !needsContext(b.left())) {
            Expr l = check(b.left(), ctx);
            return ops.binary(b.op(), l, checkAs(b.right(), l.type(), ctx, "the right operand"), b.opSpan(), b.span());
        }
        if (equality && needsContext(b.left()) && !needsContext(b.right())) {
            Expr r = check(b.right(), ctx);
            return ops.binary(b.op(), checkAs(b.left(), r.type(), ctx, "the left operand"), r, b.opSpan(), b.span());
        }
        return ops.binary(b.op(), check(b.left(), ctx), check(b.right(), ctx), b.opSpan(), b.span());
    }

    private static boolean needsContext(Expression e) {
        return e instanceof Expression.Invalid || e instanceof Expression.ListExpr || e instanceof Expression.StructExpr
                || e instanceof Expression.Dots;
    }

    private Expr mux(Expression.Mux m, Optional<Type> expected, Ctx ctx) {
        Expr cond = condition(m.condition(), ctx);
        Expr t = expected.map(x -> checkAs(m.ifTrue(), x, ctx, "the '?' branch")).orElseGet(() -> check(m.ifTrue(), ctx));
        Expr f = expected.map(x -> checkAs(m.ifFalse(), x, ctx, "the ':' branch")).orElseGet(() -> check(m.ifFalse(), ctx));
        return ops.mux(cond, t, f, m.span());
    }

    private Expr cast(Expression.Cast c, Ctx ctx) {
        Type to = ck.types.resolve(c.type(), ctx);
        Expression operand = c.operand();
        if (operand instanceof Expression.ListExpr || operand instanceof Expression.StructExpr
                || operand instanceof Expression.Invalid) {
            return checkAs(operand, to, ctx, "the cast operand");
        }
        Expr v = check(operand, ctx);
        if (v.type().equals(to)) {
            return v;
        }
        if (v instanceof Expr.TupleValue || v instanceof Expr.StructValue) {
            return ck.conv.coerce(v, to, operand.span(), "the cast operand");
        }
        if (to instanceof Type.Bool && v instanceof Expr.IntLit lit && lit.value().compareTo(BigInteger.ONE) > 0
                || to instanceof Type.Bool && v instanceof Expr.IntLit neg && neg.value().signum() < 0) {
            ck.diags.report(Code.BAD_CAST, c.span(), ExprText.of(v) + " (only 0 and 1 convert to bool)", "'bool'");
            return Conversions.poisoned(v);
        }
        if (!ck.conv.castAllowed(v.type(), to)) {
            ck.diags.report(Code.BAD_CAST, c.span(), ExprText.type(v.type()), ExprText.type(to));
            return Conversions.poisoned(v);
        }
        return ck.fold(new Expr.Cast(to, v, c.span()));
    }

    /**
     * Checks a writable expression: the target of an assignment or an out/inout argument.
     * {@code what} names it for messages.
     */
    Expr lvalue(Expression e, Ctx ctx, String what) {
        Expr v = check(e, ctx);
        Lvalues.why(v, ctx).ifPresent(why -> ck.diags.report(Code.NOT_LVALUE, e.span(), what, why));
        return v;
    }

    /** Whether an expression is a call that returns a value (not void), for messages. */
    static boolean isCall(Expr e) {
        return e instanceof Call;
    }
}
